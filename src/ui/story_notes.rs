//! What each story says beside its chart, computed from the dataset: Oracle's
//! market value lost, Cursor's step-up, AI's share of venture money, the
//! miners' deals (a sortable table), the story's facts with their sources, and
//! the overview's questions answered with links into the views.

use super::state::AppState;
use crate::core::dataset::{Dataset, DealDef, Unit};
use crate::core::format;
use crate::core::stories::{ai_share_2024_pitchbook, cursor_step_up, oracle_value_lost};
use leptos::prelude::*;

fn bn(x: f64) -> String {
    format::value(x / 1e9, Unit::UsdBn, 0)
}

fn source_names(ds: &Dataset, ids: &[String]) -> String {
    ids.iter().filter_map(|s| ds.source(s)).map(|s| format!("{} ({})", s.publisher, s.confidence.keyword())).collect::<Vec<_>>().join("; ")
}

#[component]
fn OracleLost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        let at = state.cursor.get().unwrap_or(state.view.with(|v| v.to));
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let (lost, close) = oracle_value_lost(ds, at)?;
            let shares = ds.facts.iter().find(|f| f.id == "orcl-shares")?.values.first()?.value;
            let peak = crate::core::stories::oracle_marks(ds)?.peak;
            Some(format!(
                "Market value lost since the peak close of {} ({}) to the close of {} ({}): about {} ({} shares × {}).",
                peak.date.long(),
                format::value(peak.value, Unit::UsdPerShare, 2),
                close.date.long(),
                format::value(close.value, Unit::UsdPerShare, 2),
                bn(lost),
                format::grouped(shares, 0),
                format::value(peak.value - close.value, Unit::UsdPerShare, 2)
            ))
        })
    };
    view! {
        <div class="story-note" data-testid="value-lost">
            <p>{move || text().unwrap_or_else(|| "Move the crosshair or the window's end past 10 Sep 2025 to see the market value lost since the peak.".into())}</p>
            <p class="note">"Approximate: the share count is from Oracle's 10-Q filed 11 Dec 2025 (no September count was found), and the closes are dividend-adjusted, which puts values about 1% low."</p>
        </div>
    }
}

#[component]
fn CursorStepUp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.loaded.with(|l| {
            let (june, nov, m) = cursor_step_up(&l.dataset)?;
            Some(format!(
                "Valuation {} ({}) → {} ({}): ×{:.2}, just under three times (the article says “more than tripled”).",
                format::value(june.value, Unit::UsdBn, 1),
                june.date.long(),
                format::value(nov.value, Unit::UsdBn, 1),
                nov.date.long(),
                m
            ))
        })
    };
    view! { <div class="story-note" data-testid="step-up"><p>{text}</p></div> }
}

