//! The app's state, shared with the components through context: the dataset
//! on show and where it came from, what the reader picked, and the last load
//! that failed. Transitions (a new dataset, another story, another series) are
//! plain methods, so the order of updates is explicit.
//!
//! One timeline links every view: the window and the crosshair's date are
//! dates on the whole dataset's timeline, so switching stories keeps them.

use crate::core::dataset::StepDef;
use crate::core::dataset::{Dataset, Mode};
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::series::merged_dates;
use crate::core::story::{self, Figure, StepSpec};
use crate::core::timeline::{Timeline, Window};
use crate::core::view::{self, View};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The view a step put on screen. The reader is on the step while the view
/// still equals it; changing anything leaves the guided path.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub story: String,
    pub step: usize,
    pub series: String,
    pub compare: Vec<String>,
    pub mode: Mode,
    pub log: bool,
    pub window: Window,
}

/// How a story or step is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// With the step's own window, at once (a new page, a new dataset, an address).
    Own,
    /// From another story: the linked timeline keeps a window the reader chose,
    /// if the step has data in it.
    Linked,
    /// Between steps: the window glides to the step's (not under reduced motion).
    Glide,
}

/// Where the dataset on show came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Bundled,
    Url(String),
    File(String),
}

#[derive(Clone)]
pub struct Loaded {
    pub dataset: Arc<Dataset>,
    /// Every date of the dataset (see [`Prepared`]).
    pub timeline: Arc<Timeline>,
    pub origin: Origin,
}

/// A dataset ready to show, with its timeline (every date of every series,
/// merged) made beforehand: a loader makes it in a task of its own, so showing
/// four million points does not hold the page in one piece.
pub struct Prepared {
    dataset: Arc<Dataset>,
    timeline: Arc<Timeline>,
}

impl Prepared {
    pub fn new(dataset: Dataset) -> Prepared {
        let dates = merged_dates(dataset.series.iter().map(|s| &s.series.points[..]));
        Prepared::with_dates(dataset, dates)
    }

    /// With the dataset's dates already merged (by [`crate::core::series::MergeDates`], a piece at a time).
    pub fn with_dates(dataset: Dataset, dates: Vec<Date>) -> Prepared {
        Prepared { dataset: Arc::new(dataset), timeline: Arc::new(Timeline::new(dates)) }
    }
}

/// A load that did not work: what was tried, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub what: String,
    pub problems: Vec<String>,
}

/// The reader's theme choice; `Auto` follows the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemePref {
    Auto,
    Light,
    Dark,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub loaded: RwSignal<Loaded>,
    pub failure: RwSignal<Option<Failure>>,
    /// Notes on the dataset on show (keys it holds that the format does not know).
    pub notes: RwSignal<Option<Failure>>,
    /// A load in progress ("Loading https://…", then its progress), which the reader may cancel.
    pub busy: RwSignal<Option<String>>,
    /// What became of the last load when it did not end in data or problems ("cancelled").
    pub load_note: RwSignal<Option<String>>,
    pub story: RwSignal<String>,
    /// The main series of the chart.
    pub series: RwSignal<String>,
    /// Comparisons switched on.
    pub compare: RwSignal<Vec<String>>,
    pub mode: RwSignal<Mode>,
    pub log: RwSignal<bool>,
    /// The reader's bars switch (`None`: as the dataset declares).
    pub bars: RwSignal<Option<bool>>,
    pub window: RwSignal<Window>,
    /// The crosshair's date, shared by every view.
    pub cursor: RwSignal<Option<Date>>,
    pub playing: RwSignal<bool>,
    pub show_table: RwSignal<bool>,
    /// The event whose text and source are open.
    pub open_event: RwSignal<Option<String>>,
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<ThemePref>,
    /// Whether the system asks for dark colours (kept current by a media-query listener).
    pub system_dark: RwSignal<bool>,
    /// Embedded (`?embed=1`): the chart without the page around it.
    pub embed: RwSignal<bool>,
    /// No headline (`?plain=1`).
    pub plain: RwSignal<bool>,
    /// No background (`?transparent=1`).
    pub transparent: RwSignal<bool>,
    /// The story's step the reader is on, or last was on (0-based).
    pub step: RwSignal<usize>,
    /// What that step put on screen (`None` for a story without steps).
    pub applied: RwSignal<Option<Applied>>,
    /// True while the window glides between steps.
    pub gliding: RwSignal<bool>,
    /// Set when opening a story had to move the reader's window (to these dates).
    pub moved: RwSignal<Option<(Date, Date)>>,
    /// Every date of the dataset: the linked timeline the scrubber moves over
    /// (shared: a million dates are never copied to be read).
    pub timeline: Memo<Arc<Timeline>>,
    /// What the chart shows.
    pub view: Memo<View>,
    /// The ids of the lines on show, in order: what depends on which series are shown but not on the
    /// window (the sources, the source line) reads this, so a scrub step does not rebuild it.
    pub line_ids: Memo<Vec<String>>,
    /// The chart's text alternative in the reader's language (the canvas's label, the polite summary).
    pub description: Memo<String>,
    /// Whether the view is still the step's: the reader is on the guided path.
    pub on_step: Memo<bool>,
    /// Labels the chart had no room for, drawn as numbered markers: (number, event id, text).
    pub chart_notes: RwSignal<Vec<(usize, Option<String>, String)>>,
    /// The story's current step and its figures, computed from the data.
    pub step_data: Memo<Option<(StepDef, Vec<Figure>)>>,
}

