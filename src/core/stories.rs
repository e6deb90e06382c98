//! The figures each story computes from the dataset, so the app states them
//! from data rather than from prose: Oracle's reference close, peak, first
//! close back below and November low, and its market value lost; Cursor's
//! valuation step-up; AI's share of venture money.

use super::dataset::Dataset;
use super::date::Date;
use super::series::Point;
use super::transform::{first_below, multiple, peak, trough, value_at, value_lost};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap_or(Date::from_days(0))
}

/// Oracle around the OpenAI deal, from the ORCL series.
#[derive(Clone, Debug, PartialEq)]
pub struct OracleMarks {
    /// The close before the deal was reported (9 Sep 2025).
    pub pre_deal: Point,
    /// The highest close of 2025 (10 Sep).
    pub peak: Point,
    /// The first close after the peak back below the pre-deal close (7 Nov).
    pub first_below: Option<Point>,
    /// The lowest close of November 2025 (25 Nov).
    pub november_low: Option<Point>,
}

pub fn oracle_marks(ds: &Dataset) -> Option<OracleMarks> {
    let s = &ds.series("ORCL")?.series;
    let pre_deal = value_at(s, d(2025, 9, 9))?;
    let year = s.between(d(2025, 1, 1), d(2025, 12, 31));
    let peak = peak(year)?;
    Some(OracleMarks {
        pre_deal,
        peak,
        first_below: first_below(year, pre_deal.value, peak.date),
        november_low: trough(s.between(d(2025, 11, 1), d(2025, 11, 30))),
    })
}

/// Market value lost from the 2025 peak close to the close on or before
/// `date`, with Oracle's share count from the dataset's facts. `None` before
/// the peak or without the data. Returns (USD lost, the close used).
pub fn oracle_value_lost(ds: &Dataset, date: Date) -> Option<(f64, Point)> {
    let marks = oracle_marks(ds)?;
    let shares = ds.facts.iter().find(|f| f.id == "orcl-shares")?.values.first()?.value;
    let close = value_at(&ds.series("ORCL")?.series, date)?;
    (close.date >= marks.peak.date).then(|| (value_lost(shares, marks.peak.value, close.value), close))
}

/// Cursor's valuation from the June 2025 round to the November one:
/// (June point, November point, multiple).
pub fn cursor_step_up(ds: &Dataset) -> Option<(Point, Point, f64)> {
    let s = &ds.series("CURSOR_VALUATION")?.series;
    let june = value_at(s, d(2025, 6, 30))?;
    let nov = value_at(s, d(2025, 11, 30))?;
    Some((june, nov, multiple(june.value, nov.value)?))
}

/// AI's share of global venture money in 2024 by PitchBook's preliminary
/// figures: AI / (AI + non-AI), in percent.
pub fn ai_share_2024_pitchbook(ds: &Dataset) -> Option<f64> {
    let ai = ds.series("AI_VC_PITCHBOOK")?.series.points.first()?.value;
    let non = ds.series("NONAI_VC_PITCHBOOK")?.series.points.first()?.value;
    Some(100.0 * ai / (ai + non))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    #[test]
    fn oracle_marks_match_the_fact_sheet() {
        let ds = dataset().unwrap();
        let m = oracle_marks(&ds).unwrap();
        assert_eq!((m.pre_deal.date, m.pre_deal.value), (d(2025, 9, 9), 238.7884));
        assert_eq!((m.peak.date, m.peak.value), (d(2025, 9, 10), 324.63));
        assert_eq!(m.first_below.unwrap().date, d(2025, 11, 7));
        assert_eq!(m.november_low.unwrap().date, d(2025, 11, 25));
    }

    #[test]
    fn value_lost_by_hand() {
        let ds = dataset().unwrap();
        // 21 Nov close 196.8611: 2,873,130,000 × (324.63 − 196.8611) ≈ $367bn (FACTS.md §3.2).
        let (lost, close) = oracle_value_lost(&ds, d(2025, 11, 21)).unwrap();
        assert_eq!(close.value, 196.8611);
        assert!((lost - 2_873_130_000.0 * (324.63 - 196.8611)).abs() < 1.0);
        assert!((lost / 1e9 - 367.1).abs() < 0.1);
        // A Saturday reads Friday's close.
        assert_eq!(oracle_value_lost(&ds, d(2025, 11, 22)).unwrap().1.date, d(2025, 11, 21));
        // Before the peak there is nothing lost since the peak.
        assert!(oracle_value_lost(&ds, d(2025, 9, 1)).is_none());
    }

    #[test]
    fn cursor_and_funding_figures_by_hand() {
        let ds = dataset().unwrap();
        let (june, nov, m) = cursor_step_up(&ds).unwrap();
        assert_eq!((june.value, nov.value), (9.9, 29.3));
        assert!((m - 29.3 / 9.9).abs() < 1e-12);
        let share = ai_share_2024_pitchbook(&ds).unwrap();
        assert!((share - 100.0 * 131.5 / 368.5).abs() < 1e-9);
        assert!((share - 35.69).abs() < 0.01);
    }
}
