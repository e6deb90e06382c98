//! The view model: from a dataset, a story's choices (main series, the
//! comparisons switched on, the mode) and a date window, the lines to draw,
//! each already in the mode; the crosshair readout; the table of exactly what
//! the chart shows. Pure, so every rule is tested natively.

use super::dataset::{ChartKind, Dataset, Frequency, Kind, Mode, SeriesDef, Unit};
use super::date::{Date, DatePrecision};
use super::lang::Text;
use super::series::{merged_dates, Blocks, Point, Window};
use super::transform;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub struct ViewLine {
    pub id: String,
    pub name: Text,
    /// Short label for the line's end: the ticker for prices, else the name.
    pub short: String,
    pub unit: Unit,
    pub decimals: Option<u8>,
    /// Palette slot, stable per series within a story.
    pub slot: usize,
    pub main: bool,
    /// Lines, bars (amounts per period) or steps (valuations by round).
    pub kind: ChartKind,
    pub frequency: Frequency,
    /// A price (a level, never bars).
    pub price: bool,
    /// The points in the window, in the view's mode. In absolute mode they are
    /// the series' own (borrowed, not copied); in the other modes computed, and
    /// shared by a rebuilt view whose window and mode did not change (see [`build_reusing`]).
    pub points: Window<Point>,
    /// The same points as the source gives them (for the table and readout): the series' own.
    pub raw: Window<Point>,
    pub precision: Window<DatePrecision>,
    /// The series' blocks, and the position in the series of `raw[0]` (and of
    /// `points[0]`: they are aligned). `points` keep (or reverse) the order of
    /// the series' values in every mode but drawdown.
    pub blocks: Arc<Blocks>,
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub lines: Vec<ViewLine>,
    /// The mode drawn (may differ from the one asked for: see `mode_forced`).
    pub mode: Mode,
    /// True when the series are in different units, so absolute values were
    /// indexed instead (the interface says so).
    pub mode_forced: bool,
    /// The window; rebasing and the running peak start at `from`.
    pub from: Date,
    pub to: Date,
}

impl View {
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.points.is_empty())
    }
}

fn short_label(s: &SeriesDef) -> String {
    if s.kind == Kind::Price && s.id().chars().all(|c| c.is_ascii_uppercase()) && s.id().len() <= 5 {
        s.id().to_string()
    } else {
        s.name.en.clone()
    }
}

/// The palette slot of each line on show: the main line 0; a series of the
/// story keeps its place in the story (so its colour does not change as others
/// are switched); a series from elsewhere (another story, the reader's
/// choice), or one whose place is past the palette, takes the first slot no
/// line on show holds. Only past `palette` lines on show do slots run past it
/// (grey lines, told apart by dashes).
pub fn slots(ds: &Dataset, story: &str, main: &str, compare: &[String], palette: usize) -> Vec<(String, usize)> {
    let own: Vec<&String> = ds.story(story).map(|s| s.series.iter().chain(&s.compare).collect()).unwrap_or_default();
    let on: Vec<&str> = std::iter::once(main).chain(compare.iter().map(String::as_str).filter(|c| *c != main)).collect();
    let mut out: Vec<(String, usize)> = vec![(main.to_string(), 0)];
    let mut taken = vec![0usize];
    // Story series in their own places first.
    for id in &on[1..] {
        if let Some(i) = own.iter().position(|x| x.as_str() == *id).filter(|i| *i > 0 && *i < palette && !taken.contains(i)) {
            taken.push(i);
            out.push((id.to_string(), i));
        }
    }
    for id in &on[1..] {
        if out.iter().any(|(x, _)| x == id) {
            continue;
        }
        let free = (1..).find(|i| !taken.contains(i)).unwrap_or(1);
        taken.push(free);
        out.push((id.to_string(), free));
    }
    out
}

/// The slot of a series in `slots`' answer (1 if it is not on show).
pub fn slot_of(slots: &[(String, usize)], id: &str) -> usize {
    slots.iter().find(|(x, _)| x == id).map_or(1, |(_, s)| *s)
}

/// Builds the view. `main` is charted with `compare` (in that order); series
/// missing from the dataset are skipped. Comparisons in different units cannot
/// share an absolute axis: the view switches to indexed and says why.
pub fn build(ds: &Dataset, main: &str, compare: &[String], from: Date, to: Date, mode: Mode, slots: &dyn Fn(&str) -> usize) -> View {
    build_reusing(None, ds, main, compare, from, to, mode, slots)
}

