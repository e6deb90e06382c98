//! Dates and date-times as seconds since 1970-01-01 00:00 UTC (proleptic
//! Gregorian), with no dependency on a date library: the app needs parsing,
//! formatting and month arithmetic, nothing else. Daily data sits at midnight
//! UTC, so a day is exactly what it was when dates were whole days; a reader's
//! intraday file keeps its times of day, in UTC.

use std::fmt;

/// A calendar day, or an instant within one (UTC). Ordered, copyable, and cheap to subtract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

const DAY: i64 = 86_400;

/// The months as the app's `Intl` (`en-GB`, CLDR) abbreviates them, so a date drawn
/// natively (the first screens, the preview cards) reads as the app will say it.
const MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

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
        Some(Date::from_days(days_from_civil(y, m, d)))
    }

    /// Midnight (UTC) of the day `days` after 1970-01-01.
    pub fn from_days(days: i32) -> Date {
        Date(days as i64 * DAY)
    }

    /// The day, counted from 1970-01-01 (the time of day dropped).
    pub fn days(self) -> i32 {
        self.0.div_euclid(DAY) as i32
    }

    /// An instant, in seconds since 1970-01-01 00:00 UTC, within the years 1–9999.
    pub fn from_secs(secs: i64) -> Option<Date> {
        const MIN: i64 = -62_135_596_800; // 0001-01-01
        const MAX: i64 = 253_402_300_799; // 9999-12-31 23:59:59
        (MIN..=MAX).contains(&secs).then_some(Date(secs))
    }

    /// Seconds since 1970-01-01 00:00 UTC.
    pub fn secs(self) -> i64 {
        self.0
    }

    /// Where this instant sits on a time axis, in days (fractional within a day):
    /// what charts, decimation and the timeline place things by.
    pub fn t(self) -> f64 {
        self.0 as f64 / DAY as f64
    }

    /// The instant `t` days (fractional) after 1970-01-01, to the second.
    pub fn from_t(t: f64) -> Date {
        Date((t * DAY as f64).round() as i64)
    }

    /// Seconds since midnight UTC (0 for a day's date).
    pub fn second_of_day(self) -> u32 {
        self.0.rem_euclid(DAY) as u32
    }

    /// Whether this is an instant within a day rather than a day.
    pub fn has_time(self) -> bool {
        self.second_of_day() != 0
    }

    /// The day this instant falls on (its midnight, UTC).
    pub fn day_start(self) -> Date {
        Date::from_days(self.days())
    }

    /// (hour, minute, second), UTC.
    pub fn hms(self) -> (u32, u32, u32) {
        let s = self.second_of_day();
        (s / 3600, s / 60 % 60, s % 60)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days())
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

    /// `2025-09-10`, or `2025-09-10T13:31Z` / `2025-09-10T13:31:05Z` for an instant within the day.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        if self.has_time() {
            format!("{y:04}-{m:02}-{d:02}T{}Z", self.clock())
        } else {
            format!("{y:04}-{m:02}-{d:02}")
        }
    }

    /// `13:31` or `13:31:05` (UTC).
    pub fn clock(self) -> String {
        let (h, m, s) = self.hms();
        if s == 0 {
            format!("{h:02}:{m:02}")
        } else {
            format!("{h:02}:{m:02}:{s:02}")
        }
    }

    /// `10 Sept 2025`
    pub fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS_SHORT[m as usize - 1])
    }

    /// `10 Sept`
    pub fn day_month(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{d} {}", MONTHS_SHORT[m as usize - 1])
    }

    /// `Sept`
    pub fn month_short(self) -> &'static str {
        MONTHS_SHORT[self.month() as usize - 1]
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date::from_days(days_from_civil(y, m, 1))
    }

    /// The first day of the month `n` months after this date's month (n may be negative).
    pub fn add_months_first(self, n: i32) -> Date {
        let (y, m, _) = self.ymd();
        let idx = y * 12 + (m as i32 - 1) + n;
        let (ny, nm) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        Date::from_days(days_from_civil(ny, nm, 1))
    }
}

/// How precise a date in the data is: a day, or only a month or a year (as
/// when a source says "Oct 2023"), or a time of day (a reader's intraday file).
/// Month and year dates sit on their first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    Month,
    Year,
    Time,
}

impl Date {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or a date-time (see [`Date::parse_datetime`]).
    pub fn parse_flexible(s: &str) -> Result<(Date, DatePrecision), DateError> {
        let bad = || DateError(format!("\"{s}\" is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"));
        if s.len() > 10 && matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
            return Date::parse_datetime(s).map(|(d, _)| (d, DatePrecision::Time));
        }
        match s.len() {
            10 => Date::parse_iso(s).map(|d| (d, DatePrecision::Day)),
            7 => Date::parse_iso(&format!("{s}-01")).map(|d| (d, DatePrecision::Month)).map_err(|_| bad()),
            4 => Date::parse_iso(&format!("{s}-01-01")).map(|d| (d, DatePrecision::Year)).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }

