//! The app's state, shared with the components through context: the dataset
//! on show and where it came from, what the reader picked, and the last load
//! that failed. Transitions (a new dataset, another story, another series) are
//! plain methods, so the order of updates is explicit.
//!
//! One timeline links every view: the window and the crosshair's date are
//! dates on the whole dataset's timeline, so switching stories keeps them.

use crate::core::dataset::{Dataset, Mode};
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::timeline::{Timeline, Window};
use crate::core::view::{self, View};
use leptos::prelude::*;
use std::sync::Arc;

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
    pub origin: Origin,
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
    /// A load in progress ("Loading https://…").
    pub busy: RwSignal<Option<String>>,
    pub story: RwSignal<String>,
    /// The main series of the chart.
    pub series: RwSignal<String>,
    /// Comparisons switched on.
    pub compare: RwSignal<Vec<String>>,
    pub mode: RwSignal<Mode>,
    pub log: RwSignal<bool>,
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
    /// Every date of the dataset: the linked timeline the scrubber moves over.
    pub timeline: Memo<Timeline>,
    /// What the chart shows.
    pub view: Memo<View>,
}

impl AppState {
    pub fn new(dataset: Dataset) -> AppState {
        let loaded = RwSignal::new(Loaded { dataset: Arc::new(dataset), origin: Origin::Bundled });
        let timeline =
            Memo::new(move |_| loaded.with(|l| Timeline::new(l.dataset.series.iter().flat_map(|s| s.series.points.iter().map(|p| p.date)).collect())));
        let (story, series, compare, mode, window) = (
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
            RwSignal::new(Vec::<String>::new()),
            RwSignal::new(Mode::Absolute),
            RwSignal::new(Window { start: 0, end: 0 }),
        );
        let view = Memo::new(move |_| {
            let (from, to) = timeline.with(|t| t.dates(window.get())).unwrap_or((Date::from_days(0), Date::from_days(0)));
            let story_id = story.get();
            loaded.with(|l| {
                let ds = &l.dataset;
                let order: Vec<String> = ds.story(&story_id).map(|s| s.series.iter().chain(&s.compare).cloned().collect()).unwrap_or_default();
                let slots = |id: &str| order.iter().position(|x| x == id).unwrap_or(order.len()).max(1);
                view::build(ds, &series.get(), &compare.get(), from, to, mode.get(), &slots)
            })
        });
        let state = AppState {
            loaded,
            failure: RwSignal::new(None),
            busy: RwSignal::new(None),
            story,
            series,
            compare,
            mode,
            log: RwSignal::new(false),
            window,
            cursor: RwSignal::new(None),
            playing: RwSignal::new(false),
            show_table: RwSignal::new(false),
            open_event: RwSignal::new(None),
            lang: RwSignal::new(Lang::En),
            theme: RwSignal::new(ThemePref::Auto),
            system_dark: RwSignal::new(false),
            embed: RwSignal::new(false),
            plain: RwSignal::new(false),
            transparent: RwSignal::new(false),
            timeline,
            view,
        };
        state.show_story(None);
        state
    }

    /// Shows a newly loaded dataset; the previous one is dropped only now, once
    /// the new one has passed validation.
    pub fn show_dataset(&self, dataset: Dataset, origin: Origin) {
        self.failure.set(None);
        self.loaded.set(Loaded { dataset: Arc::new(dataset), origin });
        self.cursor.set(None);
        self.show_story(None);
    }

    /// Switches to a story (`None`: the dataset's first) with its series,
    /// comparisons and mode. The window is the story's default the first time
    /// and on a new dataset; between stories it stays (the timeline is linked).
    pub fn show_story(&self, id: Option<&str>) {
        let ds = self.loaded.with_untracked(|l| l.dataset.clone());
        let story = id.and_then(|id| ds.story(id)).or(ds.stories.first());
        let main =
            story.and_then(|s| s.series.first().or(s.compare.first())).cloned().or_else(|| ds.series.first().map(|s| s.id().to_string())).unwrap_or_default();
        let on: Vec<String> = story.map(|s| s.series.iter().skip(1).cloned().collect()).unwrap_or_default();
        self.playing.set(false);
        self.open_event.set(None);
        self.story.set(story.map(|s| s.id.clone()).unwrap_or_default());
        self.series.set(main);
        self.compare.set(on);
        self.mode.set(story.map(|s| s.mode).unwrap_or(Mode::Absolute));
        if id.is_none() {
            self.reset_window();
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