/// Like [`build`], reusing the points of `prev`'s lines when `prev` is a view of
/// the same dataset (the caller's word) with the same window and mode: toggling a
/// comparison on or off then builds only the line toggled, whatever the size of the others.
#[allow(clippy::too_many_arguments)]
pub fn build_reusing(
    prev: Option<&View>,
    ds: &Dataset,
    main: &str,
    compare: &[String],
    from: Date,
    to: Date,
    mode: Mode,
    slots: &dyn Fn(&str) -> usize,
) -> View {
    let ids: Vec<&str> = std::iter::once(main).chain(compare.iter().map(String::as_str).filter(|c| *c != main)).collect();
    let defs: Vec<&SeriesDef> = ids.iter().filter_map(|id| ds.series(id)).collect();
    let mixed = defs.windows(2).any(|w| w[0].unit != w[1].unit);
    let mode_forced = mode == Mode::Absolute && mixed;
    let mode = if mode_forced { Mode::Indexed } else { mode };
    let reusable = prev.filter(|p| p.from == from && p.to == to && p.mode == mode);
    let lines = defs
        .iter()
        .map(|s| {
            let (points, raw, precision, offset) = match reusable.and_then(|p| p.lines.iter().find(|l| l.id == s.id())) {
                Some(l) => (l.points.clone(), l.raw.clone(), l.precision.clone(), l.offset),
                None => {
                    let all = &s.series.points;
                    let lo = all.partition_point(|p| p.date < from);
                    let hi = all.partition_point(|p| p.date <= to).max(lo);
                    let raw = Window::of(all, lo..hi);
                    let points = match mode {
                        Mode::Absolute => raw.clone(),
                        _ => Window::from(transform::apply(&raw, mode)),
                    };
                    // Rebasing may drop leading zero points: keep raw and precision aligned with points.
                    let skip = raw.len() - points.len();
                    let raw = Window::of(all, lo + skip..hi);
                    let precision = Window::of(&s.precision, (lo + skip).min(s.precision.len())..hi.min(s.precision.len()));
                    (points, raw, precision, lo + skip)
                }
            };
            ViewLine {
                id: s.id().to_string(),
                name: s.name.clone(),
                short: short_label(s),
                unit: s.unit,
                decimals: s.decimals,
                slot: if s.id() == main { 0 } else { slots(s.id()) },
                main: s.id() == main,
                kind: s.chart_kind(),
                frequency: s.frequency,
                price: s.kind == Kind::Price,
                points,
                raw,
                precision,
                blocks: s.series.blocks.clone(),
                offset,
            }
        })
        .collect();
    View { lines, mode, mode_forced, from, to }
}

impl ViewLine {
    /// The highest point in the window as the source gives it (the first, if
    /// tied), read a block at a time.
    pub fn high(&self) -> Option<Point> {
        (!self.raw.is_empty()).then(|| self.raw[self.blocks.extremes(&self.raw, self.offset, 0..self.raw.len()).1])
    }
}

/// Where a line's data stop short of the window: its first point after the
/// window's start, or its last before the window's end, by more than the
/// series' own spacing (a daily series starting later, a token's futures
/// ending early). The chart never draws what does not exist; this says it.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub id: String,
    pub name: Text,
    /// The first point, when the data begin inside the window.
    pub begins: Option<(Date, DatePrecision)>,
    /// The last point, when the data end inside the window.
    pub ends: Option<(Date, DatePrecision)>,
}

pub fn edges(ds: &Dataset, view: &View) -> Vec<Edge> {
    view.lines
        .iter()
        .filter(|l| !l.points.is_empty())
        .filter_map(|l| {
            let s = ds.series(&l.id)?;
            let slack = match s.frequency {
                Frequency::Daily => 4,
                Frequency::Monthly => 31,
                Frequency::Quarterly => 92,
                Frequency::Annual => 366,
                Frequency::Irregular => 0,
            };
            let (first, last) = (s.series.points.first()?, s.series.points.last()?);
            // A year's total is dated by its year.
            let prec = |i: usize| if s.frequency == Frequency::Annual { DatePrecision::Year } else { s.precision.get(i).copied().unwrap_or_default() };
            let begins = (first.date.days() - view.from.days() > slack).then(|| (first.date, prec(0)));
            // A value by round (a valuation) holds until the next: only a series of its own dates ends early.
            let ends = (s.frequency != Frequency::Irregular && view.to.days() - last.date.days() > slack).then(|| (last.date, prec(s.series.len() - 1)));
            (begins.is_some() || ends.is_some()).then(|| Edge { id: l.id.clone(), name: l.name.clone(), begins, ends })
        })
        .collect()
}

