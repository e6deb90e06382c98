//! How many decimals a value is shown with (the words and digits around it
//! are `core::fmt`'s).

use super::dataset::Unit;

/// Decimals that show a value faithfully without float noise: the dataset's
/// own when given, else what the value needs (at most 4; 2 for prices over $1).
pub fn auto_decimals(v: f64, unit: Unit, declared: Option<u8>) -> usize {
    if let Some(d) = declared {
        return d as usize;
    }
    let a = v.abs();
    let needed = (0..=4).find(|d| {
        let f = 10f64.powi(*d);
        ((a * f).round() - a * f).abs() < 1e-6
    });
    let needed = needed.unwrap_or(4) as usize;
    match unit {
        Unit::Usd | Unit::UsdPerShare if a >= 1.0 => needed.clamp(0, 2),
        _ => needed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_data() {
        assert_eq!(auto_decimals(29.3, Unit::UsdBn, None), 1);
        assert_eq!(auto_decimals(0.2954, Unit::Usd, None), 4);
        assert_eq!(auto_decimals(124766.0, Unit::Usd, None), 0);
        assert_eq!(auto_decimals(162.8243, Unit::UsdPerShare, None), 2);
        assert_eq!(auto_decimals(162.8243, Unit::UsdPerShare, Some(3)), 3);
    }
}
