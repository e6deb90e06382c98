//! Formatting for readers, by language: dates, numbers, money and percentages.
//! The browser formats through `Intl` (src/ui/intl.rs); `Plain` gives the same
//! forms without it, for native tests and the SVG drawn natively. The numbering
//! system is pinned to Western digits (`ar-u-nu-latn`), as the article uses.

use super::axis::format_usd;
use super::dataset::Unit;
use super::date::{Date, DatePrecision};
use super::lang::Lang;

const MONTHS_AR: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

/// How a date tick reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// `13:30` (UTC).
    Time,
    /// `10 Sep 13:30`: the first tick of an intraday axis, and each midnight.
    DayTime,
    DayMonth,
    Month,
    MonthYear,
    Year,
}

pub trait Fmt {
    fn lang(&self) -> Lang;
    /// `10 Sep 2025`, `Sep 2025` or `2025`, by precision.
    fn date(&self, d: Date, p: DatePrecision) -> String;
    /// A time-axis label.
    fn tick(&self, d: Date, t: Tick) -> String;
    /// A plain number, grouped, at `decimals` places.
    fn number(&self, v: f64, decimals: usize) -> String;

    /// A day, or an instant with its time of day (UTC).
    fn long(&self, d: Date) -> String {
        self.date(d, if d.has_time() { DatePrecision::Time } else { DatePrecision::Day })
    }

    /// A value in its unit: `$324.63` / `324.63 دولار`, `$29.3bn` / `29.3 مليار دولار`.
    fn value(&self, v: f64, unit: Unit, decimals: usize) -> String {
        let n = self.number(v.abs(), decimals);
        let minus = if v < 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') { "−" } else { "" };
        let s = match (self.lang(), unit) {
            (Lang::En, Unit::Usd | Unit::UsdPerShare) => format!("${n}"),
            (Lang::En, Unit::UsdBn) => format!("${n}bn"),
            (Lang::En, Unit::UsdM) => format!("${n}m"),
            (Lang::En, Unit::UsdMPerMwYear) => format!("${n}m per MW a year"),
            (Lang::En, Unit::Mw) => format!("{n} MW"),
            (Lang::Ar, Unit::Usd | Unit::UsdPerShare) => format!("{n} دولار"),
            (Lang::Ar, Unit::UsdBn) => format!("{n} مليار دولار"),
            (Lang::Ar, Unit::UsdM) => format!("{n} مليون دولار"),
            (Lang::Ar, Unit::UsdMPerMwYear) => format!("{n} مليون دولار لكل ميغاواط سنويًا"),
            (Lang::Ar, Unit::Mw) => format!("{n} ميغاواط"),
            (_, Unit::Usdt) => format!("{n} USDT"),
            (_, Unit::Percent) => format!("{n}%"),
            (_, Unit::Count | Unit::Number) => n,
        };
        format!("{minus}{s}")
    }

    /// A value in its unit at the decimals it needs (or the dataset declares).
    fn amount(&self, v: f64, unit: Unit, declared: Option<u8>) -> String {
        self.value(v, unit, super::format::auto_decimals(v, unit, declared))
    }

    /// A change with its sign: `+36%`, `−23.1%`, `0%`.
    fn change(&self, v: f64, decimals: usize) -> String {
        let n = self.number(v.abs(), decimals);
        let zero = !n.chars().any(|c| c.is_ascii_digit() && c != '0');
        if zero {
            format!("{n}%")
        } else if v > 0.0 {
            format!("+{n}%")
        } else {
            format!("−{n}%")
        }
    }
}

/// Formatting without the browser: Western digits, English or Arabic words.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain(pub Lang);

impl Fmt for Plain {
    fn lang(&self) -> Lang {
        self.0
    }

    fn date(&self, d: Date, p: DatePrecision) -> String {
        match self.0 {
            Lang::En => d.long_at(p),
            Lang::Ar => match p {
                DatePrecision::Day => format!("{} {} {}", d.day(), MONTHS_AR[d.month() as usize - 1], d.year()),
                DatePrecision::Month => format!("{} {}", MONTHS_AR[d.month() as usize - 1], d.year()),
                DatePrecision::Year => d.year().to_string(),
                DatePrecision::Time => format!("{} {} {}، {} UTC", d.day(), MONTHS_AR[d.month() as usize - 1], d.year(), d.clock()),
            },
        }
    }

    fn tick(&self, d: Date, t: Tick) -> String {
        let month = match self.0 {
            Lang::En => d.month_short().to_string(),
            Lang::Ar => MONTHS_AR[d.month() as usize - 1].to_string(),
        };
        match t {
            Tick::Time => d.clock(),
            Tick::DayTime => format!("{} {month} {}", d.day(), d.clock()),
            Tick::DayMonth => format!("{} {month}", d.day()),
            Tick::Month => month,
            Tick::MonthYear => format!("{month} {}", d.year()),
            Tick::Year => d.year().to_string(),
        }
    }

    fn number(&self, v: f64, decimals: usize) -> String {
        format_usd(v, decimals).replacen('$', "", 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_read_naturally() {
        let d = Date::parse_iso("2025-09-10").unwrap();
        let (en, ar) = (Plain(Lang::En), Plain(Lang::Ar));
        assert_eq!(en.long(d), "10 Sept 2025");
        assert_eq!(ar.long(d), "10 سبتمبر 2025");
        assert_eq!(ar.date(d, DatePrecision::Month), "سبتمبر 2025");
        assert_eq!(en.value(300.0, Unit::UsdBn, 0), "$300bn");
        assert_eq!(ar.value(300.0, Unit::UsdBn, 0), "300 مليار دولار");
        assert_eq!(en.value(324.63, Unit::UsdPerShare, 2), "$324.63");
        assert_eq!(en.value(-3.0, Unit::Usd, 0), "−$3");
        assert_eq!(en.change(35.95, 0), "+36%");
        assert_eq!(ar.change(-23.1, 1), "−23.1%");
        assert_eq!(en.change(0.2, 0), "0%");
        assert_eq!(en.number(2_873_130_000.0, 0), "2,873,130,000");
        assert_eq!(ar.tick(d, Tick::MonthYear), "سبتمبر 2025");
    }
}