/// Why a control cannot apply to the view as it is; the interface shows and
/// speaks the reason beside the disabled control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// Log scale in % change or drawdown: the values reach zero and below.
    LogBelowZero,
    /// Log scale with bars: bars stand on zero, which a log axis cannot show.
    LogBars,
    /// Drawdown of amounts per period: falls from a running peak are a price's measure.
    DrawdownBars,
    /// Bars for prices: a price is a level, not an amount per period.
    BarsPrices,
    /// Bars in drawdown.
    BarsDrawdown,
}

impl View {
    pub fn has_bars(&self) -> bool {
        self.lines.iter().any(|l| l.kind == ChartKind::Bars)
    }

    /// Why the log scale cannot apply, if it cannot.
    pub fn log_blocked(&self) -> Option<Blocked> {
        match self.mode {
            Mode::Percent | Mode::Drawdown => Some(Blocked::LogBelowZero),
            _ if self.has_bars() => Some(Blocked::LogBars),
            _ => None,
        }
    }

    /// Why a mode cannot apply, if it cannot.
    pub fn mode_blocked(&self, mode: Mode) -> Option<Blocked> {
        (mode == Mode::Drawdown && self.has_bars()).then_some(Blocked::DrawdownBars)
    }

    /// Why the bars switch cannot apply, if it cannot.
    pub fn bars_blocked(&self) -> Option<Blocked> {
        if self.lines.iter().find(|l| l.main).is_some_and(|l| l.price) {
            Some(Blocked::BarsPrices)
        } else if self.mode == Mode::Drawdown {
            Some(Blocked::BarsDrawdown)
        } else {
            None
        }
    }

    /// The reader's bars switch: `Some(true)` draws every line that is not a
    /// price as bars, `Some(false)` draws bars as lines; `None` keeps what the
    /// dataset declares. In drawdown nothing is a bar.
    pub fn set_bars(&mut self, bars: Option<bool>) {
        let drawdown = self.mode == Mode::Drawdown;
        for l in &mut self.lines {
            l.kind = match (bars, l.kind) {
                (_, ChartKind::Bars) if drawdown => ChartKind::Line,
                (Some(false), ChartKind::Bars) => ChartKind::Line,
                (Some(true), _) if !l.price && !drawdown => ChartKind::Bars,
                (_, k) => k,
            };
        }
    }
}

impl View {
    /// How a date of this view is written: with its time of day when a line on show
    /// has times (so an intraday file's midnight reads "00:00", not as a day).
    pub fn date_precision(&self) -> DatePrecision {
        if self.lines.iter().any(|l| l.precision.first() == Some(&DatePrecision::Time)) {
            DatePrecision::Time
        } else {
            DatePrecision::Day
        }
    }
}

/// One row of the crosshair readout.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub id: String,
    /// The value in the view's mode.
    pub value: f64,
    /// The source's value on that date.
    pub raw: f64,
    /// The point's own date: the cursor's, or the last one before it.
    pub date: Date,
    pub precision: DatePrecision,
    /// True when the series has a point on the cursor's date itself.
    pub exact: bool,
}

/// What each line reads at `date`: its point that day, else its last point
/// before (with that point's date). Never an interpolation.
pub fn readout(view: &View, date: Date) -> Vec<Reading> {
    view.lines
        .iter()
        .filter_map(|l| {
            let k = l.points.partition_point(|p| p.date <= date);
            let i = k.checked_sub(1)?;
            Some(Reading {
                id: l.id.clone(),
                value: l.points[i].value,
                raw: l.raw[i].value,
                date: l.points[i].date,
                precision: l.precision.get(i).copied().unwrap_or_default(),
                exact: l.points[i].date == date,
            })
        })
        .collect()
}

/// Every date any line has a point on, in order: the steps of the crosshair
/// and of play, and the rows of the table.
pub fn dates(view: &View) -> Vec<Date> {
    merged_dates(view.lines.iter().map(|l| &l.points[..]))
}