type Frame = std::rc::Rc<std::cell::RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Asks for the next animation frame; false if the browser would not.
fn request_frame(frame: &Frame) -> bool {
    let held = frame.borrow();
    match (web_sys::window(), held.as_ref()) {
        (Some(w), Some(cb)) => w.request_animation_frame(cb.as_ref().unchecked_ref()).is_ok(),
        _ => false,
    }
}

thread_local! {
    /// The current glide: a newer one stops an older one.
    static GLIDE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl AppState {
    pub fn new(dataset: Dataset) -> AppState {
        let Prepared { dataset, timeline } = Prepared::new(dataset);
        let loaded = RwSignal::new(Loaded { dataset, timeline, origin: Origin::Bundled });
        let timeline = Memo::new(move |_| loaded.with(|l| l.timeline.clone()));
        let (story, series, compare, mode, window) = (
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
            RwSignal::new(Vec::<String>::new()),
            RwSignal::new(Mode::Absolute),
            RwSignal::new(Window { start: 0, end: 0 }),
        );
        let bars = RwSignal::new(None::<bool>);
        // The dataset the last view was built from: a view of the same data, window and mode
        // reuses its lines' points (a toggle builds only the line toggled).
        let built_from = StoredValue::new(0usize);
        let view = Memo::new(move |prev: Option<&View>| {
            let (from, to) = timeline.with(|t| t.dates(window.get())).unwrap_or((Date::from_days(0), Date::from_days(0)));
            let story_id = story.get();
            loaded.with(|l| {
                let ds = &l.dataset;
                let id = Arc::as_ptr(ds) as usize;
                let prev = prev.filter(|_| built_from.get_value() == id);
                built_from.set_value(id);
                let (main, on) = (series.get(), compare.get());
                let order = view::slots(ds, &story_id, &main, &on, crate::chart::theme::LIGHT.palette.len());
                let slots = |id: &str| view::slot_of(&order, id);
                let mut v = view::build_reusing(prev, ds, &main, &on, from, to, mode.get(), &slots);
                v.set_bars(bars.get());
                v
            })
        });
        let (step, applied, gliding, log) = (RwSignal::new(0usize), RwSignal::new(None::<Applied>), RwSignal::new(false), RwSignal::new(false));
        let on_step = Memo::new(move |_| {
            applied.with(|a| {
                a.as_ref().is_some_and(|a| {
                    story.with(|s| *s == a.story)
                        && series.with(|s| *s == a.series)
                        && compare.with(|c| *c == a.compare)
                        && mode.get() == a.mode
                        && log.get() == a.log
                        && bars.get().is_none()
                        && (gliding.get() || window.get() == a.window)
                })
            })
        });
        let step_data = Memo::new(move |_| {
            let (id, i) = (story.get(), step.get());
            loaded.with(|l| {
                let st = l.dataset.story(&id)?.steps.get(i)?;
                Some((st.clone(), story::figures(&l.dataset, st).ok()?))
            })
        });
        let lang = RwSignal::new(Lang::En);
        let description = Memo::new(move |_| {
            let fmt = super::intl::intl(lang.get());
            view.with(|v| super::chart_canvas::describe(v, fmt))
        });
        let line_ids = Memo::new(move |_| view.with(|v| v.lines.iter().map(|l| l.id.clone()).collect::<Vec<_>>()));
        let state = AppState {
            loaded,
            failure: RwSignal::new(None),
            notes: RwSignal::new(None),
            busy: RwSignal::new(None),
            load_note: RwSignal::new(None),
            story,
            series,
            compare,
            mode,
            log,
            bars,
            window,
            cursor: RwSignal::new(None),
            playing: RwSignal::new(false),
            show_table: RwSignal::new(false),
            open_event: RwSignal::new(None),
            lang,
            theme: RwSignal::new(ThemePref::Auto),
            system_dark: RwSignal::new(false),
            embed: RwSignal::new(false),
            plain: RwSignal::new(false),
            transparent: RwSignal::new(false),
            step,
            applied,
            gliding,
            moved: RwSignal::new(None),
            timeline,
            view,
            line_ids,
            description,
            on_step,
            step_data,
            chart_notes: RwSignal::new(Vec::new()),
        };
        state.open(None, None, Opening::Own);
        state
    }

    /// Shows a newly loaded dataset; the previous one is dropped only now, once
    /// the new one has passed validation.
    pub fn show_dataset(&self, ready: Prepared, origin: Origin) {
        self.failure.set(None);
        self.notes.set(None);
        self.loaded.set(Loaded { dataset: ready.dataset, timeline: ready.timeline, origin });
        self.cursor.set(None);
        self.open(None, None, Opening::Own);
    }

    /// Opens a story (`None`: the dataset's first) on a step (`None` or out of
    /// range: its first). A story without steps opens on its own view.
    pub fn open(&self, id: Option<&str>, step: Option<usize>, how: Opening) {
        super::doing(crate::i18n::Key::DoingStep);
        let ds = self.loaded.with_untracked(|l| l.dataset.clone());
        let Some(st) = id.and_then(|id| ds.story(id)).or(ds.stories.first()) else {
            // A dataset without stories: its first series, whole.
            let main = ds.series.first().map(|s| s.id().to_string()).unwrap_or_default();
            self.story.set(String::new());
            self.series.set(main);
            self.compare.set(Vec::new());
            self.applied.set(None);
            self.window.set(self.timeline.get_untracked().full());
            return;
        };
        let index = step.filter(|i| *i < st.steps.len()).unwrap_or(0);
        let spec: StepSpec = match st.steps.get(index) {
            Some(s) => story::step_spec(&ds, st, s),
            None => story::story_spec(&ds, st),
        };
        let tl = self.timeline.get_untracked();
        let current = tl.dates(self.window.get_untracked());
        let chosen = current.filter(|_| how == Opening::Linked && (!self.on_step.get_untracked() || st.steps.is_empty()));
        let (dates, moved) = match how {
            Opening::Linked => story::opening_window(&ds, &spec, chosen),
            _ => (spec.window, false),
        };
        let target = tl.window_for(dates.0, dates.1);
        self.playing.set(false);
        self.open_event.set(None);
        self.moved.set(moved.then_some(dates));
        self.story.set(st.id.clone());
        self.step.set(index);
        self.series.set(spec.main.clone());
        self.compare.set(spec.compare.clone());
        self.mode.set(spec.mode);
        self.log.set(spec.log);
        self.bars.set(None);
        if !st.steps.is_empty() {
            self.cursor.set(spec.cursor);
        }
        self.applied.set((!st.steps.is_empty()).then(|| Applied {
            story: st.id.clone(),
            step: index,
            series: spec.main.clone(),
            compare: spec.compare.clone(),
            mode: spec.mode,
            log: spec.log,
            window: target,
        }));
        if how == Opening::Glide {
            self.glide(target);
        } else {
            self.window.set(target);
        }
    }

    /// Moves to another step of the story on show, gliding.
    pub fn go_to_step(&self, index: usize) {
        let story = self.story.get_untracked();
        self.open(Some(&story), Some(index), Opening::Glide);
    }

    /// The number of steps of the story on show.
    pub fn step_count(&self) -> usize {
        let story = self.story.get();
        self.loaded.with(|l| l.dataset.story(&story).map_or(0, |s| s.steps.len()))
    }

    /// Glides the window to `target` in about 350 ms: the ends move through
    /// time (never the data: each frame draws the real points in its window).
    /// At once for readers who prefer reduced motion.
    fn glide(&self, target: Window) {
        let tl = self.timeline.get_untracked();
        let from = tl.dates(self.window.get_untracked());
        let to = tl.dates(target);
        let reduced = web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches());
        let (Some((a0, b0)), Some((a1, b1)), false) = (from, to, reduced) else {
            self.window.set(target);
            return;
        };
        if (a0, b0) == (a1, b1) {
            self.window.set(target);
            return;
        }
        GLIDE.with(|g| g.set(g.get() + 1));
        let generation = GLIDE.with(|g| g.get());
        let state = *self;
        let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
            self.window.set(target);
            return;
        };
        let start = perf.now();
        const MS: f64 = 350.0;
        self.gliding.set(true);
        let frame: Frame = Default::default();
        let again = frame.clone();
        *frame.borrow_mut() = Some(Closure::new(move |now: f64| {
            if GLIDE.with(|g| g.get()) != generation {
                again.borrow_mut().take();
                return;
            }
            let t = ((now - start) / MS).clamp(0.0, 1.0);
            let e = 1.0 - (1.0 - t).powi(3);
            if t >= 1.0 {
                state.window.set(target);
                state.gliding.set(false);
                again.borrow_mut().take();
                return;
            }
            let lerp = |x: Date, y: Date| Date::from_t(x.t() + (y.t() - x.t()) * e);
            let (a, b) = (lerp(a0, a1), lerp(b0, b1));
            let w = state.timeline.with_untracked(|tl| tl.window_for(a, b));
            state.window.set(w);
            request_frame(&again);
        }));
        if !request_frame(&frame) {
            self.window.set(target);
            self.gliding.set(false);
        }
    }

    /// The story's default window (or the whole timeline).
    pub fn reset_window(&self) {
        let ds = self.loaded.with_untracked(|l| l.dataset.clone());
        let id = self.story.get_untracked();
        let tl = self.timeline.get_untracked();
        self.window.set(match ds.story(&id).and_then(|s| s.window) {
            Some((a, b)) => tl.window_for(a, b),
            None => tl.full(),
        });
    }

    /// Whether the page is dark now.
    pub fn dark(&self) -> bool {
        match self.theme.get() {
            ThemePref::Dark => true,
            ThemePref::Light => false,
            ThemePref::Auto => self.system_dark.get(),
        }
    }

    /// Switches the main series; the window stays.
    pub fn show_series(&self, id: &str) {
        self.compare.update(|c| c.retain(|x| x != id));
        self.series.set(id.to_string());
    }

    /// Sets the window to the given dates (snapped to the timeline).
    pub fn set_dates(&self, from: Date, to: Date) {
        let tl = self.timeline.get_untracked();
        self.window.set(tl.window_for(from, to));
    }

    pub fn toggle_compare(&self, id: &str) {
        self.compare.update(|c| {
            if let Some(i) = c.iter().position(|x| x == id) {
                c.remove(i);
            } else {
                c.push(id.to_string());
            }
        });
    }

    /// Where the story's data is (its series and comparisons, on or off): where
    /// to jump when the window is empty.
    pub fn data_extent(&self) -> Option<(Date, Date)> {
        let main = self.series.get();
        let story = self.story.get();
        self.loaded.with(|l| {
            let ds = &l.dataset;
            let mut ids: Vec<String> = vec![main.clone()];
            if let Some(s) = ds.story(&story) {
                ids.extend(s.series.iter().chain(&s.compare).cloned());
            }
            let pts = ids.iter().filter_map(|id| ds.series(id)).flat_map(|s| {
                let p = &s.series.points;
                p.first().into_iter().chain(p.last()).map(|p| p.date)
            });
            pts.fold(None, |acc: Option<(Date, Date)>, d| Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d)))))
        })
    }
}
