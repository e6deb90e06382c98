//! An event opened from the chart or the list: its text, the quoted phrase and
//! its sources.

use super::intl::intl;
use super::sources::confidence_label;
use super::state::AppState;
use crate::core::dataset::safe_url;
use crate::core::fmt::Fmt;
use crate::i18n::{t, Key};
use leptos::prelude::*;

#[component]
pub fn EventDetail() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let detail = move || {
        let id = state.open_event.get()?;
        let l = lang.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let e = ds.events.iter().find(|e| e.id == id)?;
            let sources: Vec<(String, Option<String>, &'static str)> =
                e.sources.iter().filter_map(|s| ds.source(s)).map(|s| (s.publisher.clone(), s.url.clone(), confidence_label(l, s.confidence))).collect();
            let after = ds.article_cutoff().is_some_and(|c| e.date > c);
            Some((intl(l).date(e.date, e.precision), e.title.get(l).to_string(), e.text.get(l).to_string(), e.quote.clone(), sources, after))
        })
    };
    view! {
        {move || detail().map(|(date, title, text, quote, sources, after)| view! {
            <aside class="event-detail" role="region" aria-label=move || t(lang.get(), Key::EventRegion) data-testid="event-detail">
                <p><strong>{date}": "{title}</strong>{after.then(|| t(lang.get(), Key::AfterArticleParen))}</p>
                <p>{text}</p>
                {quote.map(|q| view! { <blockquote lang="en" dir="ltr">"“"{q}"”"</blockquote> })}
                <p class="via">{move || t(lang.get(), Key::SourcePrefix)}" "{sources.into_iter().enumerate().map(|(i, (p, u, c))| {
                    let sep = if i == 0 { "" } else { lang.get_untracked().semicolon() };
                    let label = format!(" ({c})");
                    match u {
                        Some(u) if safe_url(&u).is_some() => view! { {sep}<a href=u.trim().to_string() rel="noopener noreferrer" dir="auto">{p}</a>{label} }.into_any(),
                        _ => view! { {sep}<span dir="auto">{p}</span>{label} }.into_any(),
                    }
                }).collect_view()}</p>
                <button type="button" on:click=move |_| state.open_event.set(None)>{move || t(lang.get(), Key::Close)}</button>
            </aside>
        })}
    }
}
