//! The events marked on the chart, in words, each with its source.

use super::state::AppState;
use leptos::prelude::*;

#[component]
pub fn EventsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = move || {
        let id = state.series.get();
        let w = state.window.get();
        let Some((from, to)) = state.timeline.with(|t| t.dates(w)) else { return Vec::new() };
        state.loaded.with(|l| {
            let ds = &l.dataset;
            ds.events
                .iter()
                .filter(|e| e.series.contains(&id) && e.date >= from && e.date <= to)
                .map(|e| {
                    let src: Vec<(String, Option<String>)> =
                        e.sources.iter().filter_map(|s| ds.source(s)).map(|s| (s.publisher.clone(), s.url.clone())).collect();
                    (e.date.long_at(e.precision), e.text.en.clone(), src)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="events" aria-label="Marked on the chart">
            {move || items().into_iter().map(|(date, text, sources)| view! {
                <li>
                    <strong>{date}</strong>": "{text}" "
                    <span class="via">"("{sources.into_iter().enumerate().map(|(i, (p, u))| {
                        let sep = if i > 0 { "; " } else { "" };
                        match u {
                            Some(u) => view! { {sep}<a href=u rel="noopener">{p}</a> }.into_any(),
                            None => view! { {sep}<span>{p}</span> }.into_any(),
                        }
                    }).collect_view()}")"</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
