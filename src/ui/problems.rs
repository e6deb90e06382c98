//! Every problem of the last load that failed, in one list. What was on show
//! stays on show underneath.

use super::state::AppState;
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
                    <ul>{items}</ul>
                    <button type="button" on:click=move |_| state.failure.set(None)>"Dismiss"</button>
                </section>
            }
        })
    }
}
