//! Axis ranges and ticks: "nice" value ticks for the y axis, calendar ticks for
//! the time axis. Pure functions, so the rules for what the reader sees on the
//! axes are tested without drawing.

use super::date::Date;

/// Value ticks covering `[lo, hi]`, at most `max_count` of them, on a step of
/// 1, 2, 2.5 or 5 × 10^k. The returned range is widened to the outer ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueTicks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
}

/// The y range for a set of values: their extent, padded so that lines don't
/// touch the frame, then widened to nice ticks. A flat or single value gets a
/// band around it; no values gives `None`.
pub fn value_ticks(values: impl IntoIterator<Item = f64>, max_count: usize) -> Option<ValueTicks> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return None;
    }
    let span = hi - lo;
    if span <= f64::EPSILON * hi.abs().max(1.0) {
        let pad = (hi.abs() * 0.05).max(1.0);
        lo -= pad;
        hi += pad;
    } else {
        lo -= span * 0.05;
        hi += span * 0.05;
    }
    // Prices are never negative: don't invent a negative axis for them.
    if lo < 0.0 && lo + span * 0.05 >= 0.0 {
        lo = 0.0;
    }
    // Values too far apart for one axis (±1e308: the span itself is past what a float holds).
    if !(hi - lo).is_finite() {
        return None;
    }
    let max_count = max_count.max(2);
    let step = nice_step((hi - lo) / (max_count - 1) as f64);
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let n = ((last - first) / step).round();
    if !(first.is_finite() && last.is_finite() && (0.0..=100.0).contains(&n)) {
        return None;
    }
    let n = n as usize;
    let ticks = (0..=n).map(|i| clean(first + i as f64 * step)).collect();
    Some(ValueTicks { lo: first, hi: last, step, ticks })
}

fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 { raw } else { 1.0 };
    let mag = 10f64.powf(raw.log10().floor());
    let m = raw / mag;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 2.5 {
        2.5
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Removes float noise such as 0.30000000000000004 from tick values.
fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Decimal places a tick step needs (0 for 50, 1 for 2.5 → no: 2.5 needs 1).
pub fn decimals_for_step(step: f64) -> usize {
    let mut d = 0;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-9 {
        s *= 10.0;
        d += 1;
    }
    d
}

/// `$200`, `$1,250`, `$2.5` — a USD amount at the given decimals.
pub fn format_usd(v: f64, decimals: usize) -> String {
    let sign = if v < 0.0 { "−" } else { "" };
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s, String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}${grouped}{frac}")
}

/// How far apart the time ticks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStep {
    /// Within a day (a reader's intraday data): minutes or hours, in seconds.
    Seconds(i64),
    Days(i32),
    Months(i32),
}

/// Time-axis ticks for `[start, end]`: the finest calendar step (1, 2 days, a
/// week, 2 weeks, 1, 2, 3, 6 months, a year) that gives at most `max_count`
/// ticks inside the range. Labels say the month ("Sept"), with the year on the
/// first tick and on each January ("Jan 2026"); day steps say "10 Sept".
/// A window of a few days or less (intraday data) ticks minutes or hours
/// (1, 5, 15, 30 minutes, 1, 3, 6, 12 hours) when either end has a time of
/// day, labelled "13:30" (UTC), with the day on the first tick and at each midnight.
pub fn date_tick_kinds(start: Date, end: Date, max_count: usize) -> (DateStep, Vec<(Date, super::fmt::Tick)>) {
    use super::fmt::Tick;
    const STEPS: [DateStep; 28] = [
        DateStep::Seconds(60),
        DateStep::Seconds(300),
        DateStep::Seconds(900),
        DateStep::Seconds(1800),
        DateStep::Seconds(3600),
        DateStep::Seconds(3 * 3600),
        DateStep::Seconds(6 * 3600),
        DateStep::Seconds(12 * 3600),
        DateStep::Days(1),
        DateStep::Days(2),
        DateStep::Days(7),
        DateStep::Days(14),
        DateStep::Months(1),
        DateStep::Months(2),
        DateStep::Months(3),
        DateStep::Months(6),
        DateStep::Months(12),
        // Years on round numbers, for a reader's file of decades or centuries.
        DateStep::Months(24),
        DateStep::Months(5 * 12),
        DateStep::Months(10 * 12),
        DateStep::Months(20 * 12),
        DateStep::Months(50 * 12),
        DateStep::Months(100 * 12),
        DateStep::Months(200 * 12),
        DateStep::Months(500 * 12),
        DateStep::Months(1000 * 12),
        DateStep::Months(2000 * 12),
        DateStep::Months(5000 * 12),
    ];
    let max_count = max_count.max(1);
    let mut chosen = (DateStep::Months(12), Vec::new());
    // Sub-day steps only for a window of times (a window of days keeps its day steps, as
    // daily data always has), and only under a week.
    let intraday = (start.has_time() || end.has_time()) && end.secs() - start.secs() < 7 * 86_400;
    for step in STEPS.into_iter().filter(|s| intraday || !matches!(s, DateStep::Seconds(_))) {
        let dates = tick_dates(start, end, step);
        if dates.len() <= max_count {
            chosen = (step, dates);
            break;
        }
        chosen = (step, dates);
    }
    let (step, dates) = chosen;
    // Even yearly ticks may be too many on a very long range: thin them.
    let stride = dates.len().div_ceil(max_count).max(1);
    let labelled = dates
        .into_iter()
        .step_by(stride)
        .enumerate()
        .map(|(i, d)| {
            let label = match step {
                DateStep::Seconds(_) if i == 0 || !d.has_time() => Tick::DayTime,
                DateStep::Seconds(_) => Tick::Time,
                DateStep::Days(_) => Tick::DayMonth,
                DateStep::Months(n) if n % 12 == 0 => Tick::Year,
                DateStep::Months(_) if i == 0 || d.month() == 1 => Tick::MonthYear,
                DateStep::Months(_) => Tick::Month,
            };
            (d, label)
        })
        .collect();
    (step, labelled)
}

