//! A dated numeric series. Its invariants (at least one point, finite values,
//! dates strictly increasing) are checked where series are made: the dataset
//! reader (`dataset_json`) and the CSV import.

use super::date::Date;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    /// Sorted by date, dates unique, values finite.
    pub points: Vec<Point>,
}

impl Series {
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

    fn series(pts: Vec<Point>) -> Series {
        Series { id: "x".into(), name: "X".into(), points: pts }
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
