#![no_main]
// A date in any form: parse it or refuse it.
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        liquidity_explorer::tools::fuzz::date(text);
    }
});
