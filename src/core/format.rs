//! Numbers in reader form, per unit: `$324.63`, `$29.3bn`, `$900m`, `30%`.
//! (English forms; the browser's Intl takes over for Arabic in the UI.)

use super::axis::format_usd;
use super::dataset::Unit;

/// Groups thousands: 2873130000 → "2,873,130,000".
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = format_usd(v, decimals);
    s.replacen('$', "", 1)
}

/// A value in its unit, at `decimals` places.
pub fn value(v: f64, unit: Unit, decimals: usize) -> String {
    match unit {
        Unit::Usd | Unit::UsdPerShare => format_usd(v, decimals),
        Unit::Usdt => format!("{} USDT", grouped(v, decimals)),
        Unit::UsdBn => format!("{}bn", format_usd(v, decimals)),
        Unit::UsdM => format!("{}m", format_usd(v, decimals)),
        Unit::UsdMPerMwYear => format!("{}m per MW a year", format_usd(v, decimals)),
        Unit::Percent => format!("{}%", grouped(v, decimals)),
        Unit::Mw => format!("{} MW", grouped(v, decimals)),
        Unit::Count | Unit::Number => grouped(v, decimals),
    }
}

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

/// What the axis caption says the numbers are.
pub fn unit_caption(unit: Unit) -> &'static str {
    match unit {
        Unit::Usd => "US dollars",
        Unit::UsdPerShare => "US dollars per share",
        Unit::UsdM => "US dollars, millions",
        Unit::UsdBn => "US dollars, billions",
        Unit::Usdt => "USDT (a dollar stablecoin)",
        Unit::Percent => "Percent",
        Unit::Mw => "Megawatts",
        Unit::UsdMPerMwYear => "US$ millions per MW per year",
        Unit::Count => "Count",
        Unit::Number => "Value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_forms() {
        assert_eq!(value(29.3, Unit::UsdBn, 1), "$29.3bn");
        assert_eq!(value(900.0, Unit::UsdM, 0), "$900m");
        assert_eq!(value(324.63, Unit::UsdPerShare, 2), "$324.63");
        assert_eq!(value(30.0, Unit::Percent, 0), "30%");
        assert_eq!(value(2_873_130_000.0, Unit::Count, 0), "2,873,130,000");
        assert_eq!(value(-23.1, Unit::Percent, 1), "−23.1%");
    }

    #[test]
    fn decimals_follow_the_data() {
        assert_eq!(auto_decimals(29.3, Unit::UsdBn, None), 1);
        assert_eq!(auto_decimals(0.2954, Unit::Usd, None), 4);
        assert_eq!(auto_decimals(124766.0, Unit::Usd, None), 0);
        assert_eq!(auto_decimals(162.8243, Unit::UsdPerShare, None), 2);
        assert_eq!(auto_decimals(162.8243, Unit::UsdPerShare, Some(3)), 3);
    }
}
