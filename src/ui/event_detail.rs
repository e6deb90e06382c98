//! An event opened from the chart or the list: its text, the quoted phrase and
//! its sources.

use super::state::AppState;
use leptos::prelude::*;

#[component]
pub fn EventDetail() -> impl IntoView {
    let state = expect_context::<AppState>();
    let detail = move || {
        let id = state.open_event.get()?;
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let e = ds.events.iter().find(|e| e.id == id)?;
            let cutoff = ds.article_cutoff();
            let sources: Vec<(String, Option<String>, &'static str)> = e
                .sources
                .iter()
                .filter_map(|s| ds.source(s))
                .map(|s| (s.publisher.clone(), s.url.clone(), s.confidence.keyword()))
                .collect();
            Some((e.date.long_at(e.precision), e.title.en.clone(), e.text.en.clone(), e.quote.clone(), sources, cutoff.is_some_and(|c| e.date > c)))
        })
    };
    view! {
        {move || detail().map(|(date, title, text, quote, sources, after)| view! {
            <aside class="event-detail" role="region" aria-label="Event" data-testid="event-detail">
                <p><strong>{date}": "{title}</strong>{after.then_some(" (after the article)")}</p>
                <p>{text}</p>
                {quote.map(|q| view! { <blockquote>"“"{q}"”"</blockquote> })}
                <p class="via">"Source: "{sources.into_iter().enumerate().map(|(i, (p, u, c))| {
                    let sep = if i > 0 { "; " } else { "" };
                    let label = format!(" ({c})");
                    match u {
                        Some(u) => view! { {sep}<a href=u rel="noopener">{p}</a>{label} }.into_any(),
                        None => view! { {sep}<span>{p}</span>{label} }.into_any(),
                    }
                }).collect_view()}</p>
                <button type="button" on:click=move |_| state.open_event.set(None)>"Close"</button>
            </aside>
        })}
    }
}
