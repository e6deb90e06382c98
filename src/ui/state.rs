//! The app's state, shared with the components through context: the dataset
//! on show and where it came from, what the reader picked, and the last load
//! that failed. Transitions (a new dataset, another story, another series) are
//! plain methods, so the order of updates is explicit.

use crate::core::dataset::{Dataset, SeriesDef};
use crate::core::lang::Lang;
use crate::core::timeline::{Timeline, Window};
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

#[derive(Clone, Copy)]
pub struct AppState {
    pub loaded: RwSignal<Loaded>,
    pub failure: RwSignal<Option<Failure>>,
    /// A load in progress ("Loading https://…").
    pub busy: RwSignal<Option<String>>,
    pub story: RwSignal<String>,
    pub series: RwSignal<String>,
    pub window: RwSignal<Window>,
    pub lang: RwSignal<Lang>,
    /// The dates the scrubber moves over: those of the series on show.
    pub timeline: Memo<Timeline>,
}

impl AppState {
    pub fn new(dataset: Dataset) -> AppState {
        let loaded = RwSignal::new(Loaded { dataset: Arc::new(dataset), origin: Origin::Bundled });
        let series = RwSignal::new(String::new());
        let timeline = Memo::new(move |_| {
            let id = series.get();
            loaded.with(|l| {
                Timeline::new(l.dataset.series(&id).map(|s| s.series.points.iter().map(|p| p.date).collect()).unwrap_or_default())
            })
        });
        let state = AppState {
            loaded,
            failure: RwSignal::new(None),
            busy: RwSignal::new(None),
            story: RwSignal::new(String::new()),
            series,
            window: RwSignal::new(Window { start: 0, end: 0 }),
            lang: RwSignal::new(Lang::En),
            timeline,
        };
        state.show_story(None);
        state
    }

    /// Shows a newly loaded dataset; the previous one is dropped only now, once
    /// the new one has passed validation.
    pub fn show_dataset(&self, dataset: Dataset, origin: Origin) {
        self.failure.set(None);
        self.loaded.set(Loaded { dataset: Arc::new(dataset), origin });
        self.show_story(None);
    }

    /// Switches to a story (`None`: the dataset's first), with its default
    /// series and window.
    pub fn show_story(&self, id: Option<&str>) {
        let ds = self.loaded.with_untracked(|l| l.dataset.clone());
        let story = id.and_then(|id| ds.story(id)).or(ds.stories.first());
        let series = story
            .and_then(|s| s.series.first().or(s.compare.first()))
            .cloned()
            .or_else(|| ds.series.first().map(|s| s.id().to_string()))
            .unwrap_or_default();
        self.story.set(story.map(|s| s.id.clone()).unwrap_or_default());
        self.series.set(series);
        let tl = self.timeline.get_untracked();
        self.window.set(match story.and_then(|s| s.window) {
            Some((a, b)) => tl.window_for(a, b),
            None => tl.full(),
        });
    }

    /// Switches the series on show, keeping the chosen dates where it can.
    pub fn show_series(&self, id: &str) {
        let old = self.timeline.get_untracked();
        let dates = old.dates(self.window.get_untracked());
        self.series.set(id.to_string());
        let tl = self.timeline.get_untracked();
        self.window.set(match dates {
            Some((a, b)) => tl.window_for(a, b),
            None => tl.full(),
        });
    }

    /// The series on show, if the dataset has it.
    pub fn with_series<T>(&self, f: impl FnOnce(&SeriesDef, &Dataset) -> T) -> Option<T> {
        let id = self.series.get();
        self.loaded.with(|l| l.dataset.series(&id).map(|s| f(s, &l.dataset)))
    }
}
