//! The dataset's stories as a row of buttons, and the series to chart.

use super::state::{AppState, Opening};
use crate::i18n::{t, Key};
use leptos::prelude::*;

#[component]
pub fn StoryPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let stories = move || {
        let lg = lang.get();
        state.loaded.with(|l| l.dataset.stories.iter().map(|s| (s.id.clone(), s.title.get(lg).to_string())).collect::<Vec<_>>())
    };
    // The story's own series first, then its comparisons, then everything else.
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
        <nav class="stories" aria-label=move || t(lang.get(), Key::Stories)>
            {move || stories().into_iter().map(|(id, title)| {
                let id2 = id.clone();
                view! {
                    <button type="button" class="story-tab" data-story=id.clone()
                        aria-pressed=move || (state.story.get() == id).to_string()
                        on:click=move |_| state.open(Some(&id2), None, Opening::Linked)>{title}</button>
                }
            }).collect_view()}
        </nav>
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
