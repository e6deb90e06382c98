//! Calendar dates as days since 1970-01-01 (proleptic Gregorian), with no
//! dependency on a date library: the app needs parsing, formatting and month
//! arithmetic, nothing else.

use std::fmt;

/// A calendar day. Ordered, copyable, and cheap to subtract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

const MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Date {
    /// Builds a date from year, month (1–12) and day; `None` if it does not exist.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1..=9999).contains(&y) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    pub fn days(self) -> i32 {
        self.0
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    pub fn day(self) -> u32 {
        self.ymd().2
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let bad = || DateError(format!("\"{s}\" is not a date of the form YYYY-MM-DD"));
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => (y as i32, m, d),
            _ => return Err(bad()),
        };
        Date::from_ymd(y, m, d).ok_or_else(|| DateError(format!("\"{s}\" is not a day of the calendar")))
    }

    /// `2025-09-10`
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `10 Sep 2025`
    pub fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS_SHORT[m as usize - 1])
    }

    /// `10 Sep`
    pub fn day_month(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{d} {}", MONTHS_SHORT[m as usize - 1])
    }

    /// `Sep`
    pub fn month_short(self) -> &'static str {
        MONTHS_SHORT[self.month() as usize - 1]
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date(days_from_civil(y, m, 1))
    }

    /// The first day of the month `n` months after this date's month (n may be negative).
    pub fn add_months_first(self, n: i32) -> Date {
        let (y, m, _) = self.ymd();
        let idx = y * 12 + (m as i32 - 1) + n;
        let (ny, nm) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        Date(days_from_civil(ny, nm, 1))
    }
}

/// How precise a date in the data is: a day, or only a month or a year (as
/// when a source says "Oct 2023"). Month and year dates sit on their first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    Month,
    Year,
}

impl Date {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse_flexible(s: &str) -> Result<(Date, DatePrecision), DateError> {
        let bad = || DateError(format!("\"{s}\" is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"));
        match s.len() {
            10 => Date::parse_iso(s).map(|d| (d, DatePrecision::Day)),
            7 => Date::parse_iso(&format!("{s}-01")).map(|d| (d, DatePrecision::Month)).map_err(|_| bad()),
            4 => Date::parse_iso(&format!("{s}-01-01")).map(|d| (d, DatePrecision::Year)).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }

    /// The date written at a precision: `2025-09-10`, `2025-09` or `2025`.
    pub fn iso_at(self, p: DatePrecision) -> String {
        let iso = self.iso();
        match p {
            DatePrecision::Day => iso,
            DatePrecision::Month => iso[..7].to_string(),
            DatePrecision::Year => iso[..4].to_string(),
        }
    }

    /// For readers, at a precision: `10 Sep 2025`, `Sep 2025`, `2025`.
    pub fn long_at(self, p: DatePrecision) -> String {
        match p {
            DatePrecision::Day => self.long(),
            DatePrecision::Month => format!("{} {}", self.month_short(), self.year()),
            DatePrecision::Year => self.year().to_string(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's algorithms (http://howardhinnant.github.io/date_algorithms.html).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::from_ymd(2000, 3, 1).unwrap().days(), 11_017);
        // 10 Sep 2025 was a Wednesday: 1970-01-01 was a Thursday.
        let d = Date::from_ymd(2025, 9, 10).unwrap();
        assert_eq!((d.days() + 4).rem_euclid(7), 3);
    }

    #[test]
    fn round_trips_every_day_of_several_years() {
        let start = Date::from_ymd(1999, 1, 1).unwrap().days();
        let end = Date::from_ymd(2031, 1, 1).unwrap().days();
        for z in start..end {
            let (y, m, d) = Date::from_days(z).ymd();
            assert_eq!(Date::from_ymd(y, m, d).unwrap().days(), z);
            assert_eq!(Date::parse_iso(&Date::from_days(z).iso()).unwrap().days(), z);
        }
    }

    #[test]
    fn parse_rejects_garbage_and_impossible_days() {
        for s in ["", "2025-9-10", "2025/09/10", "2025-02-29", "2024-13-01", "2025-00-10", "abcd-ef-gh", "2025-09-10 ", "+025-09-10"] {
            assert!(Date::parse_iso(s).is_err(), "{s:?} should not parse");
        }
        assert!(Date::parse_iso("2024-02-29").is_ok());
    }

    #[test]
    fn formats_for_readers() {
        let d = Date::parse_iso("2025-09-10").unwrap();
        assert_eq!(d.long(), "10 Sep 2025");
        assert_eq!(d.day_month(), "10 Sep");
        assert_eq!(d.month_short(), "Sep");
    }

    #[test]
    fn flexible_dates_keep_their_precision() {
        let (d, p) = Date::parse_flexible("2023-10").unwrap();
        assert_eq!((d.iso(), p), ("2023-10-01".to_string(), DatePrecision::Month));
        assert_eq!(d.iso_at(p), "2023-10");
        assert_eq!(d.long_at(p), "Oct 2023");
        let (d, p) = Date::parse_flexible("2021").unwrap();
        assert_eq!((d.iso_at(p), d.long_at(p)), ("2021".to_string(), "2021".to_string()));
        assert_eq!(Date::parse_flexible("2025-09-10").unwrap().1, DatePrecision::Day);
        for bad in ["2023-13", "20231", "2023-1", "", "abcd", "2025-09-10T00:00"] {
            assert!(Date::parse_flexible(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::parse_iso("2025-11-28").unwrap();
        assert_eq!(d.first_of_month().iso(), "2025-11-01");
        assert_eq!(d.add_months_first(2).iso(), "2026-01-01");
        assert_eq!(d.add_months_first(-11).iso(), "2024-12-01");
    }
}
