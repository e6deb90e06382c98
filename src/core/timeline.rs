//! The headless timeline controller: a window (start and end handle) over an
//! ordered list of steps, moved by keys or by pointer position. No DOM here, so
//! every rule the reader feels (steps, big steps, ends, "start never passes end")
//! is tested natively. The view only translates events into these calls.

use super::date::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    Start,
    End,
}

/// What a key asks a slider to do, after the view has mapped the DOM key name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    StepBack,
    StepForward,
    PageBack,
    PageForward,
    First,
    Last,
}

impl Move {
    /// Maps a `KeyboardEvent.key` to a move, following the ARIA slider pattern:
    /// Left/Down one step back, Right/Up one step forward, PageDown/PageUp a big
    /// step, Home/End the ends. Time runs left to right in every language (see
    /// docs/design.md), so the arrows keep their meaning under right-to-left.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowLeft" | "ArrowDown" | "Left" | "Down" => Move::StepBack,
            "ArrowRight" | "ArrowUp" | "Right" | "Up" => Move::StepForward,
            "PageDown" => Move::PageBack,
            "PageUp" => Move::PageForward,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

/// Inclusive indices into the timeline's steps, `start <= end` always.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

/// The steps a window moves over (for now the dates of the series shown),
/// sorted and unique.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    steps: Vec<Date>,
}

