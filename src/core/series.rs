//! A dated numeric series. Its invariants (at least one point, finite values,
//! dates strictly increasing) are checked where series are made: the dataset
//! reader (`dataset_json`) and the CSV import.

use super::date::Date;
use std::ops::{Deref, Range};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    /// Sorted by date, dates unique, values finite. Shared: a view of a window
    /// borrows them (see [`Window`]) instead of copying.
    pub points: Arc<Vec<Point>>,
    /// Where each run of [`BLOCK`] points has its lowest and highest value, so
    /// that thinning a window to pixel columns reads per column, not per point.
    pub blocks: Arc<Blocks>,
}

/// The points a block of [`Blocks`] holds.
pub const BLOCK: usize = 64;

/// For each run of [`BLOCK`] points of a list (the last may be shorter): the
/// offsets in the run of its lowest and its highest value (the first, if tied).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blocks(Vec<(u8, u8)>);

impl Blocks {
    pub fn of(points: &[Point]) -> Blocks {
        Blocks(
            points
                .chunks(BLOCK)
                .map(|c| {
                    let (lo, hi) = extremes(c);
                    (lo as u8, hi as u8)
                })
                .collect(),
        )
    }

    /// The indices of the lowest and highest value in `points[range]`, where
    /// `points[k]` is the `offset + k`th point of the list these blocks were
    /// made from, its values in any order-keeping or order-reversing map of the
    /// list's (the view's modes are: indexed, % change). Whole blocks cost one
    /// look each; the ends are read point by point.
    pub fn extremes(&self, points: &[Point], offset: usize, range: Range<usize>) -> (usize, usize) {
        let (i, j) = (range.start, range.end);
        let (first, last) = ((i + offset).div_ceil(BLOCK), (j + offset) / BLOCK);
        if first >= last || last > self.0.len() {
            let (lo, hi) = extremes(&points[i..j]);
            return (i + lo, i + hi);
        }
        let (mut lo, mut hi) = (i, i);
        let (mut lo_v, mut hi_v) = (points[i].value, points[i].value);
        let mut consider = |k: usize| {
            let v = points[k].value;
            if v < lo_v {
                (lo, lo_v) = (k, v);
            }
            if v > hi_v {
                (hi, hi_v) = (k, v);
            }
        };
        (i..first * BLOCK - offset).for_each(&mut consider);
        for (b, &(a, c)) in self.0[first..last].iter().enumerate() {
            let start = (first + b) * BLOCK - offset;
            consider(start + a.min(c) as usize);
            consider(start + a.max(c) as usize);
        }
        (last * BLOCK - offset..j).for_each(&mut consider);
        (lo, hi)
    }
}

/// The dates of several lists of points, each in date order with no date twice,
/// in order and each once: one pass over the lists side by side, never a sort,
/// so four series of a million points cost a pass, not a sort of four million.
pub fn merged_dates<'a>(lists: impl IntoIterator<Item = &'a [Point]>) -> Vec<Date> {
    let mut merge = MergeDates::new(lists);
    while !merge.step(usize::MAX) {}
    merge.finish()
}

/// [`merged_dates`] a piece at a time, so a page can paint between pieces.
pub struct MergeDates<'a> {
    lists: Vec<&'a [Point]>,
    at: Vec<usize>,
    out: Vec<Date>,
}

impl<'a> MergeDates<'a> {
    pub fn new(lists: impl IntoIterator<Item = &'a [Point]>) -> MergeDates<'a> {
        let lists: Vec<&[Point]> = lists.into_iter().filter(|l| !l.is_empty()).collect();
        let out = Vec::with_capacity(lists.iter().map(|l| l.len()).max().unwrap_or(0));
        MergeDates { at: vec![0; lists.len()], lists, out }
    }

    /// Merges up to `budget` more dates; true once every date is merged.
    pub fn step(&mut self, budget: usize) -> bool {
        if let ([one], [at]) = (&self.lists[..], &mut self.at[..]) {
            let end = at.saturating_add(budget).min(one.len());
            self.out.extend(one[*at..end].iter().map(|p| p.date));
            *at = end;
            return end == one.len();
        }
        for _ in 0..budget {
            let next = self.lists.iter().zip(&self.at).filter_map(|(l, i)| l.get(*i)).map(|p| p.date).min();
            let Some(d) = next else { return true };
            self.out.push(d);
            for (l, i) in self.lists.iter().zip(self.at.iter_mut()) {
                if l.get(*i).is_some_and(|p| p.date == d) {
                    *i += 1;
                }
            }
        }
        self.lists.iter().zip(&self.at).all(|(l, i)| *i >= l.len())
    }

    pub fn finish(self) -> Vec<Date> {
        self.out
    }
}

/// The indices of the lowest and the highest value (the first of each, if tied).
pub fn extremes(points: &[Point]) -> (usize, usize) {
    let (mut lo, mut hi) = (0, 0);
    let (mut min, mut max) = (points[0].value, points[0].value);
    for (k, p) in points.iter().enumerate().skip(1) {
        if p.value < min {
            (min, lo) = (p.value, k);
        }
        if p.value > max {
            (max, hi) = (p.value, k);
        }
    }
    (lo, hi)
}

/// A run of a shared list: a window of a series' points (or of anything kept
/// per point), read as a slice. Cloning it copies no element, so a view of a
/// million points costs the same as a view of ten.
#[derive(Clone)]
pub struct Window<T> {
    all: Arc<Vec<T>>,
    range: Range<usize>,
}

impl<T> Window<T> {
    /// `all[range]`, the range clamped to what exists.
    pub fn of(all: &Arc<Vec<T>>, range: Range<usize>) -> Window<T> {
        let hi = range.end.min(all.len());
        Window { all: all.clone(), range: range.start.min(hi)..hi }
    }
    /// True when both read the same elements of the same list (no element compared).
    pub fn shares(&self, other: &Window<T>) -> bool {
        Arc::ptr_eq(&self.all, &other.all) && self.range == other.range
    }
}

impl<T> From<Vec<T>> for Window<T> {
    fn from(v: Vec<T>) -> Window<T> {
        let n = v.len();
        Window { all: Arc::new(v), range: 0..n }
    }
}

impl<T> Deref for Window<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.all[self.range.clone()]
    }
}

