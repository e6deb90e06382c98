//! What the modes do to a series, and the figures the stories compute:
//! rebasing (indexed to 100, percent change), drawdown from the running peak,
//! peaks and first crossings, market value lost, multiples, the value on a
//! date (never interpolated), and decimation to pixel columns.
//!
//! The base of rebasing and the running peak start at the first point of the
//! slice they are given, i.e. at the start of the chosen window (as in
//! lightweight-charts and Our World in Data's "relative change").

use super::dataset::Mode;
use super::date::Date;
use super::series::{extremes, Blocks, Point, Series};

/// The series' points in a mode. The base is the slice's first non-zero value
/// (a zero base is treated as missing, as OWID does); points before it are dropped.
pub fn apply(points: &[Point], mode: Mode) -> Vec<Point> {
    match mode {
        Mode::Absolute => points.to_vec(),
        Mode::Indexed | Mode::Percent => {
            let Some(start) = points.iter().position(|p| p.value != 0.0) else { return Vec::new() };
            let base = points[start].value;
            points[start..]
                .iter()
                .map(|p| Point { date: p.date, value: if mode == Mode::Indexed { 100.0 * p.value / base } else { 100.0 * (p.value - base) / base } })
                .collect()
        }
        Mode::Drawdown => {
            let mut peak = f64::NEG_INFINITY;
            points
                .iter()
                .filter_map(|p| {
                    peak = peak.max(p.value);
                    (peak > 0.0).then(|| Point { date: p.date, value: 100.0 * (p.value / peak - 1.0) })
                })
                .collect()
        }
    }
}

/// The highest point (the first, if tied).
pub fn peak(points: &[Point]) -> Option<Point> {
    points.iter().copied().fold(None, |best: Option<Point>, p| match best {
        Some(b) if b.value >= p.value => Some(b),
        _ => Some(p),
    })
}

/// The lowest point (the first, if tied).
pub fn trough(points: &[Point]) -> Option<Point> {
    points.iter().copied().fold(None, |best: Option<Point>, p| match best {
        Some(b) if b.value <= p.value => Some(b),
        _ => Some(p),
    })
}

/// The first point after `after` whose value is below `level`.
pub fn first_below(points: &[Point], level: f64, after: Date) -> Option<Point> {
    points.iter().copied().find(|p| p.date > after && p.value < level)
}

/// Market value lost from a peak price to a later price, for a share count.
pub fn value_lost(shares: f64, peak_price: f64, price: f64) -> f64 {
    shares * (peak_price - price)
}

/// How many times `to` is `from` (2.96 for $9.9bn → $29.3bn).
pub fn multiple(from: f64, to: f64) -> Option<f64> {
    (from != 0.0 && from.is_finite() && to.is_finite()).then(|| to / from)
}

/// The value a reader sees for `date`: the point on that date, else the last
/// one before it (labelled with its own date by the caller). Never interpolated.
pub fn value_at(series: &Series, date: Date) -> Option<Point> {
    series.index_at_or_before(date).map(|i| series.points[i])
}

/// Thins a long series to at most two points (its lowest and highest, in date
/// order) per column when there are more points than `2 × columns`, so drawing
/// costs per pixel, not per point. Short series come back unchanged.
pub fn decimate(points: &[Point], columns: usize) -> Vec<Point> {
    decimate_with(points, columns, None)
}

/// The first index after `i` whose point fails `keep` (which holds for a head of
/// the list and fails after), searched outward from `i`: a column's points are
/// found by reading near them, not across the whole list.
fn gallop(points: &[Point], i: usize, keep: impl Fn(&Point) -> bool) -> usize {
    let mut step = 1;
    while i + step < points.len() && keep(&points[i + step]) {
        step *= 2;
    }
    let (lo, hi) = (i + step / 2 + 1, (i + step + 1).min(points.len()));
    lo + points[lo..hi].partition_point(keep)
}

/// The first index after `i` whose point fails `keep` (as [`gallop`]), searched
/// outward from `guess`, where it is expected (a column's share of the points
/// past `i`): evenly spaced points cost a look or two per column.
fn boundary(points: &[Point], i: usize, guess: usize, keep: impl Fn(&Point) -> bool) -> usize {
    let n = points.len();
    let g = guess.clamp(i + 1, n);
    if g < n && keep(&points[g]) {
        return gallop(points, g, keep);
    }
    // It fails at `g` (or `g` is the end): the boundary is in (i, g].
    let mut step = 1;
    while g > i + 1 + step && !keep(&points[g - step]) {
        step *= 2;
    }
    let lo = if g > i + 1 + step { g - step } else { i + 1 };
    lo + points[lo..g].partition_point(keep)
}

