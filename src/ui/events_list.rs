//! The events marked on the chart, in words, each with its source; each date
//! is a button that puts the crosshair on it and opens the event.

use super::intl::intl;
use super::state::AppState;
use crate::core::fmt::Fmt;
use crate::i18n::{t, Key};
use leptos::prelude::*;

#[component]
pub fn EventsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = move || {
        let l = lang.get();
        let ids: Vec<String> = state.view.with(|v| v.lines.iter().map(|x| x.id.clone()).collect());
        let (from, to) = state.view.with(|v| (v.from, v.to));
        let cursor = state.cursor.get();
        let playing = state.playing.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            ds.events
                .iter()
                // While playing, events appear as the crosshair passes them.
                .filter(|e| e.series.iter().any(|s| ids.contains(s)) && e.date >= from && e.date <= to && !(playing && cursor.is_some_and(|c| e.date > c)))
                .map(|e| {
                    let src: Vec<(String, Option<String>)> =
                        e.sources.iter().filter_map(|s| ds.source(s)).map(|s| (s.publisher.clone(), s.url.clone())).collect();
                    let after = ds.article_cutoff().is_some_and(|c| e.date > c);
                    (e.id.clone(), e.date, intl(l).date(e.date, e.precision), e.text.get(l).to_string(), src, after)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="events" aria-label=move || t(lang.get(), Key::MarkedOnChart)>
            {move || items().into_iter().map(|(id, day, date, text, sources, after)| view! {
                <li>
                    <button type="button" class="event-open" data-event=id.clone()
                        on:click=move |_| { state.open_event.set(Some(id.clone())); state.cursor.set(Some(day)); }>{date}</button>
                    {after.then(|| t(lang.get(), Key::AfterArticleParen))}": "{text}" "
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