impl<T: PartialEq> PartialEq for Window<T> {
    fn eq(&self, other: &Window<T>) -> bool {
        self.shares(other) || **self == **other
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Window<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl Series {
    pub fn new(id: String, name: String, points: Vec<Point>) -> Series {
        let blocks = Blocks::of(&points);
        Series::with_blocks(id, name, points, blocks)
    }

    /// With its blocks made already (`Blocks::of(&points)`, as a reader goes).
    pub fn with_blocks(id: String, name: String, points: Vec<Point>, blocks: Blocks) -> Series {
        Series { id, name, points: Arc::new(points), blocks: Arc::new(blocks) }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Index of the point on `date`, if there is one.
    pub fn index_of(&self, date: Date) -> Option<usize> {
        self.points.binary_search_by(|p| p.date.cmp(&date)).ok()
    }

    /// Index of the last point on or before `date`.
    pub fn index_at_or_before(&self, date: Date) -> Option<usize> {
        match self.points.binary_search_by(|p| p.date.cmp(&date)) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The points dated within `[from, to]` (both included); empty when the
    /// range misses the data or is reversed.
    pub fn between(&self, from: Date, to: Date) -> &[Point] {
        if to < from {
            return &[];
        }
        let lo = self.points.partition_point(|p| p.date < from);
        let hi = self.points.partition_point(|p| p.date <= to);
        &self.points[lo..hi.max(lo)]
    }

    /// Close-to-close change on `date` in percent, against the previous point.
    pub fn change_on(&self, date: Date) -> Option<f64> {
        let i = self.index_of(date)?;
        let prev = self.points.get(i.checked_sub(1)?)?.value;
        if prev == 0.0 {
            return None;
        }
        Some(100.0 * (self.points[i].value / prev - 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_dates_are_every_date_once_in_order() {
        let at = |days: &[i32]| days.iter().map(|d| Point { date: Date::from_days(*d), value: 1.0 }).collect::<Vec<_>>();
        let (a, b, c) = (at(&[1, 4, 9, 10]), at(&[2, 4, 10, 11, 12]), at(&[0, 9]));
        let got: Vec<i32> = merged_dates([&a[..], &b[..], &c[..], &[][..]]).iter().map(|d| d.days()).collect();
        assert_eq!(got, vec![0, 1, 2, 4, 9, 10, 11, 12]);
        assert!(merged_dates([&[][..]]).is_empty());
        // A piece at a time: the same.
        let mut m = MergeDates::new([&a[..], &b[..], &c[..]]);
        let mut steps = 1;
        while !m.step(3) {
            steps += 1;
        }
        assert_eq!(steps, 3);
        assert_eq!(m.finish(), merged_dates([&a[..], &b[..], &c[..]]));
        let mut one = MergeDates::new([&b[..]]);
        assert!(!one.step(2) && one.step(3));
        assert_eq!(one.finish().len(), 5);
    }

    fn series(pts: Vec<Point>) -> Series {
        Series::new("x".into(), "X".into(), pts)
    }

    #[test]
    fn lookups_by_date() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let s = series(vec![Point { date: d("2025-01-02"), value: 1.0 }, Point { date: d("2025-01-06"), value: 2.0 }]);
        assert_eq!(s.index_of(d("2025-01-06")), Some(1));
        assert_eq!(s.index_of(d("2025-01-05")), None);
        assert_eq!(s.index_at_or_before(d("2025-01-05")), Some(0));
        assert_eq!(s.index_at_or_before(d("2025-01-01")), None);
    }

    #[test]
    fn between_selects_inclusive_ranges_and_handles_misses() {
        let s = series((0..5).map(|i| Point { date: Date::from_days(10 + 2 * i), value: i as f64 }).collect());
        let v = |a, b| s.between(Date::from_days(a), Date::from_days(b)).iter().map(|p| p.value).collect::<Vec<_>>();
        assert_eq!(v(12, 16), vec![1.0, 2.0, 3.0]);
        assert_eq!(v(11, 13), vec![1.0]);
        assert_eq!(v(0, 5), Vec::<f64>::new());
        assert_eq!(v(30, 40), Vec::<f64>::new());
        assert_eq!(v(16, 12), Vec::<f64>::new());
        assert_eq!(s.change_on(Date::from_days(12)), None, "no change from a zero base");
        assert_eq!(s.change_on(Date::from_days(14)), Some(100.0));
        assert_eq!(s.change_on(Date::from_days(10)), None);
    }
}
