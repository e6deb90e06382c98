//! The "Sources" view: for what is on screen (the series, their events, the
//! story's facts), every source with its link, date, note and confidence, and
//! the figures where sources disagree, side by side.

use super::intl::intl;
use super::state::AppState;
use crate::core::dataset::{safe_url, Alternative, Confidence, Dataset, FactDef};
use crate::core::fmt::Fmt;
use crate::core::lang::Lang;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

pub fn confidence_label(lang: Lang, c: Confidence) -> &'static str {
    t(
        lang,
        match c {
            Confidence::Primary => Key::ConfPrimary,
            Confidence::Secondary => Key::ConfSecondary,
            Confidence::Weak => Key::ConfWeak,
        },
    )
}

/// A fact's value (or range) in the reader's form.
pub fn fact_value(fmt: &dyn Fmt, f: &FactDef, v: &Alternative) -> String {
    let one = |x: f64| fmt.amount(x, f.unit, None);
    match v.high {
        Some(h) => format!("{} – {}", one(v.value), one(h)),
        None => one(v.value),
    }
}

fn conflicts<'a>(ds: &'a Dataset, story: &str, series: &[String]) -> Vec<&'a FactDef> {
    ds.facts.iter().filter(|f| f.is_conflict() && (f.stories.iter().any(|s| s == story) || f.series.as_ref().is_some_and(|s| series.contains(s)))).collect()
}

#[component]
pub fn Sources() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let body = move || {
        let story = state.story.get();
        let l = lang.get();
        let fmt = intl(l);
        let ids = state.line_ids.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let sources = ds.sources_for(&refs, Some(&story));
            let list = sources
                .iter()
                .map(|s| {
                    let title = (!s.title.is_empty()).then(|| format!(", “{}”", s.title));
                    let date = s.date.clone().map(|d| format!(", {d}"));
                    let note = s.note.clone();
                    // Only http(s) addresses become links; anything else is shown as text.
                    let link = s.url.clone().map(|u| match safe_url(&u) {
                        Some(ok) => view! { " "<a href=ok.to_string() rel="noopener noreferrer">{t(l, Key::Link)}</a> }.into_any(),
                        None => view! { " "<span class="note">{u}</span> }.into_any(),
                    });
                    let conf = s.confidence;
                    view! {
                        <li data-source=s.id.clone()>
                            <span class=format!("badge {}", conf.keyword())>{confidence_label(l, conf)}</span>" "
                            // Publishers, titles and notes are as the sources give them (English).
                            <span lang="en" dir="ltr"><strong>{s.publisher.clone()}</strong>{title}{date}"."</span>{link}
                            {note.map(|n| view! { <br /><span class="note" lang="en" dir="ltr">{n}</span> })}
                        </li>
                    }
                })
                .collect_view();
            let disagreements = conflicts(ds, &story, &ids)
                .into_iter()
                .map(|f| {
                    let alts = f
                        .values
                        .iter()
                        .map(|v| {
                            let who: Vec<String> = v.sources.iter().filter_map(|s| ds.source(s)).map(|s| s.publisher.clone()).collect();
                            let quote = v.quote.clone().map(|q| view! { " "<q lang="en" dir="ltr">{q}</q> });
                            let note = v.note.as_ref().map(|n| format!(" {}", n.get(l)));
                            view! { <li><strong>{fact_value(fmt, f, v)}</strong>" — "<span lang="en" dir="ltr">{who.join("; ")}</span>{quote}{note}</li> }
                        })
                        .collect_view();
                    view! { <li class="conflict"><span>{tf(l, Key::Disagree, &[f.title.get(l)])}</span><ul>{alts}</ul></li> }
                })
                .collect_view();
            (sources.len(), list, disagreements)
        })
    };
    view! {
        <section class="sources" aria-labelledby="sources-h">
            <h3 id="sources-h">{move || t(lang.get(), Key::SourcesHeading)}</h3>
            {move || {
                let (n, list, disagreements) = body();
                view! {
                    <p class="hint">{tf(lang.get(), Key::SourcesCount, &[&intl(lang.get()).number(n as f64, 0)])}</p>
                    <p class="hint" data-testid="data-as-of">{move || {
                        // When each series on show ends: its last point (as the source dates it).
                        let l = lang.get();
                        let f = intl(l);
                        let parts: Vec<String> = state.line_ids.with(|ids| state.loaded.with(|d| ids.iter().filter_map(|id| {
                            let s = d.dataset.series(id)?;
                            let i = s.series.len().checked_sub(1)?;
                            Some(format!("{} — {}", s.name.get(l), f.date(s.series.points[i].date, s.precision.get(i).copied().unwrap_or_default())))
                        }).collect()));
                        tf(l, Key::DataAsOf, &[&parts.join("; ")])
                    }}</p>
                    <ul class="source-list">{list}</ul>
                    <ul class="conflicts" aria-label=move || t(lang.get(), Key::WhereDisagree)>{disagreements}</ul>
                }
            }}
        </section>
    }
}
