//! The dataset that comes with the app, built from data/catalog.json and
//! data/series/*.csv by `cargo run --bin build-dataset` (see docs/data-format.md).
//!
//! It is not compiled into the Wasm: the page loads it beside the app as
//! `dataset-<hash>.json` (fetched in parallel with the Wasm, named by its
//! content so hosts can cache it for ever), and the offline single file
//! carries it inline. Native code (tests, the build's own commands) reads it
//! from the repository here.

use super::dataset::{Dataset, Problem};
use super::dataset_json;

/// The bundled dataset's text (native builds only: the Wasm loads it).
#[cfg(not(target_arch = "wasm32"))]
pub const DATASET_JSON: &str = include_str!("../../data/dataset.json");

/// The bundled dataset. It is validated like any other (a test guarantees it
/// passes, so the app can trust it at startup).
#[cfg(not(target_arch = "wasm32"))]
pub fn dataset() -> Result<Dataset, Vec<Problem>> {
    read(DATASET_JSON)
}

/// Reads the bundled dataset's text, however it arrived.
pub fn read(text: &str) -> Result<Dataset, Vec<Problem>> {
    dataset_json::read(text)
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