impl Timeline {
    /// Sorts and de-duplicates the given dates.
    pub fn new(mut steps: Vec<Date>) -> Timeline {
        super::order::sort_by_key(&mut steps, |d| d.secs());
        steps.dedup();
        Timeline { steps }
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn date(&self, index: usize) -> Option<Date> {
        self.steps.get(index).copied()
    }

    /// The whole timeline as a window (an empty timeline gives 0..=0).
    pub fn full(&self) -> Window {
        Window { start: 0, end: self.len().saturating_sub(1) }
    }

    /// The window's first and last dates; `None` on an empty timeline.
    pub fn dates(&self, w: Window) -> Option<(Date, Date)> {
        let w = self.clamp(w);
        Some((self.date(w.start)?, self.date(w.end)?))
    }

    /// A big step: a tenth of the timeline, at least one step.
    pub fn big_step(&self) -> usize {
        (self.len() / 10).max(1)
    }

    /// Index of the step nearest to `date` (ties go to the earlier step).
    pub fn nearest(&self, date: Date) -> usize {
        match self.steps.binary_search(&date) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) if i >= self.len() => self.len().saturating_sub(1),
            Err(i) => {
                let (a, b) = (self.steps[i - 1], self.steps[i]);
                if date.secs() - a.secs() <= b.secs() - date.secs() {
                    i - 1
                } else {
                    i
                }
            }
        }
    }

    /// The window whose ends are the steps nearest to `from` and `to`.
    pub fn window_for(&self, from: Date, to: Date) -> Window {
        let (a, b) = (self.nearest(from), self.nearest(to));
        Window { start: a.min(b), end: a.max(b) }
    }

    /// Brings any window back inside the timeline with `start <= end`.
    pub fn clamp(&self, w: Window) -> Window {
        let last = self.len().saturating_sub(1);
        let end = w.end.min(last);
        Window { start: w.start.min(end), end }
    }

    /// Puts one handle at `index`, stopping it at the other handle: the start
    /// never passes the end, nor the end the start.
    pub fn set(&self, w: Window, handle: Handle, index: usize) -> Window {
        let w = self.clamp(w);
        let last = self.len().saturating_sub(1);
        let index = index.min(last);
        match handle {
            Handle::Start => Window { start: index.min(w.end), end: w.end },
            Handle::End => Window { start: w.start, end: index.max(w.start) },
        }
    }

    /// Applies a key move to one handle.
    pub fn apply(&self, w: Window, handle: Handle, mv: Move) -> Window {
        let w = self.clamp(w);
        let pos = match handle {
            Handle::Start => w.start,
            Handle::End => w.end,
        };
        let target = match mv {
            Move::StepBack => pos.saturating_sub(1),
            Move::StepForward => pos + 1,
            Move::PageBack => pos.saturating_sub(self.big_step()),
            Move::PageForward => pos + self.big_step(),
            Move::First => 0,
            Move::Last => usize::MAX,
        };
        self.set(w, handle, target)
    }

    /// Position of a step along the track, 0.0 (first) to 1.0 (last). The
    /// track is calendar time: years of annual data and days of daily data each
    /// take the room their dates span.
    pub fn fraction(&self, index: usize) -> f64 {
        match (self.steps.first(), self.steps.last(), self.steps.get(index.min(self.len().saturating_sub(1)))) {
            (Some(a), Some(b), Some(d)) if b > a => (d.t() - a.t()) / (b.t() - a.t()),
            _ => 0.0,
        }
    }

    /// The step nearest to a position along the track (clamped to 0..=1;
    /// NaN counts as 0).
    pub fn index_at_fraction(&self, f: f64) -> usize {
        let (Some(a), Some(b)) = (self.steps.first(), self.steps.last()) else { return 0 };
        let f = if f.is_nan() { 0.0 } else { f.clamp(0.0, 1.0) };
        self.nearest(Date::from_t(a.t() + f * (b.t() - a.t())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl(n: usize) -> Timeline {
        Timeline::new((0..n as i32).map(|i| Date::from_days(20_000 + i)).collect())
    }

    #[test]
    fn keys_follow_the_aria_slider_pattern() {
        assert_eq!(Move::from_key("ArrowLeft"), Some(Move::StepBack));
        assert_eq!(Move::from_key("ArrowDown"), Some(Move::StepBack));
        assert_eq!(Move::from_key("ArrowUp"), Some(Move::StepForward));
        assert_eq!(Move::from_key("PageUp"), Some(Move::PageForward));
        assert_eq!(Move::from_key("PageDown"), Some(Move::PageBack));
        assert_eq!(Move::from_key("Home"), Some(Move::First));
        assert_eq!(Move::from_key("End"), Some(Move::Last));
        assert_eq!(Move::from_key("a"), None);
    }

    #[test]
    fn steps_pages_and_ends() {
        let t = tl(250);
        let w = t.full();
        assert_eq!(w, Window { start: 0, end: 249 });
        let w = t.apply(w, Handle::End, Move::StepBack);
        assert_eq!(w.end, 248);
        let w = t.apply(w, Handle::End, Move::PageBack);
        assert_eq!(w.end, 248 - 25);
        let w = t.apply(w, Handle::End, Move::Last);
        assert_eq!(w.end, 249);
        let w = t.apply(w, Handle::Start, Move::PageForward);
        assert_eq!(w.start, 25);
        let w = t.apply(w, Handle::Start, Move::First);
        assert_eq!(w.start, 0);
        // Stepping forward at the end stays at the end.
        assert_eq!(t.apply(t.full(), Handle::End, Move::StepForward).end, 249);
        assert_eq!(t.apply(t.full(), Handle::Start, Move::StepBack).start, 0);
    }

    #[test]
    fn start_never_passes_end_and_end_never_passes_start() {
        let t = tl(250);
        let w = Window { start: 100, end: 120 };
        assert_eq!(t.apply(w, Handle::Start, Move::Last), Window { start: 120, end: 120 });
        assert_eq!(t.apply(w, Handle::End, Move::First), Window { start: 100, end: 100 });
        assert_eq!(t.set(w, Handle::Start, 200), Window { start: 120, end: 120 });
        assert_eq!(t.set(w, Handle::End, 3), Window { start: 100, end: 100 });
        let mut w = w;
        for _ in 0..50 {
            w = t.apply(w, Handle::Start, Move::PageForward);
            assert!(w.start <= w.end);
        }
    }

    #[test]
    fn out_of_range_windows_are_clamped() {
        let t = tl(10);
        assert_eq!(t.clamp(Window { start: 50, end: 70 }), Window { start: 9, end: 9 });
        assert_eq!(t.clamp(Window { start: 7, end: 3 }), Window { start: 3, end: 3 });
        let empty = tl(0);
        assert_eq!(empty.full(), Window { start: 0, end: 0 });
        assert_eq!(empty.apply(empty.full(), Handle::End, Move::StepForward), Window { start: 0, end: 0 });
        assert_eq!(empty.dates(empty.full()), None);
        assert_eq!(empty.index_at_fraction(0.5), 0);
    }

    #[test]
    fn pointer_fractions_map_to_steps() {
        let t = tl(11);
        assert_eq!(t.index_at_fraction(0.0), 0);
        assert_eq!(t.index_at_fraction(0.52), 5);
        assert_eq!(t.index_at_fraction(7.0), 10);
        assert_eq!(t.index_at_fraction(-1.0), 0);
        assert_eq!(t.index_at_fraction(f64::NAN), 0);
        assert_eq!(t.fraction(5), 0.5);
        assert_eq!(tl(1).fraction(0), 0.0);
    }

    #[test]
    fn the_track_is_calendar_time() {
        // Two annual points, then daily ones: the years take most of the track.
        let t = Timeline::new(vec![Date::from_days(0), Date::from_days(365), Date::from_days(730), Date::from_days(731)]);
        assert_eq!(t.fraction(1), 365.0 / 731.0);
        assert_eq!(t.index_at_fraction(0.5), 1);
        assert_eq!(t.index_at_fraction(1.0), 3);
        assert_eq!(t.index_at_fraction(0.99), 2);
    }

    #[test]
    fn nearest_and_window_for_dates() {
        let t = Timeline::new(vec![Date::from_days(10), Date::from_days(14), Date::from_days(20)]);
        assert_eq!(t.nearest(Date::from_days(0)), 0);
        assert_eq!(t.nearest(Date::from_days(12)), 0);
        assert_eq!(t.nearest(Date::from_days(13)), 1);
        assert_eq!(t.nearest(Date::from_days(99)), 2);
        assert_eq!(t.window_for(Date::from_days(30), Date::from_days(11)), Window { start: 0, end: 2 });
    }
}
