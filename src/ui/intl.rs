//! Formatting through the browser's `Intl`, with the locale and numbering
//! system pinned: `en-GB` and `ar-u-nu-latn` (Western digits in Arabic, as the
//! article uses). Formatter objects are built once per language and options.

use crate::core::date::{Date, DatePrecision};
use crate::core::fmt::{Fmt, Tick};
use crate::core::lang::Lang;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Ar => "ar-u-nu-latn",
    }
}

pub struct IntlFmt {
    lang: Lang,
    dates: RefCell<HashMap<&'static str, Function>>,
    numbers: RefCell<HashMap<usize, Function>>,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

impl IntlFmt {
    fn new(lang: Lang) -> IntlFmt {
        IntlFmt { lang, dates: RefCell::new(HashMap::new()), numbers: RefCell::new(HashMap::new()) }
    }

    fn locales(&self) -> Array {
        Array::of1(&locale(self.lang).into())
    }

    /// Formats a date with one of a few fixed option sets.
    fn date_with(&self, d: Date, kind: &'static str) -> String {
        let f = self
            .dates
            .borrow_mut()
            .entry(kind)
            .or_insert_with(|| {
                let s = |v: &str| JsValue::from_str(v);
                let mut o = vec![("timeZone", s("UTC"))];
                match kind {
                    "long" => o.extend([("day", s("numeric")), ("month", s("short")), ("year", s("numeric"))]),
                    "month-year" => o.extend([("month", s("short")), ("year", s("numeric"))]),
                    "day-month" => o.extend([("day", s("numeric")), ("month", s("short"))]),
                    "time" => o.extend([("hour", s("2-digit")), ("minute", s("2-digit")), ("hourCycle", s("h23"))]),
                    "day-time" => {
                        o.extend([("day", s("numeric")), ("month", s("short")), ("hour", s("2-digit")), ("minute", s("2-digit")), ("hourCycle", s("h23"))])
                    }
                    "long-time" | "long-time-s" => {
                        o.extend([("day", s("numeric")), ("month", s("short")), ("year", s("numeric")), ("hour", s("2-digit")), ("minute", s("2-digit"))]);
                        if kind == "long-time-s" {
                            o.push(("second", s("2-digit")));
                        }
                        o.extend([("hourCycle", s("h23")), ("timeZoneName", s("short"))]);
                    }
                    "month" => o.push(("month", s("short"))),
                    _ => o.push(("year", s("numeric"))),
                }
                Intl::DateTimeFormat::new(&self.locales(), &options(&o)).format()
            })
            .clone();
        let js = js_sys::Date::new(&JsValue::from_f64(d.secs() as f64 * 1000.0));
        f.call1(&JsValue::NULL, &js).ok().and_then(|v| v.as_string()).unwrap_or_else(|| d.iso())
    }
}

impl Fmt for IntlFmt {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn date(&self, d: Date, p: DatePrecision) -> String {
        match p {
            DatePrecision::Day => self.date_with(d, "long"),
            DatePrecision::Month => self.date_with(d, "month-year"),
            DatePrecision::Year => self.date_with(d, "year"),
            DatePrecision::Time if d.hms().2 != 0 => self.date_with(d, "long-time-s"),
            DatePrecision::Time => self.date_with(d, "long-time"),
        }
    }

    fn tick(&self, d: Date, t: Tick) -> String {
        match t {
            Tick::Time => self.date_with(d, "time"),
            Tick::DayTime => self.date_with(d, "day-time"),
            Tick::DayMonth => self.date_with(d, "day-month"),
            Tick::Month => self.date_with(d, "month"),
            Tick::MonthYear => self.date_with(d, "month-year"),
            Tick::Year => self.date_with(d, "year"),
        }
    }

    fn number(&self, v: f64, decimals: usize) -> String {
        let decimals = decimals.min(10);
        let f = self
            .numbers
            .borrow_mut()
            .entry(decimals)
            .or_insert_with(|| {
                let d = JsValue::from_f64(decimals as f64);
                let o = options(&[("minimumFractionDigits", d.clone()), ("maximumFractionDigits", d), ("useGrouping", JsValue::TRUE)]);
                Intl::NumberFormat::new(&self.locales(), &o).format()
            })
            .clone();
        f.call1(&JsValue::NULL, &JsValue::from_f64(v)).ok().and_then(|v| v.as_string()).unwrap_or_else(|| format!("{v:.decimals$}"))
    }
}

thread_local! {
    static EN: &'static IntlFmt = Box::leak(Box::new(IntlFmt::new(Lang::En)));
    static AR: &'static IntlFmt = Box::leak(Box::new(IntlFmt::new(Lang::Ar)));
}

/// The formatter for a language (built once, kept for the page's life).
pub fn intl(lang: Lang) -> &'static IntlFmt {
    match lang {
        Lang::En => EN.with(|f| *f),
        Lang::Ar => AR.with(|f| *f),
    }
}
