//! The "Sources" view: for what is on screen (the series, its events, the
//! story's facts), every source with its link, date, note and confidence, and
//! the figures where sources disagree, side by side.

use super::state::AppState;
use crate::core::dataset::{Confidence, Dataset, FactDef};
use crate::core::format;
use leptos::prelude::*;

fn confidence_label(c: Confidence) -> &'static str {
    match c {
        Confidence::Primary => "primary source",
        Confidence::Secondary => "secondary source",
        Confidence::Weak => "weak source",
    }
}

fn fact_value(f: &FactDef, v: &crate::core::dataset::Alternative) -> String {
    let d = |x: f64| format::auto_decimals(x, f.unit, None);
    match v.high {
        Some(h) => format!("{} to {}", format::value(v.value, f.unit, d(v.value)), format::value(h, f.unit, d(h))),
        None => format::value(v.value, f.unit, d(v.value)),
    }
}

fn conflicts<'a>(ds: &'a Dataset, story: &str, series: &str) -> Vec<&'a FactDef> {
    ds.facts
        .iter()
        .filter(|f| f.is_conflict() && (f.stories.iter().any(|s| s == story) || f.series.as_deref() == Some(series)))
        .collect()
}

#[component]
pub fn Sources() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let story = state.story.get();
        let series = state.series.get();
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let sources = ds.sources_for(&[series.as_str()], Some(&story));
            let list = sources
                .iter()
                .map(|s| {
                    let title = (!s.title.is_empty()).then(|| format!(", “{}”", s.title));
                    let date = s.date.clone().map(|d| format!(", {d}"));
                    let note = s.note.clone();
                    let link = s.url.clone().map(|u| view! { " "<a href=u rel="noopener">"link"</a> });
                    let conf = s.confidence;
                    view! {
                        <li data-source=s.id.clone()>
                            <span class=format!("badge {}", conf.keyword())>{confidence_label(conf)}</span>" "
                            <strong>{s.publisher.clone()}</strong>{title}{date}"."{link}
                            {note.map(|n| view! { <br /><span class="note">{n}</span> })}
                        </li>
                    }
                })
                .collect_view();
            let disagreements = conflicts(ds, &story, &series)
                .into_iter()
                .map(|f| {
                    let alts = f
                        .values
                        .iter()
                        .map(|v| {
                            let who: Vec<String> = v.sources.iter().filter_map(|s| ds.source(s)).map(|s| s.publisher.clone()).collect();
                            let quote = v.quote.clone().map(|q| format!(" “{q}”"));
                            let note = v.note.as_ref().map(|n| format!(" {}", n.en));
                            view! { <li><strong>{fact_value(f, v)}</strong>" — "{who.join("; ")}{quote}{note}</li> }
                        })
                        .collect_view();
                    view! { <li class="conflict"><span>{f.title.en.clone()}": the sources disagree"</span><ul>{alts}</ul></li> }
                })
                .collect_view();
            (sources.len(), list, disagreements)
        })
    };
    view! {
        <section class="sources" aria-labelledby="sources-h">
            <h3 id="sources-h">"Sources"</h3>
            {move || {
                let (n, list, disagreements) = body();
                view! {
                    <p class="hint">{format!("{n} sources behind this view. Primary: the issuer, a filing or the data vendor; secondary: a news report citing one; weak: a blog or aggregator.")}</p>
                    <ul class="source-list">{list}</ul>
                    <ul class="conflicts" aria-label="Where sources disagree">{disagreements}</ul>
                }
            }}
        </section>
    }
}
