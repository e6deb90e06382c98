//! The validator against a corpus of broken files: each `tests/corpus/bad/X.json`
//! must produce exactly the messages in `X.expected` (English, one per line, in
//! order), and the same number of messages in Arabic.

use liquidity_explorer::core::dataset_json::read;
use liquidity_explorer::core::lang::Lang;
use liquidity_explorer::i18n::Say;
use std::path::Path;

#[test]
fn every_bad_file_gets_its_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    assert!(files.len() >= 8, "the corpus is missing");
    let mut failures = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let expected = std::fs::read_to_string(f.with_extension("expected")).unwrap();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        let problems = match read(&text) {
            Ok(_) => {
                failures.push(format!("{}: accepted a broken file", f.display()));
                continue;
            }
            Err(p) => p,
        };
        let got: Vec<String> = problems.iter().map(|p| p.say(Lang::En)).collect();
        if got != expected {
            failures.push(format!("{}:\n  expected {expected:#?}\n  got {got:#?}", f.display()));
        }
        for p in &problems {
            let ar = p.say(Lang::Ar);
            if ar == p.say(Lang::En) || !ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                failures.push(format!("{}: no Arabic message for {}", f.display(), p.say(Lang::En)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_documented_example_is_valid_and_round_trips() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example-dataset.json")).unwrap();
    let ds = read(&text).unwrap_or_else(|p| panic!("{:#?}", p.iter().map(|p| p.say(Lang::En)).collect::<Vec<_>>()));
    let again = read(&liquidity_explorer::core::dataset_json::write(&ds)).unwrap();
    assert_eq!(ds, again);
    assert!(ds.facts.iter().any(|f| f.is_conflict()), "the example shows how to hold a conflict");
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let huge = " ".repeat(liquidity_explorer::core::dataset::MAX_BYTES + 1);
    let p = read(&huge).unwrap_err();
    assert_eq!(p.len(), 1);
    assert!(p[0].say(Lang::En).contains("over the limit of 128 MB"), "{:?}", p[0]);
}

#[test]
fn a_million_point_series_is_accepted_and_one_more_is_not() {
    use std::fmt::Write;
    let build = |n: usize| {
        let mut s =
            String::from(r#"{"format":"liquidity-explorer-dataset/1","id":"big","title":"big","series":[{"id":"A","name":"A","unit":"number","points":["#);
        let start = liquidity_explorer::core::date::Date::parse_iso("1900-01-01").unwrap().days();
        for i in 0..n {
            let d = liquidity_explorer::core::date::Date::from_days(start + i as i32);
            if i > 0 {
                s.push(',');
            }
            write!(s, "[\"{}\",{}]", d.iso(), i % 997).unwrap();
        }
        s.push_str("]}]}");
        s
    };
    let ds = read(&build(1_000_000)).expect("a 1,000,000-point series is within the limits");
    assert_eq!(ds.total_points(), 1_000_000);
    let p = read(&build(1_000_001)).unwrap_err();
    assert!(p[0].say(Lang::En).contains("1000001 points, over the limit of 1000000"), "{:?}", p[0]);
}
