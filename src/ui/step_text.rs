//! What the step says: its title, its sentences with the figures filled in
//! (computed by the core from the data), where sources disagree, and the
//! sources of the figures. Announced politely to screen readers when it changes.

use super::intl::intl;
use super::sources::confidence_label;
use super::state::AppState;
use crate::core::fmt::Fmt;
use crate::core::story;
use crate::i18n::{tf, Key};
use leptos::prelude::*;

#[component]
pub fn StepText() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        let f = intl(l);
        state.step_data.with(|sd| {
            let (st, figs) = sd.as_ref()?;
            state.loaded.with(|d| {
                let ds = &d.dataset;
                let txt = story::step_text(ds, st, figs, f);
                let sources: Vec<String> =
                    txt.sources.iter().filter_map(|s| ds.source(s)).map(|s| format!("{} ({})", s.publisher, confidence_label(l, s.confidence))).collect();
                Some((txt, sources.join("; ")))
            })
        })
    };
    view! {
        {move || text().map(|(txt, _)| {
            view! {
                <div class="step-text" data-testid="step-text" aria-live="polite" aria-atomic="true">
                    <h3 class="step-title">{txt.title}</h3>
                    <p class="step-body">{txt.text}</p>
                </div>
            }
        })}
        {move || state.moved.get().map(|(a, b)| {
            let f = intl(lang.get());
            view! { <p class="moved" role="status" data-testid="moved">{tf(lang.get(), Key::WindowMoved, &[&f.long(a), &f.long(b)])}</p> }
        })}
    }
}

/// Under the chart, beside the source line: where the step's figures come
/// from, and where the sources of a fact it quotes disagree.
#[component]
pub fn StepSources() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let parts = move || {
        let l = lang.get();
        let f = intl(l);
        state.step_data.with(|sd| {
            let (st, figs) = sd.as_ref()?;
            state.loaded.with(|d| {
                let ds = &d.dataset;
                let txt = story::step_text(ds, st, figs, f);
                let sources: Vec<String> =
                    txt.sources.iter().filter_map(|s| ds.source(s)).map(|s| format!("{} ({})", s.publisher, confidence_label(l, s.confidence))).collect();
                let sep = if l == crate::core::lang::Lang::Ar { "؛ " } else { "; " };
                let disagree: Vec<String> = txt.disagreements.iter().map(|(what, alts)| tf(l, Key::SourcesDisagree, &[what, &alts.join(sep)])).collect();
                Some((disagree, sources.join("; ")))
            })
        })
    };
    view! {
        {move || parts().map(|(disagree, sources)| view! {
            <div class="step-sources" data-testid="step-sources">
                {disagree.into_iter().map(|d| view! { <p class="note disagree">{d}</p> }).collect_view()}
                {(!sources.is_empty()).then(|| view! { <p class="note">{tf(lang.get_untracked(), Key::FiguresFrom, &[&sources])}</p> })}
            </div>
        })}
    }
}
