//! A dated numeric series, and the reader for the research CSVs
//! (`date,value,unit,source`, one row per observation).

use super::date::Date;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

/// Where a figure comes from: who published it, where to find it, and what to
/// keep in mind when reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub publisher: &'static str,
    pub url: &'static str,
    pub note: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Sorted by date, dates unique, values finite (checked by [`Series::new`]).
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesError {
    /// 1-based line in the file, when the problem is on a line.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for SeriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl Series {
    /// Checks the invariants every consumer relies on: at least one point,
    /// finite values, dates strictly increasing.
    pub fn new(id: &str, name: &str, unit: &str, points: Vec<Point>) -> Result<Series, Vec<SeriesError>> {
        let mut errors = Vec::new();
        if points.is_empty() {
            errors.push(SeriesError { line: None, message: format!("series \"{id}\" has no points") });
        }
        for (i, p) in points.iter().enumerate() {
            if !p.value.is_finite() {
                errors.push(SeriesError { line: None, message: format!("series \"{id}\", point {i}: value is not a finite number") });
            }
            if i > 0 && points[i - 1].date >= p.date {
                let what = if points[i - 1].date == p.date { "duplicate date" } else { "dates out of order" };
                errors.push(SeriesError { line: None, message: format!("series \"{id}\", point {i}: {what} ({})", p.date) });
            }
        }
        if errors.is_empty() {
            Ok(Series { id: id.into(), name: name.into(), unit: unit.into(), points })
        } else {
            Err(errors)
        }
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
}

/// Reads the research CSV shape: a header `date,value,unit,source`, then one
/// row per day. Every problem is reported with its line, not just the first.
pub fn parse_research_csv(text: &str) -> Result<Vec<Point>, Vec<SeriesError>> {
    let mut lines = text.lines().enumerate();
    let mut errors = Vec::new();
    match lines.next() {
        Some((_, h)) if h.trim_start_matches('\u{feff}').starts_with("date,value") => {}
        _ => {
            return Err(vec![SeriesError { line: Some(1), message: "the header must start with \"date,value\"".into() }]);
        }
    }
    let mut points = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, ',');
        let (date, value) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
        let date = match Date::parse_iso(date.trim()) {
            Ok(d) => d,
            Err(e) => {
                errors.push(SeriesError { line: Some(n), message: e.0 });
                continue;
            }
        };
        match value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => points.push(Point { date, value: v }),
            _ => errors.push(SeriesError { line: Some(n), message: format!("\"{value}\" is not a finite number") }),
        }
    }
    if errors.is_empty() {
        Ok(points)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn reads_rows_and_ignores_the_unit_and_source_columns() {
        let csv = "date,value,unit,source\n2025-01-02,162.8243,USD, a, b\n2025-01-03,163.1087,USD,x\n";
        let pts = parse_research_csv(csv).unwrap();
        assert_eq!(pts, vec![Point { date: d("2025-01-02"), value: 162.8243 }, Point { date: d("2025-01-03"), value: 163.1087 }]);
    }

    #[test]
    fn lists_every_bad_row_with_its_line() {
        let csv = "date,value,unit,source\n2025-13-02,1,u,s\n2025-01-03,NaN,u,s\n2025-01-04,abc,u,s\n2025-01-05,2,u,s\n";
        let errs = parse_research_csv(csv).unwrap_err();
        assert_eq!(errs.iter().map(|e| e.line).collect::<Vec<_>>(), vec![Some(2), Some(3), Some(4)]);
        assert!(errs[0].to_string().starts_with("line 2:"), "{}", errs[0]);
    }

    #[test]
    fn rejects_a_missing_header() {
        assert_eq!(parse_research_csv("2025-01-02,1\n").unwrap_err()[0].line, Some(1));
        assert!(parse_research_csv("").is_err());
    }

    #[test]
    fn series_checks_order_duplicates_and_emptiness() {
        let p = |s: &str, v: f64| Point { date: d(s), value: v };
        assert!(Series::new("x", "X", "USD", vec![]).is_err());
        let e = Series::new("x", "X", "USD", vec![p("2025-01-02", 1.0), p("2025-01-02", 2.0), p("2025-01-01", 3.0)]).unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(e[0].message.contains("duplicate"));
        assert!(e[1].message.contains("out of order"));
        let s = Series::new("x", "X", "USD", vec![p("2025-01-02", 1.0), p("2025-01-06", 2.0)]).unwrap();
        assert_eq!(s.index_of(d("2025-01-06")), Some(1));
        assert_eq!(s.index_at_or_before(d("2025-01-05")), Some(0));
        assert_eq!(s.index_at_or_before(d("2025-01-01")), None);
    }
}

impl Series {
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
mod window_tests {
    use super::*;

    #[test]
    fn between_selects_inclusive_ranges_and_handles_misses() {
        let pts = (0..5).map(|i| Point { date: Date::from_days(10 + 2 * i), value: i as f64 }).collect();
        let s = Series::new("x", "X", "USD", pts).unwrap();
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
