//! The events of the view as a list of dated events — date, what happened,
//! its source — each a control that marks it on the chart (the crosshair goes
//! to its day and its text opens). An event the chart had no room to label
//! carries the number drawn on the chart; other labels drawn as numbers follow
//! under "On the chart".

use super::intl::intl;
use super::state::AppState;
use crate::core::dataset::safe_url;
use crate::core::fmt::Fmt;
use crate::i18n::{t, Key};
use leptos::prelude::*;

#[component]
pub fn EventsList(
    /// Only the events the chart numbered (an embed has no room for the rest).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // A memo: the list is rebuilt only when what it holds changes, not at every step of the window.
    let items = Memo::new(move |_| {
        let l = lang.get();
        let ids = state.line_ids.get();
        let (from, to) = state.view.with(|v| (v.from, v.to));
        let cursor = state.cursor.get();
        let playing = state.playing.get();
        let numbers = state.chart_notes.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            ds.events
                .iter()
                // While playing, events appear as the crosshair passes them.
                .filter(|e| e.series.iter().any(|s| ids.contains(s)) && e.date >= from && e.date <= to && !(playing && cursor.is_some_and(|c| e.date > c)))
                .map(|e| {
                    let number = numbers.iter().find(|(_, id, _)| id.as_deref() == Some(e.id.as_str())).map(|x| x.0);
                    (number, e)
                })
                .filter(|(number, _)| !compact || number.is_some())
                .map(|(number, e)| {
                    let src: Vec<(String, Option<String>)> =
                        e.sources.iter().filter_map(|s| ds.source(s)).map(|s| (s.publisher.clone(), s.url.clone())).collect();
                    let after = ds.article_cutoff().is_some_and(|c| e.date > c);
                    (e.id.clone(), e.date, intl(l).date(e.date, e.precision), e.title.get(l).to_string(), e.text.get(l).to_string(), src, after, number)
                })
                .collect::<Vec<_>>()
        })
    });
    // Labels of points and lines drawn as numbers (events carry theirs in the list above).
    let notes = move || state.chart_notes.get().into_iter().filter(|(_, id, _)| id.is_none()).collect::<Vec<_>>();
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <h3 class="events-h">{move || t(lang.get(), Key::MarkedOnChart)}</h3>
        </Show>
        <ol class="events" aria-label=move || t(lang.get(), Key::MarkedOnChart)>
            {move || items.get().into_iter().map(|(id, day, date, title, text, sources, after, number)| {
                let open = id.clone();
                view! {
                    <li class="event" class:after=after>
                        <button type="button" class="event-open" data-event=id
                            on:click=move |_| { state.open_event.set(Some(open.clone())); state.cursor.set(Some(day)); }>
                            {number.map(|n| view! { <span class="num" aria-label=move || format!("{} {n}", t(lang.get(), Key::NumberOnChart))>{n}</span> })}
                            <time class="when">{date}{after.then(|| t(lang.get(), Key::AfterArticleParen))}</time>
                            <span class="what">{title}</span>
                        </button>
                        <p class="event-text">{text}" "
                            <span class="via">{sources.into_iter().enumerate().map(|(i, (p, u))| {
                                let sep = if i == 0 { "" } else { lang.get_untracked().semicolon() };
                                match u {
                                    Some(u) if safe_url(&u).is_some() => view! { {sep}<a href=u.trim().to_string() rel="noopener noreferrer" dir="auto">{p}</a> }.into_any(),
                                    _ => view! { {sep}<span dir="auto">{p}</span> }.into_any(),
                                }
                            }).collect_view()}</span>
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
        <Show when=move || !notes().is_empty()>
            <ol class="chart-notes" data-testid="chart-notes" aria-label=move || t(lang.get(), Key::OnTheChart)>
                {move || notes().into_iter().map(|(n, _, text)| view! { <li><span class="num">{n}</span>" "{text}</li> }).collect_view()}
            </ol>
        </Show>
    }
}
