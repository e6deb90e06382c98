//! The bundled dataset (data/dataset.json) against its sources: rebuilding it
//! from data/catalog.json and data/series/*.csv gives the committed file byte
//! for byte, every value equals its CSV row at the source's precision, and every
//! item carries a source.

use liquidity_explorer::core::dataset::Dataset;
use liquidity_explorer::core::dataset_json::{read, write};
use liquidity_explorer::core::date::Date;
use liquidity_explorer::tools::build::{build, research_rows, selected};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn csv(name: &str) -> Option<String> {
    std::fs::read_to_string(root().join("data/series").join(name)).ok()
}

fn bundled() -> Dataset {
    read(&std::fs::read_to_string(root().join("data/dataset.json")).unwrap()).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn rebuilding_from_the_sources_gives_the_committed_file() {
    let catalog = std::fs::read_to_string(root().join("data/catalog.json")).unwrap();
    let ds = build(&catalog, &csv).unwrap_or_else(|e| panic!("{e:#?}"));
    let fresh = write(&ds);
    let committed = std::fs::read_to_string(root().join("data/dataset.json")).unwrap();
    assert!(fresh == committed, "data/dataset.json is stale: run `cargo run --bin build-dataset` and commit the result");
}

#[test]
fn every_value_equals_its_csv_row_at_the_sources_precision() {
    let ds = bundled();
    let catalog: Value = serde_json::from_str(&std::fs::read_to_string(root().join("data/catalog.json")).unwrap()).unwrap();
    let mut checked = 0;
    for s in catalog["series"].as_array().unwrap() {
        let Some(file) = s["csv"].as_str() else { continue };
        let id = s["id"].as_str().unwrap();
        let rows = research_rows(&csv(file).unwrap()).unwrap();
        let rows = selected(&rows, s["unit_prefix"].as_str());
        let series = &ds.series(id).unwrap_or_else(|| panic!("{id} missing")).series;
        assert_eq!(series.len(), rows.len(), "{id}: one point per selected CSV row");
        let float32 = s["round"].as_str() == Some("f32");
        for r in rows {
            let (date, _) = Date::parse_flexible(&r.date).unwrap();
            let point = series.points[series.index_of(date).unwrap_or_else(|| panic!("{id}: no point on {}", r.date))];
            let raw: f64 = r.value.parse().unwrap();
            if float32 {
                // Single-precision noise removed, nothing else: same f32, same cents.
                assert_eq!(point.value as f32, raw as f32, "{id} {}", r.date);
                let decimals = format!("{}", point.value).split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 3, "{id} {}: {} still carries float noise", r.date, point.value);
            } else {
                assert_eq!(point.value, raw, "{id} {}: exactly the CSV's value", r.date);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, ds.total_points(), "every point was checked");
}

#[test]
fn the_issue_s_series_are_all_there() {
    let ds = bundled();
    for id in [
        "ORCL",
        "QQQ",
        "SPY",
        "MSFT",
        "NVDA",
        "AMZN",
        "GOOGL",
        "META",
        "AVGO",
        "AMD",
        "CRWV",
        "COIN",
        "MSTR",
        "BITF",
        "HUT",
        "CORZ",
        "WULF",
        "CIFR",
        "IREN",
        "APLD",
        "CLSK",
        "MARA",
        "RIOT",
        "BTC",
        "ETH",
        "TAO",
        "FET",
        "RENDER",
        "CURSOR_RAISED",
        "CURSOR_VALUATION",
        "CURSOR_ARR",
        "FET_ANCHORS",
    ] {
        assert!(ds.series(id).is_some(), "{id}");
    }
    for conflict in ["orcl-mcap-peak", "cursor-b-valuation", "crypto-vc-peak"] {
        let f = ds.facts.iter().find(|f| f.id == conflict).unwrap();
        assert!(f.is_conflict(), "{conflict} holds its alternatives side by side");
    }
    for e in ["asi-announced", "asi-merger", "ocean-exit", "fetch-lawsuit", "orcl-openai-deal"] {
        assert!(ds.events.iter().any(|x| x.id == e), "{e}");
    }
    for company in ["Bitfarms", "IREN", "Hut 8", "Core Scientific", "TeraWulf", "Cipher Mining"] {
        assert!(ds.deals.iter().any(|d| d.company == company), "{company}");
    }
}

#[test]
fn every_item_carries_a_source() {
    let ds = bundled();
    for s in &ds.series {
        let all_points_sourced = s.series.points.len() == s.notes.iter().filter(|(_, n)| n.source.is_some()).count();
        assert!(!s.sources.is_empty() || all_points_sourced, "series {} has no source", s.id());
    }
    for e in &ds.events {
        assert!(!e.sources.is_empty(), "event {}", e.id);
    }
    for f in &ds.facts {
        for v in &f.values {
            assert!(!v.sources.is_empty() && (v.quote.is_some() || v.note.is_some()), "fact {}", f.id);
        }
    }
    for d in &ds.deals {
        assert!(!d.sources.is_empty() && d.quote.is_some(), "deal {}", d.id);
    }
    for src in &ds.sources {
        assert!(src.url.as_deref().is_none_or(|u| u.starts_with("https://")), "source {}: {:?}", src.id, src.url);
    }
    // Bilingual: the bundled data says everything in both languages.
    for s in &ds.series {
        assert!(s.name.ar != s.name.en && s.name.ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "series {} needs an Arabic name", s.id());
    }
    let arabic = |t: &liquidity_explorer::core::lang::Text| t.ar != t.en && t.ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    for e in &ds.events {
        assert!(arabic(&e.title) && arabic(&e.text), "event {} needs Arabic", e.id);
    }
    for s in &ds.stories {
        assert!(arabic(&s.title) && arabic(&s.summary), "story {} needs Arabic", s.id);
        for q in &s.faq {
            assert!(arabic(&q.question) && arabic(&q.answer), "story {}: a question needs Arabic", s.id);
        }
    }
    for f in &ds.facts {
        assert!(arabic(&f.title), "fact {} needs an Arabic title", f.id);
        for v in &f.values {
            assert!(v.note.as_ref().is_none_or(arabic), "fact {}: a note needs Arabic", f.id);
        }
    }
    for s in &ds.series {
        assert!(s.caveat.as_ref().is_none_or(arabic), "series {}: the caveat needs Arabic", s.id());
    }
    assert!(arabic(&ds.title));
}