#[component]
fn FundingShare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.loaded.with(|l| {
            let share = ai_share_2024_pitchbook(&l.dataset)?;
            Some(format!(
                "AI's share of global venture money in 2024, by PitchBook's preliminary figures: {:.0}% ($131.5bn of $368.5bn; derived). Trackers differ and are never mixed here: Dealroom counts $110bn of AI funding in 2024.",
                share
            ))
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
    let sort = RwSignal::new((SortBy::Date, false));
    let nd = "not disclosed";
    let rows = move || {
        let (by, desc) = sort.get();
        state.loaded.with(|l| {
            let mut deals: Vec<DealDef> = l.dataset.deals.clone();
            let num = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
            deals.sort_by(|a, b| {
                let o = match by {
                    SortBy::Date => a.date.cmp(&b.date),
                    SortBy::Company => a.company.cmp(&b.company),
                    SortBy::Value => num(a.value_usd_bn).total_cmp(&num(b.value_usd_bn)),
                    SortBy::Mw => num(a.mw).total_cmp(&num(b.mw)),
                    SortBy::Term => num(a.term_years).total_cmp(&num(b.term_years)),
                };
                if desc { o.reverse() } else { o }
            });
            let cutoff = l.dataset.article_cutoff();
            deals
                .into_iter()
                .map(|d| {
                    let after = cutoff.is_some_and(|c| d.date > c);
                    (
                        d.company.clone(),
                        d.partner.clone().unwrap_or_else(|| nd.into()),
                        d.value_usd_bn.map(|v| format::value(v, Unit::UsdBn, format::auto_decimals(v, Unit::UsdBn, None))).unwrap_or_else(|| nd.into()),
                        d.mw.map(|v| format!("{} MW", format::grouped(v, 0))).unwrap_or_else(|| nd.into()),
                        d.term_years.map(|v| format!("{} years", format::grouped(v, 0))).unwrap_or_else(|| nd.into()),
                        format!("{}{}", d.date.long_at(d.precision), if after { " (after the article)" } else { "" }),
                        source_names(&l.dataset, &d.sources),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let header = move |by: SortBy, label: &'static str| {
        let aria = move || {
            let (b, desc) = sort.get();
            if b == by { if desc { "descending" } else { "ascending" } } else { "none" }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|(b, d)| { if *b == by { *d = !*d } else { *b = by; *d = false } })>{label}</button>
            </th>
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="The miners' AI and HPC deals">
            <table class="data deals" data-testid="deals">
                <caption>"Bitcoin miners' AI/HPC deals. Sort by a column's heading."</caption>
                <thead><tr>
                    {header(SortBy::Company, "Company")}<th scope="col">"Partner"</th>{header(SortBy::Value, "Value")}
                    {header(SortBy::Mw, "Capacity")}{header(SortBy::Term, "Term")}{header(SortBy::Date, "Date")}<th scope="col">"Source"</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(c, p, v, mw, t, d, s)| view! {
                        <tr><th scope="row">{c}</th><td>{p}</td><td>{v}</td><td>{mw}</td><td>{t}</td><td>{d}</td><td class="note">{s}</td></tr>
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
    let items = move || {
        let story = state.story.get();
        state.loaded.with(|l| {
            let ds = &l.dataset;
            ds.facts
                .iter()
                .filter(|f| !f.is_conflict() && f.stories.contains(&story))
                .filter_map(|f| {
                    let v = f.values.first()?;
                    let d = |x: f64| format::auto_decimals(x, f.unit, None);
                    let value = match v.high {
                        Some(h) => format!("{} to {}", format::value(v.value, f.unit, d(v.value)), format::value(h, f.unit, d(h))),
                        None => format::value(v.value, f.unit, d(v.value)),
                    };
                    let weak = v.sources.iter().filter_map(|s| ds.source(s)).any(|s| s.confidence == crate::core::dataset::Confidence::Weak);
                    Some((f.title.en.clone(), value, v.note.as_ref().map(|n| n.en.clone()), source_names(ds, &v.sources), weak))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !items().is_empty()>
            <ul class="facts" aria-label="Figures">
                {move || items().into_iter().map(|(title, value, note, src, weak)| view! {
                    <li class:weak=weak>{title}": "<strong>{value}</strong>{note.map(|n| format!(" — {n}"))}
                        {weak.then_some(view! { " "<span class="badge weak">"weakly sourced"</span> })}
                        <br /><span class="note">{src}</span></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn Faq() -> impl IntoView {
    let state = expect_context::<AppState>();
    let go = move |story: &'static str| move |_| state.show_story(Some(story));
    view! {
        <section class="faq" aria-labelledby="faq-h">
            <h3 id="faq-h">"Questions readers ask"</h3>
            <h4>"How did the AI enthusiasm hit big tech companies like Oracle?"</h4>
            <p>"Oracle's shares jumped 36% in a day on its $300bn OpenAI contract, then gave all of it back within two months; the Financial Times counted more than $300bn of market value lost by 18 November. "
                <button type="button" class="link" on:click=go("oracle")>"Explore Oracle"</button></p>
            <h4>"What links bitcoin mining and AI?"</h4>
            <p>"Miners own power and data centres; AI companies pay more for the same megawatts. IREN, Cipher, TeraWulf and Core Scientific signed multi-billion-dollar AI leases, and Bitfarms says it will stop mining. "
                <button type="button" class="link" on:click=go("miners")>"Explore the miners"</button></p>
            <h4>"Did AI crypto tokens work?"</h4>
            <p>"The alliance that merged Fetch.ai, SingularityNET and Ocean into one token broke up: Ocean left in October 2025 and Fetch.ai sued in November, while FET fell. "
                <button type="button" class="link" on:click=go("tokens")>"Explore the tokens"</button></p>
        </section>
    }
}

#[component]
pub fn StoryNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let story = state.story.get();
        let bundled = state.loaded.with(|l| l.dataset.series("ORCL").is_some() && l.dataset.story(&story).is_some());
        view! {
            {(bundled && story == "oracle").then(|| view! { <OracleLost /> })}
            {(bundled && story == "cursor").then(|| view! { <CursorStepUp /> })}
            {(bundled && story == "funding").then(|| view! { <FundingShare /> })}
            {(story == "miners").then(|| view! { <DealsTable /> })}
            <Facts />
            {(bundled && story == "overview").then(|| view! { <Faq /> })}
        }
    }
}
