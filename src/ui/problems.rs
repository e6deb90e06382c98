//! Every problem of the last load that failed, in one list. What was on show
//! stays on show underneath.

use super::state::AppState;
use crate::core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn Problems() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.failure.get().map(|f| {
            let n = f.problems.len();
            let items = f.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
            view! {
                <section class="problem" role="alert" data-testid="problems">
                    <p><strong>{f.what}</strong>{format!(" ({n} {}). ", if n == 1 { "problem" } else { "problems" })}
                        "The chart below still shows the data you had."</p>
                    // The messages are in the reader's language (the interface is English for now).
                    <ul lang=move || state.lang.get().code() dir=move || if state.lang.get() == Lang::Ar { "rtl" } else { "ltr" }>{items}</ul>
                    <button type="button" on:click=move |_| state.failure.set(None)>"Dismiss"</button>
                </section>
            }
        })
    }
}
