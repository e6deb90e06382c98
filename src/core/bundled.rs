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

    #[test]
    fn any_series_is_found_by_ticker_or_name_in_either_language() {
        let ds = dataset().unwrap();
        let ids = |q: &str| ds.find_series(q).iter().map(|s| s.id().to_string()).collect::<Vec<_>>();
        assert_eq!(ids("iren"), ["IREN"]);
        assert!(ids("bitt").contains(&"TAO".to_string()), "Bittensor by its name");
        let ar = ds.series("TAO").unwrap().name.ar.clone();
        assert!(ids(&ar).contains(&"TAO".to_string()), "by its Arabic name {ar}");
        assert!(ids("  ").is_empty() && ids("zzzz").is_empty());
    }
}
