#![no_main]
// An address from any link: read it; what is read survives a round trip.
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        liquidity_explorer::tools::fuzz::address(text);
    }
});
