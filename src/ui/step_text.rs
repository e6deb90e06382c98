//! What the step says: its title and sentences with the figures filled in
//! (computed by the core from the data), announced politely to screen readers
//! when it changes; and, under the chart, where its figures come from and
//! where the sources of a fact it quotes disagree.

use super::intl::intl;
use super::sources::confidence_label;
use super::state::AppState;
use crate::core::fmt::Fmt;
use crate::core::story::{self, StepText as Words};
use crate::i18n::{tf, Key};
use leptos::prelude::*;

/// The step's words in the reader's language, and its sources as one line ("publisher (confidence); …").
fn words(state: AppState) -> Option<(Words, String)> {
    let l = state.lang.get();
    state.step_data.with(|sd| {
        let (st, figs) = sd.as_ref()?;
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let txt = story::step_text(ds, st, figs, intl(l));
            let sources: Vec<String> = txt
                .sources
                .iter()
                .filter_map(|s| ds.source(s))
                .map(|s| format!("{} ({})", l.isolate(&s.publisher), confidence_label(l, s.confidence)))
                .collect();
            Some((txt, sources.join(l.semicolon())))
        })
    })
}

#[component]
pub fn StepText() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        {move || words(state).map(|(txt, _)| view! {
            <div class="step-text" data-testid="step-text" aria-live="polite" aria-atomic="true">
                <h3 class="step-title">{txt.title}</h3>
                <p class="step-body">{txt.text}</p>
            </div>
        })}
        {move || state.moved.get().map(|(a, b)| {
            let f = intl(lang.get());
            view! { <p class="moved" role="status" data-testid="moved">{tf(lang.get(), Key::WindowMoved, &[&f.long(a), &f.long(b)])}</p> }
        })}
    }
}

/// Under the chart, beside the source line.
#[component]
pub fn StepSources() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || words(state).map(|(txt, sources)| {
            let l = state.lang.get();
            let sep = l.semicolon();
            view! {
                <div class="step-sources" data-testid="step-sources">
                    {txt.disagreements.iter().map(|(what, alts)| view! {
                        <p class="note disagree">{tf(l, Key::SourcesDisagree, &[what, &alts.join(sep)])}</p>
                    }).collect_view()}
                    {(!sources.is_empty()).then(|| view! { <p class="note">{tf(l, Key::FiguresFrom, &[&sources])}</p> })}
                </div>
            }
        })}
    }
}