fn tick_dates(start: Date, end: Date, step: DateStep) -> Vec<Date> {
    let mut out = Vec::new();
    if end < start {
        return out;
    }
    match step {
        DateStep::Seconds(n) => {
            let first = start.secs() + (-start.secs()).rem_euclid(n);
            let mut t = first;
            while t <= end.secs() {
                match Date::from_secs(t) {
                    Some(d) => out.push(d),
                    None => break,
                }
                if out.len() > 400 {
                    break;
                }
                t += n;
            }
        }
        DateStep::Days(n) => {
            // Weekly ticks fall on Mondays (1970-01-05 was a Monday).
            let anchor = if n == 7 || n == 14 { 4 } else { 0 };
            let from = if start.has_time() { start.days() + 1 } else { start.days() };
            let first = from + (anchor - from).rem_euclid(n);
            let mut d = first;
            while d <= end.days() {
                out.push(Date::from_days(d));
                if out.len() > 400 {
                    break;
                }
                d += n;
            }
        }
        DateStep::Months(n) => {
            let mut d = if start.day() == 1 && !start.has_time() { start } else { start.add_months_first(1) };
            while (d.month() as i32 - 1) % n != 0 {
                d = d.add_months_first(1);
            }
            // Steps of years start on a year the step divides (1900, 1950, 2000).
            if n > 12 {
                let years = n / 12;
                d = d.add_months_first(12 * (years - d.year().rem_euclid(years)) % n);
            }
            while d <= end {
                out.push(d);
                if out.len() > 400 {
                    break;
                }
                d = d.add_months_first(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ticks with their English labels.
    fn date_ticks(start: Date, end: Date, max_count: usize) -> (DateStep, Vec<(Date, String)>) {
        use crate::core::fmt::{Fmt, Plain};
        let (step, ticks) = date_tick_kinds(start, end, max_count);
        (step, ticks.into_iter().map(|(d, k)| (d, Plain(crate::core::lang::Lang::En).tick(d, k))).collect())
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn centuries_tick_on_round_years_across_the_whole_range() {
        // A reader's file from year 1 to 9999: the ticks spread over the range, on round years, no more than asked.
        let (step, ticks) = date_ticks(d("0001-01-01"), d("9999-01-01"), 8);
        assert_eq!(step, DateStep::Months(2000 * 12), "{ticks:?}");
        let years: Vec<i32> = ticks.iter().map(|(t, _)| t.year()).collect();
        assert_eq!(years, vec![2000, 4000, 6000, 8000]);
        assert_eq!(ticks[0].1, "2000");
        // A century of yearly data: every 20 years.
        let (step, ticks) = date_ticks(d("1925-03-01"), d("2025-03-01"), 6);
        assert_eq!(step, DateStep::Months(20 * 12));
        assert_eq!(ticks.iter().map(|(t, _)| t.year()).collect::<Vec<_>>(), vec![1940, 1960, 1980, 2000, 2020]);
        // Whatever the span, the ticks reach past its middle (never bunched at the start).
        for (a, b) in [("0001-01-01", "9999-12-31"), ("1000-06-01", "2025-01-01"), ("1970-01-01", "2025-01-01")] {
            let (_, ticks) = date_ticks(d(a), d(b), 10);
            let mid = (d(a).days() + d(b).days()) / 2;
            assert!(ticks.len() >= 2 && ticks.last().unwrap().0.days() > mid, "{a}..{b}: {ticks:?}");
        }
    }

    #[test]
    fn value_ticks_cover_the_data_on_nice_steps() {
        let t = value_ticks([162.8, 324.6, 150.2], 6).unwrap();
        assert!(t.lo <= 150.2 && t.hi >= 324.6);
        assert_eq!(t.step, 50.0);
        assert_eq!(t.ticks, vec![100.0, 150.0, 200.0, 250.0, 300.0, 350.0]);
        assert!(t.ticks.len() <= 6);
    }

    #[test]
    fn value_ticks_handle_flat_single_and_empty() {
        let t = value_ticks([238.79], 5).unwrap();
        assert!(t.lo < 238.79 && t.hi > 238.79);
        assert!(value_ticks([], 5).is_none());
        assert!(value_ticks([f64::NAN], 5).is_none());
        let small = value_ticks([0.2, 0.3], 5).unwrap();
        assert!(small.ticks.iter().all(|v| (v * 1e9).fract() == 0.0), "{:?}", small.ticks);
        assert!(small.lo >= 0.0, "no negative axis for positive prices");
    }

    #[test]
    fn decimals_and_usd_formatting() {
        assert_eq!(decimals_for_step(50.0), 0);
        assert_eq!(decimals_for_step(2.5), 1);
        assert_eq!(decimals_for_step(0.05), 2);
        assert_eq!(format_usd(200.0, 0), "$200");
        assert_eq!(format_usd(1250.0, 0), "$1,250");
        assert_eq!(format_usd(124766.0, 0), "$124,766");
        assert_eq!(format_usd(2.5, 1), "$2.5");
        assert_eq!(format_usd(-3.0, 0), "−$3");
    }

    #[test]
    fn a_year_of_days_gets_month_ticks_with_the_year_on_the_first() {
        let (step, ticks) = date_ticks(d("2025-01-02"), d("2025-12-31"), 12);
        assert_eq!(step, DateStep::Months(1));
        assert_eq!(ticks.len(), 11);
        assert_eq!(ticks[0], (d("2025-02-01"), "Feb 2025".to_string()));
        assert_eq!(ticks[1].1, "Mar");
        let (step, ticks) = date_ticks(d("2025-01-02"), d("2025-12-31"), 4);
        assert_eq!(step, DateStep::Months(3));
        assert_eq!(ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), vec!["Apr 2025", "Jul", "Oct"]);
    }

    #[test]
    fn short_windows_get_day_ticks_on_mondays() {
        let (step, ticks) = date_ticks(d("2025-09-01"), d("2025-09-30"), 6);
        assert_eq!(step, DateStep::Days(7));
        assert_eq!(ticks[0], (d("2025-09-01"), "1 Sept".to_string()));
        assert!(ticks.len() <= 6);
        let (step, ticks) = date_ticks(d("2025-09-10"), d("2025-09-10"), 6);
        assert_eq!(step, DateStep::Days(1));
        assert_eq!(ticks.len(), 1);
    }

    #[test]
    fn january_ticks_carry_the_year_and_counts_never_exceed_the_limit() {
        let (_, ticks) = date_ticks(d("2025-10-15"), d("2026-03-01"), 8);
        assert!(ticks.iter().any(|t| t.1 == "Jan 2026"), "{ticks:?}");
        for max in 1..15 {
            let (_, t) = date_ticks(d("2000-01-01"), d("2025-12-31"), max);
            assert!(t.len() <= max, "{max}: {}", t.len());
        }
        assert!(date_ticks(d("2025-10-15"), d("2025-10-01"), 5).1.is_empty());
    }

    #[test]
    fn an_intraday_window_ticks_minutes_and_hours() {
        let at = |s: &str| Date::parse_datetime(s).unwrap().0;
        // A trading day, 13:30 to 20:00 UTC: hourly ticks, the first with its day.
        let (step, ticks) = date_ticks(at("2025-09-10T13:30Z"), at("2025-09-10T20:00Z"), 8);
        assert_eq!(step, DateStep::Seconds(3600));
        let labels: Vec<String> = ticks.iter().map(|t| t.1.clone()).collect();
        assert_eq!(labels, ["10 Sept 14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00"]);
        // Half an hour: five-minute ticks.
        let (step, ticks) = date_ticks(at("2025-09-10T13:31Z"), at("2025-09-10T14:01Z"), 8);
        assert_eq!((step, ticks.len()), (DateStep::Seconds(300), 6));
        // Across midnight: the new day is named.
        let (_, ticks) = date_ticks(at("2025-09-10T18:00Z"), at("2025-09-11T06:00Z"), 6);
        assert!(ticks.iter().any(|t| t.1 == "11 Sept 00:00"), "{ticks:?}");
        // A year of days keeps its calendar ticks.
        assert!(matches!(date_ticks(d("2025-01-01"), d("2025-12-31"), 8).0, DateStep::Months(_)));
        assert!(matches!(date_ticks(d("2025-09-01"), d("2025-09-10"), 10).0, DateStep::Days(_)));
    }
}
