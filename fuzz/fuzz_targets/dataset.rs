#![no_main]
// A dataset file from a stranger: read and validate it; a rejection must list located problems.
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        liquidity_explorer::tools::fuzz::dataset(text);
    }
});