/// The first date with data after `date` on any line (the first of all without one).
pub fn date_after(view: &View, date: Option<Date>) -> Option<Date> {
    let first = |p: &[Point]| match date {
        None => p.first().map(|x| x.date),
        Some(d) => p.get(p.partition_point(|x| x.date <= d)).map(|x| x.date),
    };
    view.lines.iter().filter_map(|l| first(&l.points)).min()
}

/// The last date with data before `date` on any line (the last of all without one).
pub fn date_before(view: &View, date: Option<Date>) -> Option<Date> {
    let last = |p: &[Point]| match date {
        None => p.last().map(|x| x.date),
        Some(d) => p.partition_point(|x| x.date < d).checked_sub(1).map(|i| p[i].date),
    };
    view.lines.iter().filter_map(|l| last(&l.points)).max()
}

/// The date with data nearest to `date` on any line (the earlier, if two are as near).
pub fn nearest(view: &View, date: Date) -> Option<Date> {
    let on = |p: &[Point]| p.binary_search_by(|x| x.date.cmp(&date)).is_ok();
    if view.lines.iter().any(|l| on(&l.points)) {
        return Some(date);
    }
    match (date_before(view, Some(date)), date_after(view, Some(date))) {
        (Some(b), Some(a)) => Some(if date.secs() - b.secs() <= a.secs() - date.secs() { b } else { a }),
        (x, y) => x.or(y),
    }
}

/// A key that moves the crosshair through the window's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Next,
    Previous,
    /// A tenth of the window later / earlier (at least one date).
    PageLater,
    PageEarlier,
    First,
    Last,
}

/// Where the crosshair goes from `cursor` (none yet: from the window's first or
/// last date): always a date with data. Reads each line by binary search, so a
/// key press costs the same at ten points as at a million.
pub fn navigate(view: &View, cursor: Option<Date>, nav: Nav) -> Option<Date> {
    let page = (view.to.secs() - view.from.secs()) / 10;
    match (nav, cursor) {
        (Nav::First, _) | (Nav::Next | Nav::PageLater, None) => date_after(view, None),
        (Nav::Last, _) | (Nav::Previous | Nav::PageEarlier, None) => date_before(view, None),
        (Nav::Next, Some(c)) => date_after(view, Some(c)).or_else(|| date_before(view, None)),
        (Nav::Previous, Some(c)) => date_before(view, Some(c)).or_else(|| date_after(view, None)),
        (Nav::PageLater, Some(c)) => {
            let next = date_after(view, Some(c)).or_else(|| date_before(view, None))?;
            let far = Date::from_secs(c.secs().saturating_add(page).saturating_add(1)).map_or_else(|| date_before(view, None), |t| date_before(view, Some(t)));
            Some(far.map_or(next, |p| p.max(next)))
        }
        (Nav::PageEarlier, Some(c)) => {
            let prev = date_before(view, Some(c)).or_else(|| date_after(view, None))?;
            let far = Date::from_secs(c.secs().saturating_sub(page).saturating_sub(1)).map_or_else(|| date_after(view, None), |t| date_after(view, Some(t)));
            Some(far.map_or(prev, |p| p.min(prev)))
        }
    }
}

/// The date with data nearest to `date` (the crosshair's magnet).
pub fn snap(all: &[Date], date: Date) -> Option<Date> {
    let i = all.partition_point(|d| *d < date);
    let after = all.get(i).copied();
    let before = i.checked_sub(1).and_then(|j| all.get(j).copied());
    match (before, after) {
        (Some(b), Some(a)) => Some(if date.secs() - b.secs() <= a.secs() - date.secs() { b } else { a }),
        (x, y) => x.or(y),
    }
}

/// The table of exactly what the chart shows: a row per date, a cell per line
/// (`None` where the line has no point that day: the table shows gaps as gaps).
pub fn table(view: &View) -> Vec<(Date, Vec<Option<f64>>)> {
    let all = dates(view);
    let n = all.len();
    table_page(view, &all, 0, n)
}

