#![no_main]
// A CSV from a stranger: import it; a rejection must list located problems.
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        liquidity_explorer::tools::fuzz::csv(text);
    }
});
