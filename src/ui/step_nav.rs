//! The step controls under the headline: Previous / Next, "2 of 5", one dot
//! per step (each a button named by the step's title), and the keys (arrows
//! in reading direction, Home, End) while focus is in the controls. Off the
//! guided path, a button returns to the step.

use super::state::AppState;
use crate::core::lang::Lang;
use crate::i18n::{t, tf, Key};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

#[component]
pub fn StepNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let current = state.step;
    let count = move || state.step_count();
    let titles = move || {
        let (story, l) = (state.story.get(), lang.get());
        state.loaded.with(|d| d.dataset.story(&story).map(|s| s.steps.iter().map(|x| x.title.get(l).to_string()).collect::<Vec<_>>()).unwrap_or_default())
    };
    let go = move |i: usize| {
        if i < count() {
            state.go_to_step(i);
        }
    };
    let prev = move || current.get().checked_sub(1);
    let next = move || Some(current.get() + 1).filter(|i| *i < count());
    let on_key = move |ev: KeyboardEvent| {
        let n = count();
        if n == 0 {
            return;
        }
        let i = current.get_untracked();
        let (back, fwd) = (i.checked_sub(1), Some(i + 1).filter(|x| *x < n));
        // Arrows follow the reading direction: in Arabic, left is forward.
        let rtl = lang.get_untracked() == Lang::Ar;
        let target = match ev.key().as_str() {
            "ArrowRight" => Some(if rtl { back } else { fwd }),
            "ArrowLeft" => Some(if rtl { fwd } else { back }),
            "Home" => Some(Some(0)),
            "End" => Some(Some(n - 1)),
            _ => None,
        };
        if let Some(t) = target {
            ev.prevent_default();
            if let Some(t) = t {
                go(t);
            }
        }
    };
    view! {
        <Show when=move || { count() > 1 }>
            <nav class="steps" aria-label=move || t(lang.get(), Key::StepsNav) on:keydown=on_key data-testid="steps">
                <button type="button" class="step-prev" aria-disabled=move || prev().is_none().to_string()
                    on:click=move |_| if let Some(i) = prev() { go(i) }>
                    <span aria-hidden="true">{move || if lang.get() == Lang::Ar { "→ " } else { "← " }}</span>
                    {move || t(lang.get(), Key::Previous)}
                </button>
                <span class="step-count" data-testid="step-count">
                    {move || tf(lang.get(), Key::StepOf, &[&(current.get() + 1).to_string(), &count().to_string()])}
                </span>
                <ol class="step-dots">
                    {move || titles().into_iter().enumerate().map(|(i, title)| {
                        let on = move || state.on_step.get() && current.get() == i;
                        view! {
                            <li><button type="button" class="dot" class:on=on
                                aria-current=move || on().then_some("step")
                                aria-label=move || tf(lang.get(), Key::GoToStep, &[&(i + 1).to_string(), &title])
                                on:click=move |_| go(i)></button></li>
                        }
                    }).collect_view()}
                </ol>
                <button type="button" class="step-next" aria-disabled=move || next().is_none().to_string()
                    on:click=move |_| if let Some(i) = next() { go(i) }>
                    {move || t(lang.get(), Key::Next)}
                    <span aria-hidden="true">{move || if lang.get() == Lang::Ar { " ←" } else { " →" }}</span>
                </button>
            </nav>
            <Show when=move || !state.on_step.get()>
                <p class="off-path" data-testid="off-path">
                    {move || t(lang.get(), Key::OffPath)}" "
                    <button type="button" class="link back-to-step" on:click=move |_| go(current.get_untracked())>
                        {move || tf(lang.get(), Key::BackToStep, &[&(current.get() + 1).to_string()])}
                    </button>
                </p>
            </Show>
        </Show>
    }
}
