//! The entry points the fuzz targets (fuzz/) and the corpus replay
//! (tests/fuzz_corpus.rs) drive: each reads a stranger's input and checks
//! what must always hold, panicking (so the fuzzer reports it) when it does not.

use crate::core;
use crate::core::dataset::Problem;
use crate::core::lang::Lang;
use crate::i18n::Say;

fn check(problems: &[Problem]) {
    assert!(!problems.is_empty() && problems.len() <= 200, "{} problems", problems.len());
    for p in problems {
        assert!(!p.say(Lang::En).is_empty() && !p.say(Lang::Ar).is_empty());
    }
}

/// A dataset file.
pub fn dataset(text: &str) {
    let whole = core::dataset_json::read_noting(text);
    if let Err(p) = &whole {
        check(p);
    }
    // Read a piece at a time, the same.
    if let Ok(mut import) = core::json_slices::JsonImport::new(text.to_string()) {
        while !import.step(97) {}
        assert_eq!(core::dataset_json::read_sliced(import), whole);
    }
}

/// A CSV file (and the JSON-or-CSV choice the page makes).
pub fn csv(text: &str) {
    if let Err(p) = core::import_csv::import_csv(text, "fuzz.csv") {
        check(&p);
    }
    let _ = core::import_csv::load_any(text, "fuzz.csv");
}

/// An address's query string.
pub fn address(text: &str) {
    let p = core::permalink::parse(text);
    assert_eq!(core::permalink::parse(&core::permalink::to_query(&p)), p);
}

/// A date or a date-time: what is read is written back and read the same.
pub fn date(text: &str) {
    use crate::core::date::Date;
    if let Ok((d, _)) = Date::parse_flexible(text) {
        assert_eq!(Date::parse_instant(&d.iso()).ok(), Some(d));
    }
    if let Ok((d, _)) = Date::parse_datetime(text) {
        assert_eq!(Date::parse_instant(&d.iso()).ok(), Some(d));
    }
    if let Ok(n) = text.trim().parse::<i64>() {
        if let Some(d) = Date::from_unix(n) {
            assert_eq!(Date::parse_instant(&d.iso()).ok(), Some(d));
        }
    }
}
