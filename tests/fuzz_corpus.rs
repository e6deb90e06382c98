//! Replays every input the fuzz targets keep (fuzz/corpus/<target>/: seeds and
//! every case a fuzzer ever found) through the same entry points, so a case
//! found once stays fixed. Quick: part of the test command.

use liquidity_explorer::tools::fuzz;
use std::path::Path;

#[test]
fn every_kept_fuzz_case_still_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut n = 0;
    for (target, run) in [("dataset", fuzz::dataset as fn(&str)), ("csv", fuzz::csv), ("address", fuzz::address), ("date", fuzz::date)] {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten().map(|e| e.path()).collect();
        files.sort();
        assert!(!files.is_empty(), "{target} has no seeds");
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            if let Ok(text) = std::str::from_utf8(&bytes) {
                run(text);
                n += 1;
            }
        }
    }
    assert!(n >= 10, "{n} cases");
}
