//! What a story shows below its chart, all from the dataset: its deals (a
//! sortable table), its facts with their sources, and its questions answered
//! with links into the views. (What each step says is in `step_text`.)

use super::intl::intl;
use super::sources::{confidence_label, fact_value};
use super::state::{AppState, Opening};
use crate::core::dataset::{Confidence, Dataset, DealDef, Unit};
use crate::core::fmt::Fmt;
use crate::core::lang::Lang;
use crate::i18n::{t, tf, years, Key};
use leptos::prelude::*;

fn source_names(lang: Lang, ds: &Dataset, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|s| ds.source(s))
        .map(|s| format!("{} ({})", lang.isolate(&s.publisher), confidence_label(lang, s.confidence)))
        .collect::<Vec<_>>()
        .join(lang.semicolon())
}

#[derive(Clone, Copy, PartialEq)]
enum SortBy {
    Date,
    Company,
    Value,
    Mw,
    Term,
}

#[component]
fn DealsTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sort = RwSignal::new((SortBy::Date, false));
    let rows = move || {
        let (by, desc) = sort.get();
        let l = lang.get();
        let f = intl(l);
        let nd = t(l, Key::NotDisclosed);
        let story = state.story.get();
        state.loaded.with(|d| {
            let mut deals: Vec<DealDef> = d.dataset.deals.iter().filter(|x| x.stories.contains(&story)).cloned().collect();
            let num = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
            deals.sort_by(|a, b| {
                let o = match by {
                    SortBy::Date => a.date.cmp(&b.date),
                    SortBy::Company => a.company.cmp(&b.company),
                    SortBy::Value => num(a.value_usd_bn).total_cmp(&num(b.value_usd_bn)),
                    SortBy::Mw => num(a.mw).total_cmp(&num(b.mw)),
                    SortBy::Term => num(a.term_years).total_cmp(&num(b.term_years)),
                };
                if desc {
                    o.reverse()
                } else {
                    o
                }
            });
            let cutoff = d.dataset.article_cutoff();
            deals
                .into_iter()
                .map(|x| {
                    let after = cutoff.is_some_and(|c| x.date > c);
                    (
                        x.company.clone(),
                        x.partner.clone().unwrap_or_else(|| nd.into()),
                        x.value_usd_bn.map(|v| f.amount(v, Unit::UsdBn, None)).unwrap_or_else(|| nd.into()),
                        x.mw.map(|v| f.value(v, Unit::Mw, 0)).unwrap_or_else(|| nd.into()),
                        x.term_years.map(|v| years(l, v as u32, &f.number(v, 0))).unwrap_or_else(|| nd.into()),
                        format!("{}{}", f.date(x.date, x.precision), if after { t(l, Key::AfterArticleParen) } else { "" }),
                        source_names(l, &d.dataset, &x.sources),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let header = move |by: SortBy, key: Key| {
        let aria = move || {
            let (b, desc) = sort.get();
            if b == by {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            } else {
                "none"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|(b, d)| if *b == by { *d = !*d } else { *b = by; *d = false })>
                    {move || t(lang.get(), key)}
                </button>
            </th>
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || t(lang.get(), Key::DealsRegion)>
            <table class="data deals" data-testid="deals">
                <caption>{move || t(lang.get(), Key::DealsCaption)}</caption>
                <thead><tr>
                    {header(SortBy::Company, Key::Company)}<th scope="col">{move || t(lang.get(), Key::Partner)}</th>{header(SortBy::Value, Key::Value)}
                    {header(SortBy::Mw, Key::Capacity)}{header(SortBy::Term, Key::Term)}{header(SortBy::Date, Key::DateCol)}
                    <th scope="col">{move || t(lang.get(), Key::SourceCol)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(c, p, v, mw, term, d, s)| view! {
                        <tr><th scope="row">{c}</th><td>{p}</td><td>{v}</td><td>{mw}</td><td>{term}</td><td>{d}</td><td class="note">{s}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The story's facts that are not disagreements (those are in Sources), each with its source.
#[component]
fn Facts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = move || {
        let story = state.story.get();
        let l = lang.get();
        let f = intl(l);
        state.loaded.with(|d| {
            let ds = &d.dataset;
            ds.facts
                .iter()
                .filter(|x| !x.is_conflict() && x.stories.contains(&story))
                .filter_map(|x| {
                    let v = x.values.first()?;
                    let weak = v.sources.iter().filter_map(|s| ds.source(s)).any(|s| s.confidence == Confidence::Weak);
                    Some((
                        x.title.get(l).to_string(),
                        fact_value(f, x, v),
                        v.note.as_ref().map(|n| n.get(l).to_string()),
                        source_names(l, ds, &v.sources),
                        weak,
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !items().is_empty()>
            <ul class="facts" aria-label=move || t(lang.get(), Key::Figures)>
                {move || items().into_iter().map(|(title, value, note, src, weak)| view! {
                    <li class:weak=weak>{title}": "<strong>{value}</strong>{note.map(|n| format!(" — {n}"))}
                        {weak.then(|| view! { " "<span class="badge weak">{move || t(lang.get(), Key::WeaklySourced)}</span> })}
                        <br /><span class="note" lang="en" dir="ltr">{src}</span></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// The story's questions, answered, each with a link into its view.
#[component]
fn Faq() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = move || {
        let story = state.story.get();
        let l = lang.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            ds.story(&story)
                .map(|s| {
                    s.faq
                        .iter()
                        .map(|q| {
                            let target = q.story.as_ref().and_then(|id| ds.story(id)).map(|x| (x.id.clone(), x.title.get(l).to_string()));
                            (q.question.get(l).to_string(), q.answer.get(l).to_string(), target)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !items().is_empty()>
            <section class="faq" aria-labelledby="faq-h">
                <h3 id="faq-h">{move || t(lang.get(), Key::FaqHeading)}</h3>
                {move || items().into_iter().map(|(q, a, target)| view! {
                    <h4>{q}</h4>
                    <p>{a}" "{target.map(|(id, title)| view! {
                        <button type="button" class="link" data-goto=id.clone() on:click=move |_| state.open(Some(&id), None, Opening::Linked)>
                            {tf(lang.get_untracked(), Key::Explore, &[&title])}
                        </button>
                    })}</p>
                }).collect_view()}
            </section>
        </Show>
    }
}

#[component]
pub fn StoryNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let story = state.story.get();
        view! {
            {state.loaded.with(|d| d.dataset.deals.iter().any(|x| x.stories.contains(&story))).then(|| view! { <DealsTable /> })}
            <Facts />
            <Faq />
        }
    }
}
