//! The dataset's stories: a row of buttons, or one menu on phones.

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
        // On phones the row of stories folds into one menu.
        <p class="story-select">
            <label for="story-select">{move || t(lang.get(), Key::Stories)}</label>" "
            <select id="story-select" on:change=move |ev| state.open(Some(&event_target_value(&ev)), None, Opening::Linked)>
                {move || {
                    let current = state.story.get();
                    stories().into_iter().map(|(id, title)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected>{title}</option> }
                    }).collect_view()
                }}
            </select>
        </p>
    }
}