    /// Parses an ISO 8601 date-time: `YYYY-MM-DD` then `T` or a space, `HH:MM`,
    /// optional `:SS` and fraction (dropped: the app keeps whole seconds), then
    /// optional `Z` or an offset `±HH:MM` / `±HHMM` / `±HH`. The instant is kept in
    /// UTC; the offset the text gave (in minutes east of UTC) comes back with it,
    /// `None` when the text named no zone (its times are then kept as written).
    pub fn parse_datetime(s: &str) -> Result<(Date, Option<i32>), DateError> {
        let bad = |why: &str| DateError(format!("\"{s}\" is not a date-time of the form YYYY-MM-DD HH:MM[:SS][±HH:MM] ({why})"));
        if !s.is_ascii() || s.len() < 16 {
            return Err(bad("too short"));
        }
        let day = Date::parse_iso(&s[..10]).map_err(|e| DateError(e.0))?;
        let b = s.as_bytes();
        if !matches!(b[10], b'T' | b't' | b' ') {
            return Err(bad("no time"));
        }
        let two = |i: usize| two_at(b, i);
        let (Some(h), Some(mi)) = (two(11), two(14)) else { return Err(bad("the time is not HH:MM")) };
        if b[13] != b':' {
            return Err(bad("the time is not HH:MM"));
        }
        let mut i = 16;
        let mut sec = 0;
        if b.get(i) == Some(&b':') {
            sec = two(i + 1).ok_or_else(|| bad("the seconds are not two digits"))?;
            i += 3;
            if matches!(b.get(i), Some(b'.') | Some(b',')) {
                i += 1;
                let start = i;
                while b.get(i).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                }
                if i == start || i - start > 9 {
                    return Err(bad("the fraction of a second is not 1 to 9 digits"));
                }
            }
        }
        if h > 23 || mi > 59 || sec > 59 {
            return Err(bad("no such time of day"));
        }
        let offset = match &s[i..] {
            "" => None,
            "Z" | "z" => Some(0),
            rest => {
                let r = rest.as_bytes();
                let sign = match r[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return Err(bad("the zone is not Z or ±HH:MM")),
                };
                let oh = two_at(r, 1).ok_or_else(|| bad("the zone is not Z or ±HH:MM"))?;
                let om = match r.len() {
                    3 => 0,
                    5 => two_at(r, 3).ok_or_else(|| bad("the zone is not Z or ±HH:MM"))?,
                    6 if r[3] == b':' => two_at(r, 4).ok_or_else(|| bad("the zone is not Z or ±HH:MM"))?,
                    _ => return Err(bad("the zone is not Z or ±HH:MM")),
                };
                if oh > 18 || om > 59 {
                    return Err(bad("no such zone offset"));
                }
                Some(sign * (oh * 60 + om) as i32)
            }
        };
        let local = day.secs() + (h * 3600 + mi * 60 + sec) as i64;
        let utc = local - offset.unwrap_or(0) as i64 * 60;
        Date::from_secs(utc).map(|d| (d, offset)).ok_or_else(|| bad("outside the years 1 to 9999"))
    }

    /// Reads what [`Date::iso`] writes: a day, or an instant in UTC (`…T13:31Z`).
    pub fn parse_instant(s: &str) -> Result<Date, DateError> {
        if s.len() == 10 {
            return Date::parse_iso(s);
        }
        match Date::parse_datetime(s)? {
            (d, Some(0)) => Ok(d),
            _ => Err(DateError(format!("\"{s}\" is not a day or an instant in UTC"))),
        }
    }

    /// Reads Unix time: seconds, or milliseconds when the number is too large to
    /// be seconds of the years the app admits (|n| ≥ 100,000,000,000: after 5138).
    pub fn from_unix(n: i64) -> Option<Date> {
        if n.unsigned_abs() >= 100_000_000_000 {
            Date::from_secs(n.div_euclid(1000))
        } else {
            Date::from_secs(n)
        }
    }

    /// The date written at a precision: `2025-09-10`, `2025-09` or `2025`.
    pub fn iso_at(self, p: DatePrecision) -> String {
        let iso = self.iso();
        match p {
            DatePrecision::Day | DatePrecision::Time => iso,
            DatePrecision::Month => iso[..7].to_string(),
            DatePrecision::Year => iso[..4].to_string(),
        }
    }

    /// For readers, at a precision: `10 Sep 2025`, `Sep 2025`, `2025`.
    pub fn long_at(self, p: DatePrecision) -> String {
        match p {
            DatePrecision::Day => self.long(),
            DatePrecision::Time => format!("{}, {} UTC", self.long(), self.clock()),
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

fn two_at(b: &[u8], i: usize) -> Option<u32> {
    (b.get(i)?.is_ascii_digit() && b.get(i + 1)?.is_ascii_digit()).then(|| ((b[i] - b'0') * 10 + (b[i + 1] - b'0')) as u32)
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
        assert_eq!(d.long(), "10 Sept 2025");
        assert_eq!(d.day_month(), "10 Sept");
        assert_eq!(d.month_short(), "Sept");
        assert_eq!(Date::parse_iso("2025-06-01").unwrap().month_short(), "Jun");
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
        for bad in ["2023-13", "20231", "2023-1", "", "abcd", "2025-09-10T25:00", "2025-09-10X10:00"] {
            assert!(Date::parse_flexible(bad).is_err(), "{bad}");
        }
        assert_eq!(Date::parse_flexible("2025-09-10T09:31").unwrap().1, DatePrecision::Time);
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::parse_iso("2025-11-28").unwrap();
        assert_eq!(d.first_of_month().iso(), "2025-11-01");
        assert_eq!(d.add_months_first(2).iso(), "2026-01-01");
        assert_eq!(d.add_months_first(-11).iso(), "2024-12-01");
    }

    fn dt(s: &str) -> (String, Option<i32>) {
        let (d, off) = Date::parse_datetime(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (d.iso(), off)
    }

    #[test]
    fn date_times_are_kept_in_utc_with_the_offset_they_gave() {
        // A US price export: 09:31 in New York on 10 Sep 2025 (EDT, UTC−4) is 13:31 UTC.
        assert_eq!(dt("2025-09-10 09:31:00-04:00"), ("2025-09-10T13:31Z".into(), Some(-240)));
        assert_eq!(dt("2025-09-10T09:31:00-0400"), ("2025-09-10T13:31Z".into(), Some(-240)));
        assert_eq!(dt("2025-09-10T09:31-04"), ("2025-09-10T13:31Z".into(), Some(-240)));
        // The same wall time in winter (EST, UTC−5): the day of the DST change moves the offset, not the parser.
        assert_eq!(dt("2025-11-03 09:31:00-05:00"), ("2025-11-03T14:31Z".into(), Some(-300)));
        assert_eq!(dt("2025-11-02 01:30:00-04:00"), ("2025-11-02T05:30Z".into(), Some(-240)));
        assert_eq!(dt("2025-11-02 01:30:00-05:00"), ("2025-11-02T06:30Z".into(), Some(-300)));
        // UTC, fractions, no zone, and crossing midnight backwards.
        assert_eq!(dt("2025-09-10T13:31:05.123Z"), ("2025-09-10T13:31:05Z".into(), Some(0)));
        assert_eq!(dt("2025-09-10 13:31"), ("2025-09-10T13:31Z".into(), None));
        assert_eq!(dt("2025-09-10T01:00+05:30"), ("2025-09-09T19:30Z".into(), Some(330)));
        assert_eq!(dt("2025-09-10T00:00:00Z"), ("2025-09-10".into(), Some(0)));
        for bad in [
            "2025-09-10",
            "2025-09-10 9:31",
            "2025-09-10 24:00",
            "2025-09-10 12:60",
            "2025-09-10 12:00:61",
            "2025-09-10 12:00:00+25:00",
            "2025-09-10 12:00 EST",
            "2025-09-10 12:00:00.",
            "2025-02-30 12:00",
            "2025-09-10T12:00:00+05:3",
            "２０２５-09-10 12:00",
        ] {
            assert!(Date::parse_datetime(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn unix_time_in_seconds_or_milliseconds() {
        assert_eq!(Date::from_unix(1_757_511_060).unwrap().iso(), "2025-09-10T13:31Z");
        assert_eq!(Date::from_unix(1_757_511_060_000).unwrap().iso(), "2025-09-10T13:31Z");
        assert_eq!(Date::from_unix(0).unwrap().iso(), "1970-01-01");
        assert!(Date::from_unix(i64::MAX).is_none() && Date::from_unix(i64::MIN).is_none());
    }

    #[test]
    fn days_are_what_they_were_and_instants_sit_within_them() {
        let d = Date::parse_iso("2025-09-10").unwrap();
        assert!(!d.has_time() && d.t() == d.days() as f64);
        let (x, _) = Date::parse_datetime("2025-09-10T18:00Z").unwrap();
        assert_eq!((x.days(), x.day_start(), x.t() - d.t(), x.clock()), (d.days(), d, 0.75, "18:00".to_string()));
        assert_eq!(Date::from_t(x.t()), x);
        assert_eq!(x.long_at(DatePrecision::Time), "10 Sept 2025, 18:00 UTC");
        let (y, _) = Date::parse_datetime("1969-12-31T23:00Z").unwrap();
        assert_eq!((y.days(), y.iso()), (-1, "1969-12-31T23:00Z".to_string()));
    }
}
