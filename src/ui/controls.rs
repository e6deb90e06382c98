//! The view's controls: comparisons (switches with their line's colour and
//! dash), the mode, log/linear, the table, and play.

use super::intl::intl;
use super::state::AppState;
use crate::chart::theme::{DARK, DASHES, LIGHT};
use crate::core::dataset::Mode;
use crate::core::fmt::Fmt;
use crate::core::view;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A small SVG sample of a line's colour and dash, so a legend never relies on colour alone.
fn swatch(slot: usize, state: AppState) -> impl IntoView {
    let colour = move || {
        let theme = if state.dark() { DARK } else { LIGHT };
        let c = theme.palette[slot % theme.palette.len()];
        format!("rgb({},{},{})", c.0, c.1, c.2)
    };
    let dash = match DASHES[slot % DASHES.len()] {
        Some((a, b)) if slot != 0 => format!("{a} {b}"),
        _ => "none".into(),
    };
    view! {
        <svg class="swatch" width="28" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="27" y2="5" stroke=colour stroke-width=if slot == 0 { "3" } else { "2" } stroke-dasharray=dash />
        </svg>
    }
}

fn reduced_motion() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Walks the crosshair through the window's dates in about four seconds.
fn play(state: AppState) {
    let dates = state.view.with_untracked(view::dates);
    if dates.is_empty() {
        return;
    }
    if reduced_motion() {
        // No animation for readers who ask for none: go straight to the end.
        state.cursor.set(dates.last().copied());
        return;
    }
    state.playing.set(true);
    let step_ms = 4000.0 / dates.len() as f64;
    let (interval, stride) = if step_ms >= 16.0 { (step_ms, 1) } else { (16.0, (16.0 / step_ms).ceil() as usize) };
    let start = state.cursor.get_untracked().and_then(|c| dates.iter().position(|d| *d >= c)).filter(|i| *i + 1 < dates.len()).unwrap_or(0);
    let index = std::rc::Rc::new(std::cell::Cell::new(start));
    let handle = std::rc::Rc::new(std::cell::Cell::new(0));
    let h2 = handle.clone();
    let tick = Closure::<dyn FnMut()>::new(move || {
        let i = index.get();
        let stop = |state: AppState| {
            if let Some(w) = web_sys::window() {
                w.clear_interval_with_handle(h2.get());
            }
            state.playing.set(false);
        };
        if !state.playing.get_untracked() {
            stop(state);
            return;
        }
        if i >= dates.len() {
            state.cursor.set(dates.last().copied());
            stop(state);
            return;
        }
        state.cursor.set(Some(dates[i]));
        index.set(i + stride);
    });
    if let Some(w) = web_sys::window() {
        if let Ok(id) = w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), interval.round() as i32) {
            handle.set(id);
        }
    }
    tick.forget();
}

#[component]
pub fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // The story's switchable series: its own (after the main one) and its comparisons.
    let toggles = move || {
        let story = state.story.get();
        let main = state.series.get();
        let lg = lang.get();
        state.loaded.with(|l| {
            let ds = &l.dataset;
            ds.story(&story)
                .map(|s| {
                    s.series
                        .iter()
                        .chain(&s.compare)
                        .enumerate()
                        .filter(|(_, id)| **id != main)
                        .filter_map(|(i, id)| {
                            ds.series(id).map(|d| {
                                let name = d.name.get(lg).to_string();
                                let short = if d.id().len() <= 5 && d.id().chars().all(|c| c.is_ascii_uppercase()) { d.id().to_string() } else { name.clone() };
                                (id.clone(), name, short, i.max(1))
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let modes =
        [(Mode::Absolute, Key::ModeAbsolute), (Mode::Indexed, Key::ModeIndexed), (Mode::Percent, Key::ModePercent), (Mode::Drawdown, Key::ModeDrawdown)];
    let note = move || {
        let l = lang.get();
        let f = intl(l);
        state.view.with(|v| {
            let mut parts = Vec::new();
            if v.mode_forced {
                parts.push(t(l, Key::MixedUnits).to_string());
            }
            match v.mode {
                Mode::Indexed => parts.push(tf(l, Key::BaseIndexed, &[&f.long(v.from)])),
                Mode::Percent => parts.push(tf(l, Key::BasePercent, &[&f.long(v.from)])),
                Mode::Drawdown => parts.push(tf(l, Key::BaseDrawdown, &[&f.long(v.from)])),
                Mode::Absolute => {}
            }
            let empty: Vec<&str> = v.lines.iter().filter(|x| x.points.is_empty()).map(|x| x.name.get(l)).collect();
            if !empty.is_empty() && empty.len() < v.lines.len() {
                let sep = if l == crate::core::lang::Lang::Ar { "، " } else { ", " };
                parts.push(tf(l, Key::NoDataFor, &[&empty.join(sep)]));
            }
            parts.join(" ")
        })
    };
    view! {
        <div class="controls">
            <div class="toggles" role="group" aria-label=move || t(lang.get(), Key::CompareWith)>
                {move || toggles().into_iter().map(|(id, name, short, slot)| {
                    let id2 = id.clone();
                    let label = name.clone();
                    let on = move || state.compare.with(|c| c.contains(&id));
                    view! {
                        <button type="button" role="switch" class="toggle" data-series=id2.clone() aria-label=label
                            aria-checked=move || on().to_string()
                            on:click=move |_| state.toggle_compare(&id2)>
                            {swatch(slot, state)}<span class="long">{name}</span><span class="short" aria-hidden="true">{short}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="modes" role="group" aria-label=move || t(lang.get(), Key::ModeGroup)>
                {modes.into_iter().map(|(m, key)| view! {
                    <button type="button" class="mode" data-mode=m.keyword()
                        aria-pressed=move || (state.view.with(|v| v.mode) == m).to_string()
                        on:click=move |_| state.mode.set(m)>{move || t(lang.get(), key)}</button>
                }).collect_view()}
                <button type="button" role="switch" class="log" aria-checked=move || state.log.get().to_string()
                    on:click=move |_| state.log.update(|l| *l = !*l)>{move || t(lang.get(), Key::LogScale)}</button>
                <button type="button" role="switch" class="table-toggle" aria-checked=move || state.show_table.get().to_string()
                    on:click=move |_| state.show_table.update(|t| *t = !*t)>{move || t(lang.get(), Key::Table)}</button>
                <button type="button" class="play" aria-pressed=move || state.playing.get().to_string()
                    on:click=move |_| if state.playing.get_untracked() { state.playing.set(false) } else { play(state) }>
                    {move || t(lang.get(), if state.playing.get() { Key::Pause } else { Key::Play })}
                </button>
            </div>
            <p class="mode-note" aria-live="polite">{note}</p>
        </div>
    }
}