/// Rows `skip .. skip + take` of the table (by the view's dates, `dates(view)`):
/// a page, so a million-point view never puts a million rows on the page.
pub fn table_page(view: &View, all: &[Date], skip: usize, take: usize) -> Vec<(Date, Vec<Option<f64>>)> {
    let page = all.iter().skip(skip).take(take).copied();
    let first = all.get(skip).copied();
    // Each line's cursor starts at its first point on or after the page's first date.
    let mut cursors: Vec<usize> = view.lines.iter().map(|l| first.map_or(0, |d| l.points.partition_point(|p| p.date < d))).collect();
    page.map(|d| {
        let cells = view
            .lines
            .iter()
            .zip(cursors.iter_mut())
            .map(|(l, c)| {
                while *c < l.points.len() && l.points[*c].date < d {
                    *c += 1;
                }
                l.points.get(*c).filter(|p| p.date == d).map(|p| p.value)
            })
            .collect();
        (d, cells)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn a_toggle_reuses_the_lines_it_did_not_touch() {
        let ds = dataset().unwrap();
        let (a, b) = (d("2025-01-02"), d("2025-11-28"));
        let two = ["CIFR".to_string(), "WULF".to_string()];
        let one = build(&ds, "IREN", &two[..1], a, b, Mode::Indexed, &|_| 1);
        let both = build_reusing(Some(&one), &ds, "IREN", &two, a, b, Mode::Indexed, &|_| 1);
        assert!(one.lines[0].points.shares(&both.lines[0].points) && one.lines[1].raw.shares(&both.lines[1].raw));
        assert_eq!(both, build(&ds, "IREN", &two, a, b, Mode::Indexed, &|_| 1), "the same view as one built afresh");
        // In absolute mode a line reads the series' own points: nothing is copied.
        let abs = build(&ds, "IREN", &[], a, b, Mode::Absolute, &|_| 1);
        let all = &ds.series("IREN").unwrap().series.points;
        let lo = all.partition_point(|p| p.date < a);
        assert!(abs.lines[0].points.shares(&Window::of(all, lo..lo + abs.lines[0].points.len())));
        assert_eq!(abs.lines[0].points.first().map(|p| p.date), Some(a));
        // Another window, or another mode: built afresh.
        let moved = build_reusing(Some(&both), &ds, "IREN", &two, a, d("2025-11-27"), Mode::Indexed, &|_| 1);
        assert!(!both.lines[0].points.shares(&moved.lines[0].points));
        assert_eq!(moved, build(&ds, "IREN", &two, a, d("2025-11-27"), Mode::Indexed, &|_| 1));
        let pct = build_reusing(Some(&both), &ds, "IREN", &two, a, b, Mode::Percent, &|_| 1);
        assert_eq!(pct, build(&ds, "IREN", &two, a, b, Mode::Percent, &|_| 1));
    }

    #[test]
    fn an_intraday_view_writes_its_dates_with_times_even_at_midnight() {
        let csv = "Datetime,BTC\n2025-09-10T23:59Z,1\n2025-09-11T00:00Z,2\n2025-09-11T00:01Z,3\n";
        let ds = crate::core::import_csv::import_csv(csv, "btc.csv").unwrap();
        let s = &ds.series[0].series.points;
        let v = build(&ds, "BTC", &[], s[0].date, s[2].date, Mode::Absolute, &|_| 1);
        assert_eq!(v.date_precision(), DatePrecision::Time);
        assert_eq!(s[1].date.long_at(v.date_precision()), "11 Sept 2025, 00:00 UTC");
        let bundled = dataset().unwrap();
        assert_eq!(build(&bundled, "ORCL", &[], d("2025-09-01"), d("2025-09-30"), Mode::Absolute, &|_| 1).date_precision(), DatePrecision::Day);
    }

    #[test]
    fn a_story_with_comparisons_in_each_mode() {
        let ds = dataset().unwrap();
        let slots = |_: &str| 3;
        let v = build(&ds, "ORCL", &["QQQ".into()], d("2025-09-09"), d("2025-09-12"), Mode::Indexed, &slots);
        assert_eq!(v.lines.len(), 2);
        assert_eq!(v.lines[0].short, "ORCL");
        assert!(v.lines[0].main && !v.lines[1].main);
        assert_eq!((v.lines[0].slot, v.lines[1].slot), (0, 3));
        assert_eq!(v.lines[0].points[0].value, 100.0);
        assert!((v.lines[0].points[1].value - 100.0 * 324.63 / 238.7884).abs() < 1e-9);
        assert_eq!(v.from, d("2025-09-09"));
        // The window moves the base.
        let later = build(&ds, "ORCL", &[], d("2025-09-10"), d("2025-09-12"), Mode::Indexed, &slots);
        assert_eq!(later.lines[0].points[0].value, 100.0);
        assert_eq!(later.lines[0].raw[0].value, 324.63);
    }

    #[test]
    fn mixed_units_are_indexed_and_say_so() {
        let ds = dataset().unwrap();
        let v = build(&ds, "CURSOR_VALUATION", &["CURSOR_ARR".into()], d("2023-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        assert_eq!(v.mode, Mode::Indexed);
        assert!(v.mode_forced);
        assert_eq!(v.lines[0].kind, ChartKind::Steps, "valuations by round are steps");
        assert_eq!(v.lines[1].kind, ChartKind::Line, "revenue run-rates are lines");
        let fet = build(&ds, "FET", &["FET_ANCHORS".into()], d("2024-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        let kinds: Vec<_> = fet.lines.iter().map(|l| (l.id.as_str(), l.kind)).collect();
        assert_eq!(kinds, [("FET", ChartKind::Line), ("FET_ANCHORS", ChartKind::Dots)], "prices quoted now and then are dots");
        let same = build(&ds, "ORCL", &["MSFT".into()], d("2025-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        assert_eq!(same.mode, Mode::Absolute);
    }

    #[test]
    fn the_readout_takes_the_last_value_before_a_weekend_never_an_interpolation() {
        let ds = dataset().unwrap();
        let v = build(&ds, "ORCL", &["BTC".into()], d("2025-09-01"), d("2025-09-30"), Mode::Absolute, &|_| 1);
        // Saturday 6 Sep 2025: ORCL's Friday close, BTC's own Saturday close.
        let r = readout(&v, d("2025-09-06"));
        let orcl = r.iter().find(|x| x.id == "ORCL").unwrap();
        assert_eq!(orcl.date, d("2025-09-05"));
        assert!(!orcl.exact);
        let friday = ds.series("ORCL").unwrap().series.points.iter().find(|p| p.date == d("2025-09-05")).unwrap().value;
        assert_eq!(orcl.raw, friday);
        assert_eq!(v.mode, Mode::Indexed, "a share price and a coin price: indexed");
        let btc = r.iter().find(|x| x.id == "BTC").unwrap();
        assert!(btc.exact && btc.date == d("2025-09-06"));
        // Before any data: nothing to read.
        assert!(readout(&v, d("2025-08-01")).is_empty());
    }

    #[test]
    fn a_window_chosen_in_one_view_is_the_window_of_every_view() {
        use crate::core::timeline::{Handle, Move, Timeline};
        let ds = dataset().unwrap();
        // The linked timeline: every date of the dataset.
        let tl = Timeline::new(merged_dates(ds.series.iter().map(|s| &s.series.points[..])));
        let w = tl.window_for(d("2025-01-02"), d("2025-12-31"));
        let w = tl.apply(w, Handle::End, Move::PageBack);
        let (from, to) = tl.dates(w).unwrap();
        let oracle = build(&ds, "ORCL", &[], from, to, Mode::Absolute, &|_| 1);
        let tokens = build(&ds, "FET", &["BTC".into()], from, to, Mode::Absolute, &|_| 1);
        assert_eq!((oracle.from, oracle.to), (tokens.from, tokens.to));
        assert!(tokens.lines.iter().all(|l| l.points.last().is_none_or(|p| p.date <= to)));
        assert!(oracle.lines[0].points.last().unwrap().date <= to);
        // A view with nothing in the window is empty (the app then offers to jump to its data).
        let funding = build(&ds, "AI_VC_CRUNCHBASE", &[], d("2025-09-01"), d("2025-09-30"), Mode::Absolute, &|_| 1);
        assert!(funding.is_empty());
    }

    #[test]
    fn a_line_knows_its_high_as_reading_every_point_would() {
        let ds = dataset().unwrap();
        for (a, b) in [("2025-01-02", "2025-12-31"), ("2021-01-01", "2025-11-28"), ("2025-09-10", "2025-09-10"), ("2030-01-01", "2030-02-01")] {
            let v = build(&ds, "ORCL", &["BTC".into(), "IREN".into()], d(a), d(b), Mode::Drawdown, &|_| 1);
            for l in &v.lines {
                let by_point = l.raw.first().map(|f| l.raw.iter().copied().fold(*f, |m, p| if p.value > m.value { p } else { m }));
                assert_eq!(l.high(), by_point, "{} {a}..{b}", l.id);
            }
        }
    }

    /// The crosshair's moves, read line by line, land where reading the merged list of dates lands.
    #[test]
    fn the_crosshair_moves_through_the_dates_of_every_line() {
        let ds = dataset().unwrap();
        let v = build(&ds, "ORCL", &["BTC".into(), "AI_VC_CRUNCHBASE".into()], d("2021-06-01"), d("2025-10-31"), Mode::Indexed, &|_| 1);
        let all = dates(&v);
        assert!(all.windows(2).all(|w| w[0] < w[1]), "the merged dates are in order, each once");
        assert_eq!(all.len(), {
            let mut every: Vec<Date> = v.lines.iter().flat_map(|l| l.points.iter().map(|p| p.date)).collect();
            every.sort_unstable();
            every.dedup();
            every.len()
        });
        let mut probes: Vec<Date> = all.iter().step_by(37).copied().collect();
        probes.extend(all.iter().step_by(41).map(|x| Date::from_secs(x.secs() + 3600 * 13).unwrap()));
        probes.extend([d("2000-01-01"), d("2030-01-01"), all[0], *all.last().unwrap()]);
        for p in probes {
            assert_eq!(nearest(&v, p), snap(&all, p), "nearest to {p:?}");
            let i = all.partition_point(|x| *x <= p);
            assert_eq!(navigate(&v, Some(p), Nav::Next), Some(all[i.min(all.len() - 1)]), "next after {p:?}");
            let j = all.partition_point(|x| *x < p);
            assert_eq!(navigate(&v, Some(p), Nav::Previous), Some(all[j.saturating_sub(1)]), "previous before {p:?}");
            let later = navigate(&v, Some(p), Nav::PageLater).unwrap();
            let earlier = navigate(&v, Some(p), Nav::PageEarlier).unwrap();
            assert!(all.contains(&later) && all.contains(&earlier));
            if p < *all.last().unwrap() {
                // At least one date on, at most a tenth of the window (unless the next date is further).
                let next = all[all.partition_point(|x| *x <= p)];
                assert!(later == next || (later > next && later.secs() - p.secs() <= (v.to.secs() - v.from.secs()) / 10), "{p:?} → {later:?}");
            }
            if p > all[0] {
                assert!(earlier < p);
            }
        }
        assert_eq!(navigate(&v, None, Nav::Next), Some(all[0]));
        assert_eq!(navigate(&v, Some(all[9]), Nav::First), Some(all[0]));
        assert_eq!(navigate(&v, None, Nav::Last), all.last().copied());
        let empty = build(&ds, "AI_VC_CRUNCHBASE", &[], d("2025-09-01"), d("2025-09-30"), Mode::Absolute, &|_| 1);
        assert_eq!(navigate(&empty, None, Nav::Next), None);
        assert_eq!(nearest(&empty, d("2025-09-10")), None);
    }

    #[test]
    fn snapping_and_the_table() {
        let all = vec![d("2025-09-05"), d("2025-09-08"), d("2025-09-09")];
        assert_eq!(snap(&all, d("2025-09-06")), Some(d("2025-09-05")));
        assert_eq!(snap(&all, d("2025-09-07")), Some(d("2025-09-08")));
        assert_eq!(snap(&all, d("2025-12-01")), Some(d("2025-09-09")));
        assert_eq!(snap(&[], d("2025-12-01")), None);
        let ds = dataset().unwrap();
        let v = build(&ds, "ORCL", &["BTC".into()], d("2025-09-05"), d("2025-09-08"), Mode::Absolute, &|_| 1);
        let t = table(&v);
        assert_eq!(t.len(), 4, "Fri, Sat, Sun, Mon");
        assert!(t[1].1[0].is_none() && t[1].1[1].is_some(), "no stock close on Saturday: a gap, not a copy");
        // A page of the table is the same rows as the whole table's slice.
        let year = build(&ds, "ORCL", &["BTC".into()], d("2025-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        let all = dates(&year);
        let whole = table(&year);
        assert_eq!(table_page(&year, &all, 100, 50), whole[100..150].to_vec());
        assert_eq!(table_page(&year, &all, whole.len() - 3, 50), whole[whole.len() - 3..].to_vec());
        assert!(table_page(&year, &all, whole.len() + 5, 50).is_empty());
    }

    #[test]
    fn each_line_on_show_has_its_own_slot_and_story_series_keep_theirs() {
        let ds = dataset().unwrap();
        let s = |compare: &[&str]| slots(&ds, "oracle", "ORCL", &compare.iter().map(|x| x.to_string()).collect::<Vec<_>>(), 8);
        // Oracle's own comparisons keep their places in the story.
        assert_eq!(s(&["MSFT"]), vec![("ORCL".into(), 0), ("MSFT".into(), 3)]);
        // Series from other stories take the first free places, not grey ones past the palette.
        assert_eq!(s(&["TAO", "IREN"]), vec![("ORCL".into(), 0), ("TAO".into(), 1), ("IREN".into(), 2)]);
        assert_eq!(s(&["QQQ", "TAO"]), vec![("ORCL".into(), 0), ("QQQ".into(), 1), ("TAO".into(), 2)]);
        // Twelve lines on show: eight colours, then grey.
        let many: Vec<&str> = ["QQQ", "SPY", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TAO", "IREN", "BTC", "ETH"].to_vec();
        let all = s(&many);
        let mut seen: Vec<usize> = all.iter().map(|x| x.1).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..12).collect::<Vec<_>>(), "twelve distinct slots");
    }

    #[test]
    fn controls_that_cannot_apply_say_why() {
        let ds = dataset().unwrap();
        let funding = |mode| build(&ds, "AI_VC_CRUNCHBASE", &["CRYPTO_VC_THEBLOCK".into()], d("2021-01-01"), d("2024-12-31"), mode, &|_| 1);
        let bars = funding(Mode::Absolute);
        assert!(bars.lines.iter().all(|l| l.kind == ChartKind::Bars), "amounts per year are bars");
        assert_eq!(bars.log_blocked(), Some(Blocked::LogBars));
        assert_eq!(bars.mode_blocked(Mode::Drawdown), Some(Blocked::DrawdownBars));
        assert_eq!(bars.mode_blocked(Mode::Indexed), None);
        assert_eq!(bars.bars_blocked(), None);
        let mut lines = bars.clone();
        lines.set_bars(Some(false));
        assert!(lines.lines.iter().all(|l| l.kind == ChartKind::Line) && lines.log_blocked().is_none());
        let mut dd = funding(Mode::Drawdown);
        dd.set_bars(None);
        assert!(!dd.has_bars(), "no bars in drawdown");
        assert_eq!(dd.bars_blocked(), Some(Blocked::BarsDrawdown));
        let orcl = |mode| build(&ds, "ORCL", &[], d("2025-01-01"), d("2025-12-31"), mode, &|_| 1);
        assert_eq!(orcl(Mode::Percent).log_blocked(), Some(Blocked::LogBelowZero));
        assert_eq!(orcl(Mode::Drawdown).log_blocked(), Some(Blocked::LogBelowZero));
        assert_eq!(orcl(Mode::Absolute).log_blocked(), None);
        assert_eq!(orcl(Mode::Absolute).bars_blocked(), Some(Blocked::BarsPrices));
        let mut p = orcl(Mode::Absolute);
        p.set_bars(Some(true));
        assert!(!p.has_bars(), "a price is never a bar");
    }

    #[test]
    fn data_that_begin_or_end_inside_the_window_are_said() {
        let ds = dataset().unwrap();
        // FET's daily data begin on 27 Jan 2025; Render's futures end on 13 Nov; bitcoin covers the year.
        let v = build(&ds, "FET", &["RENDER".into(), "BTC".into()], d("2025-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        let e = edges(&ds, &v);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].begins.unwrap().0, d("2025-01-27"));
        assert_eq!(e[1].ends.unwrap().0, d("2025-11-13"));
        // A stock over the year (weekends and holidays at the edges) and a year-end total are whole.
        let s = build(&ds, "ORCL", &[], d("2025-01-01"), d("2025-12-31"), Mode::Absolute, &|_| 1);
        assert!(edges(&ds, &s).is_empty());
        let f = build(&ds, "AI_VC_CRUNCHBASE", &[], d("2021-01-01"), d("2023-12-31"), Mode::Absolute, &|_| 1);
        assert!(edges(&ds, &f).is_empty());
    }
}
