//! What each story says beside its chart, computed from the dataset: Oracle's
//! market value lost, Cursor's step-up, AI's share of venture money, the
//! miners' deals (a sortable table), the story's facts with their sources, and
//! the story's questions answered with links into the views.

use super::intl::intl;
use super::sources::{confidence_label, fact_value};
use super::state::AppState;
use crate::core::dataset::{Confidence, Dataset, DealDef, Unit};
use crate::core::fmt::Fmt;
use crate::core::lang::Lang;
use crate::core::stories::{ai_share_2024_pitchbook, cursor_step_up, oracle_marks, oracle_value_lost};
use crate::i18n::{t, tf, years, Key};
use leptos::prelude::*;

fn source_names(lang: Lang, ds: &Dataset, ids: &[String]) -> String {
    ids.iter().filter_map(|s| ds.source(s)).map(|s| format!("{} ({})", s.publisher, confidence_label(lang, s.confidence))).collect::<Vec<_>>().join("; ")
}

#[component]
fn OracleLost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        let f = intl(l);
        let at = state.cursor.get().unwrap_or(state.view.with(|v| v.to));
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let peak = oracle_marks(ds)?.peak;
            let Some((lost, close)) = oracle_value_lost(ds, at) else {
                return Some(tf(l, Key::ValueLostHint, &[&f.long(peak.date)]));
            };
            let shares = ds.facts.iter().find(|x| x.id == "orcl-shares")?.values.first()?.value;
            let usd = |x: f64| f.value(x, Unit::UsdPerShare, 2);
            Some(tf(
                l,
                Key::ValueLost,
                &[
                    &f.long(peak.date),
                    &usd(peak.value),
                    &f.long(close.date),
                    &usd(close.value),
                    &f.value(lost / 1e9, Unit::UsdBn, 0),
                    &f.number(shares, 0),
                    &usd(peak.value - close.value),
                ],
            ))
        })
    };
    // The caveats, from the data: the share count's note and the series' caveat.
    let caveat = move || {
        let l = lang.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let shares = ds.facts.iter().find(|x| x.id == "orcl-shares").and_then(|x| x.values.first()?.note.as_ref().map(|n| n.get(l).to_string()));
            let adjusted = ds.series("ORCL").and_then(|s| s.caveat.as_ref().map(|c| c.get(l).to_string()));
            format!("{} {} {}", t(l, Key::Approximate), shares.unwrap_or_default(), adjusted.unwrap_or_default())
        })
    };
    view! {
        <div class="story-note" data-testid="value-lost">
            <p>{text}</p>
            <p class="note">{caveat}</p>
        </div>
    }
}

#[component]
fn CursorStepUp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        let f = intl(l);
        state.loaded.with(|d| {
            let (june, nov, m) = cursor_step_up(&d.dataset)?;
            let key = if m < 3.0 { Key::StepUpUnder } else { Key::StepUpOver };
            Some(tf(
                l,
                key,
                &[&f.value(june.value, Unit::UsdBn, 1), &f.long(june.date), &f.value(nov.value, Unit::UsdBn, 1), &f.long(nov.date), &f.number(m, 2)],
            ))
        })
    };
    view! { <div class="story-note" data-testid="step-up"><p>{text}</p></div> }
}

#[component]
fn FundingShare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        let f = intl(l);
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let share = ai_share_2024_pitchbook(ds)?;
            let first = |id: &str| ds.series(id).and_then(|s| s.series.points.first().map(|p| p.value));
            let (ai, non, dealroom) = (first("AI_VC_PITCHBOOK")?, first("NONAI_VC_PITCHBOOK")?, first("AI_VC_DEALROOM")?);
            let bn = |x: f64| f.amount(x, Unit::UsdBn, None);
            Some(tf(l, Key::AiShare, &[&format!("{}%", f.number(share, 0)), &bn(ai), &bn(ai + non), &bn(dealroom)]))
        })
    };
    view! { <div class="story-note" data-testid="ai-share"><p>{text}</p></div> }
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
                        <button type="button" class="link" data-goto=id.clone() on:click=move |_| state.show_story(Some(&id))>
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
        // The computed notes belong to the bundled stories (their series are named here).
        let has = |id: &str| state.loaded.with(|d| d.dataset.series(id).is_some());
        view! {
            {(story == "oracle" && has("ORCL")).then(|| view! { <OracleLost /> })}
            {(story == "cursor" && has("CURSOR_VALUATION")).then(|| view! { <CursorStepUp /> })}
            {(story == "funding" && has("AI_VC_PITCHBOOK")).then(|| view! { <FundingShare /> })}
            {state.loaded.with(|d| d.dataset.deals.iter().any(|x| x.stories.contains(&story))).then(|| view! { <DealsTable /> })}
            <Facts />
            <Faq />
        }
    }
}