/// [`decimate`], reading whole runs of points from their series' [`Blocks`]
/// when the points are (a map of) the series' own from `offset` on: per column,
/// not per point.
pub fn decimate_with(points: &[Point], columns: usize, blocks: Option<(&Blocks, usize)>) -> Vec<Point> {
    let columns = columns.max(1);
    if points.len() <= 2 * columns {
        return points.to_vec();
    }
    let (first, last) = (points[0].date.t(), points[points.len() - 1].date.t());
    let span = (last - first).max(1.0);
    // The column a point falls in; never decreasing along the series, so each
    // column's points are found by a binary search and only their values are scanned.
    let col = |p: &Point| (((p.date.t() - first) / span) * (columns as f64 - 1.0)).round();
    let mut out = Vec::with_capacity(2 * columns + 2);
    let per = (points.len() / columns).max(1);
    let mut i = 0;
    while i < points.len() {
        let c = col(&points[i]);
        let j = boundary(points, i, i + per, |p| col(p) <= c);
        let (lo, hi) = match blocks {
            Some((b, offset)) => b.extremes(points, offset, i..j),
            None => {
                let (lo, hi) = extremes(&points[i..j]);
                (i + lo, i + hi)
            }
        };
        let (a, b) = (lo.min(hi), lo.max(hi));
        out.push(points[a]);
        if b != a {
            out.push(points[b]);
        }
        i = j;
    }
    // Keep the true ends so the line spans the window.
    if out.first() != points.first() {
        out.insert(0, points[0]);
    }
    if out.last() != points.last() {
        out.push(points[points.len() - 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }
    fn pts(v: &[(&str, f64)]) -> Vec<Point> {
        v.iter().map(|(s, x)| Point { date: d(s), value: *x }).collect()
    }
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn rebasing_by_hand() {
        let p = pts(&[("2025-01-01", 50.0), ("2025-01-02", 75.0), ("2025-01-03", 25.0)]);
        let idx: Vec<f64> = apply(&p, Mode::Indexed).iter().map(|p| p.value).collect();
        assert_eq!(idx, vec![100.0, 150.0, 50.0]);
        let pct: Vec<f64> = apply(&p, Mode::Percent).iter().map(|p| p.value).collect();
        assert_eq!(pct, vec![0.0, 50.0, -50.0]);
        // A zero base is missing: the base is the next non-zero value.
        let z = pts(&[("2025-01-01", 0.0), ("2025-01-02", 4.0), ("2025-01-03", 5.0)]);
        let idx = apply(&z, Mode::Indexed);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx[1].value, 125.0);
        assert!(apply(&pts(&[("2025-01-01", 0.0)]), Mode::Percent).is_empty());
        assert_eq!(apply(&p, Mode::Absolute), p);
    }

    #[test]
    fn drawdown_by_hand() {
        let p = pts(&[("2025-01-01", 100.0), ("2025-01-02", 120.0), ("2025-01-03", 90.0), ("2025-01-06", 130.0)]);
        let dd: Vec<f64> = apply(&p, Mode::Drawdown).iter().map(|p| p.value).collect();
        assert_eq!(dd, vec![0.0, 0.0, -25.0, 0.0]);
    }

    #[test]
    fn oracle_figures_match_the_fact_sheet() {
        let ds = dataset().unwrap();
        let orcl = &ds.series("ORCL").unwrap().series;
        // Indexed to 9 Sep: 10 Sep = 100 × 324.63 / 238.7884.
        let w = orcl.between(d("2025-09-09"), d("2025-12-31"));
        let idx = apply(w, Mode::Indexed);
        assert!(close(idx[1].value, 100.0 * 324.63 / 238.7884));
        // The peak close of 2025 is 10 Sep; the first close below 9 Sep's is 7 Nov; the November low is 25 Nov.
        let year = orcl.between(d("2025-01-01"), d("2025-12-31"));
        let pk = peak(year).unwrap();
        assert_eq!((pk.date, pk.value), (d("2025-09-10"), 324.63));
        assert_eq!(first_below(year, 238.7884, d("2025-09-09")).unwrap().date, d("2025-11-07"));
        let nov = trough(orcl.between(d("2025-11-01"), d("2025-11-30"))).unwrap();
        assert_eq!((nov.date, nov.value), (d("2025-11-25"), 195.1477));
        // Drawdown from the 10 Sep peak at the 25 Nov close: 195.1477 / 324.63 − 1 = −39.886…%.
        let dd = apply(orcl.between(d("2025-09-10"), d("2025-11-25")), Mode::Drawdown);
        assert!(close(dd.last().unwrap().value, 100.0 * (195.1477 / 324.63 - 1.0)));
        assert!((dd.last().unwrap().value + 39.886).abs() < 0.001);
        // Market value lost by 18 Nov with the December share count: 2,873,130,000 × (324.63 − 218.3836) ≈ $305bn.
        let lost = value_lost(2_873_130_000.0, 324.63, value_at(orcl, d("2025-11-18")).unwrap().value);
        assert!(close(lost, 2_873_130_000.0 * (324.63 - 218.3836)));
        assert!((lost / 1e9 - 305.26).abs() < 0.01, "{lost}");
    }

    #[test]
    fn multiples_and_values_on_dates() {
        // Cursor, June → November 2025: $9.9bn → $29.3bn is ×2.96 (just under triple).
        let m = multiple(9.9, 29.3).unwrap();
        assert!((m - 2.9596).abs() < 0.0001);
        assert_eq!(multiple(0.0, 1.0), None);
        let s = Series::new("x".into(), "X".into(), pts(&[("2025-09-05", 1.0), ("2025-09-08", 2.0)]));
        // Saturday: the Friday close, not an interpolation.
        assert_eq!(value_at(&s, d("2025-09-06")).unwrap().date, d("2025-09-05"));
        assert_eq!(value_at(&s, d("2025-09-08")).unwrap().value, 2.0);
        assert_eq!(value_at(&s, d("2025-09-01")), None);
    }

    #[test]
    fn decimation_keeps_extremes_and_ends() {
        let p: Vec<Point> = (0..10_000).map(|i| Point { date: Date::from_days(i), value: ((i * 7919) % 1000) as f64 }).collect();
        let out = decimate(&p, 100);
        assert!(out.len() <= 2 * 100 + 2, "{}", out.len());
        assert_eq!(out.first(), p.first());
        assert_eq!(out.last(), p.last());
        let max = p.iter().map(|p| p.value).fold(f64::MIN, f64::max);
        assert!(out.iter().any(|q| q.value == max), "the highest point survives");
        assert!(out.windows(2).all(|w| w[0].date < w[1].date), "still in date order");
        let short = &p[..50];
        assert_eq!(decimate(short, 100), short.to_vec());
    }
}
