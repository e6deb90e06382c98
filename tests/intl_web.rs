//! Formatting through the browser's Intl, in both languages, run in headless
//! Chromium by wasm-bindgen-test (`cargo test --target wasm32-unknown-unknown
//! --test intl_web`). Intl lives only in the browser, so this is where the
//! pinned locales (en-GB, ar-u-nu-latn) are checked.
#![cfg(target_arch = "wasm32")]

use liquidity_explorer::core::dataset::Unit;
use liquidity_explorer::core::date::{Date, DatePrecision};
use liquidity_explorer::core::fmt::{Fmt, Tick};
use liquidity_explorer::core::lang::Lang;
use liquidity_explorer::ui::intl::intl;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn arabic_indic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c))
}

#[wasm_bindgen_test]
fn arabic_dates_and_numbers_use_western_digits_and_arabic_words() {
    let f = intl(Lang::Ar);
    let date = f.long(d("2025-09-10"));
    assert!(date.contains("سبتمبر") && date.contains("10") && date.contains("2025"), "{date}");
    assert!(!arabic_indic(&date), "{date}");
    assert_eq!(f.date(d("2023-10-01"), DatePrecision::Month).contains("أكتوبر"), true);
    assert_eq!(f.tick(d("2025-01-01"), Tick::Year), "2025");
    let n = f.number(2_873_130_000.0, 0);
    assert!(!arabic_indic(&n) && n.chars().filter(|c| c.is_ascii_digit()).count() == 10, "{n}");
    assert_eq!(f.value(300.0, Unit::UsdBn, 0), "300 مليار دولار");
    assert!(f.value(324.63, Unit::UsdPerShare, 2).starts_with("324.63"), "{}", f.value(324.63, Unit::UsdPerShare, 2));
    assert_eq!(f.change(35.95, 0), "+36%");
    assert_eq!(f.change(-23.1, 1), "−23.1%");
}

#[wasm_bindgen_test]
fn english_reads_like_a_newsroom() {
    let f = intl(Lang::En);
    let date = f.long(d("2025-09-10"));
    assert!(date.starts_with("10 Sep") && date.ends_with("2025"), "{date}");
    assert_eq!(f.number(1234.5, 2), "1,234.50");
    assert_eq!(f.value(300.0, Unit::UsdBn, 0), "$300bn");
    assert_eq!(f.value(29.3, Unit::UsdBn, 1), "$29.3bn");
    assert_eq!(f.value(324.63, Unit::UsdPerShare, 2), "$324.63");
    assert_eq!(f.value(900.0, Unit::UsdM, 0), "$900m");
    assert_eq!(f.change(0.2, 0), "0%");
    assert_eq!(f.tick(d("2025-02-01"), Tick::MonthYear), "Feb 2025");
}
