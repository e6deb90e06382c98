//! Which series is the chart's main line: the story's own first, then its
//! comparisons, then everything else in the dataset.

use super::state::AppState;
use crate::i18n::{t, Key};
use leptos::prelude::*;

#[component]
pub fn SeriesPick() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let choices = move || {
        let story = state.story.get();
        let lg = lang.get();
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let mut ids: Vec<&str> = Vec::new();
            if let Some(s) = ds.story(&story) {
                ids.extend(s.series.iter().chain(&s.compare).map(String::as_str));
            }
            for s in &ds.series {
                if !ids.contains(&s.id()) {
                    ids.push(s.id());
                }
            }
            ids.iter().filter_map(|id| ds.series(id)).map(|s| (s.id().to_string(), s.name.get(lg).to_string())).collect::<Vec<_>>()
        })
    };
    view! {
        <p class="series-pick">
            <label for="series-select">{move || t(lang.get(), Key::SeriesLabel)}</label>" "
            <select id="series-select" on:change=move |ev| state.show_series(&event_target_value(&ev))>
                {move || {
                    let current = state.series.get();
                    choices().into_iter().map(|(id, name)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()
                }}
            </select>
        </p>
    }
}
