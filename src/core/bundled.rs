//! The dataset compiled into the app, so it works with no network: built from
//! data/catalog.json and data/series/*.csv by `cargo run --bin build-dataset`
//! (see docs/data-format.md).

use super::dataset::{Dataset, Problem};
use super::dataset_json;

pub const DATASET_JSON: &str = include_str!("../../data/dataset.json");

/// The bundled dataset. It is validated like any other (a test guarantees it
/// passes, so the app can trust it at startup).
pub fn dataset() -> Result<Dataset, Vec<Problem>> {
    dataset_json::read(DATASET_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

    #[test]
    fn the_bundled_dataset_is_valid_and_holds_oracle() {
        let ds = dataset().expect("the bundled dataset passes validation");
        let s = &ds.series("ORCL").unwrap().series;
        assert_eq!(s.len(), 250);
        let sep10 = Date::parse_iso("2025-09-10").unwrap();
        assert_eq!(s.points[s.index_of(sep10).unwrap()].value, 324.63);
        // FACTS.md cross-check: the series' 9→10 Sep move is +35.95%.
        assert!((s.change_on(sep10).unwrap() - 35.95).abs() < 0.01);
        assert!(ds.events.iter().any(|e| e.date == sep10 && e.series.iter().any(|x| x == "ORCL")));
    }
}
