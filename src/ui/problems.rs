//! Every problem of the last load that failed, in one list. What was on show
//! stays on show underneath.

use super::state::AppState;
use crate::core::lang::Lang;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

#[component]
pub fn Problems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notes = move || {
        state.notes.get().map(|f| {
            let items = f.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
            view! {
                <section class="notes" role="status" data-testid="notes">
                    <p><strong>{f.what}</strong></p>
                    <ul lang=move || state.lang.get().code() dir=move || if state.lang.get() == Lang::Ar { "rtl" } else { "ltr" }>{items}</ul>
                    <button type="button" on:click=move |_| state.notes.set(None)>{move || t(state.lang.get(), Key::Dismiss)}</button>
                </section>
            }
        })
    };
    let failure = move || {
        state.failure.get().map(|f| {
            let n = f.problems.len();
            let items = f.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
            view! {
                <section class="problem" role="alert" data-testid="problems">
                    <p><strong>{f.what}</strong>". "{move || tf(state.lang.get(), Key::ProblemsCount, &[&n.to_string()])}" "
                        {move || t(state.lang.get(), Key::ChartKept)}</p>
                    <ul lang=move || state.lang.get().code() dir=move || if state.lang.get() == Lang::Ar { "rtl" } else { "ltr" }>{items}</ul>
                    <button type="button" on:click=move |_| state.failure.set(None)>{move || t(state.lang.get(), Key::Dismiss)}</button>
                </section>
            }
        })
    };
    view! { {notes} {failure} }
}
