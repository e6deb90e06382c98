//! The view's controls: comparisons (switches with their line's colour and
//! dash), the mode, log/linear, the table, and play.

use super::intl::intl;
use super::state::AppState;
use crate::chart::theme::{line_style, DARK, LIGHT};
use crate::core::dataset::{ChartKind, Mode};
use crate::core::fmt::Fmt;
use crate::core::view::{self, Blocked, Nav};
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A small SVG sample of a line's colour and dash (or, for a series drawn as dots, of
/// its dots), so a legend never relies on colour alone.
fn swatch(slot: usize, dots: bool, state: AppState) -> impl IntoView {
    let style = move || line_style(if state.dark() { &DARK } else { &LIGHT }, slot, slot == 0);
    let colour = move || {
        let c = style().0;
        format!("rgb({},{},{})", c.0, c.1, c.2)
    };
    let dash = move || match style().1 {
        Some((a, b)) => format!("{a} {b}"),
        None => "none".into(),
    };
    if dots {
        return view! {
            <svg class="swatch" width="28" height="10" aria-hidden="true">
                <circle cx="5" cy="5" r="3" fill=colour /><circle cx="14" cy="5" r="3" fill=colour /><circle cx="23" cy="5" r="3" fill=colour />
            </svg>
        }
        .into_any();
    }
    view! {
        <svg class="swatch" width="28" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="27" y2="5" stroke=colour stroke-width=if slot == 0 { "3" } else { "2" } stroke-dasharray=dash />
        </svg>
    }
    .into_any()
}

/// The reason a control is off, in words.
fn blocked_key(b: Blocked) -> Key {
    match b {
        Blocked::LogBelowZero => Key::BlockedLogBelowZero,
        Blocked::LogBars => Key::BlockedLogBars,
        Blocked::DrawdownBars => Key::BlockedDrawdownBars,
        Blocked::BarsPrices => Key::BlockedBarsPrices,
        Blocked::BarsDrawdown => Key::BlockedBarsDrawdown,
    }
}

fn reduced_motion() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Walks the crosshair through the window's dates in about four seconds (many
/// dates a frame when there are more than frames), reading each line by binary
/// search: no list of every date is made.
fn play(state: AppState) {
    let ends = state.view.with_untracked(|v| {
        let count = v.lines.iter().map(|l| l.points.len()).max().unwrap_or(0);
        Some((view::navigate(v, None, Nav::First)?, view::navigate(v, None, Nav::Last)?, count))
    });
    let Some((first, last, count)) = ends else { return };
    if reduced_motion() {
        // No animation for readers who ask for none: go straight to the end.
        state.cursor.set(Some(last));
        return;
    }
    state.playing.set(true);
    let step_ms = 4000.0 / count.max(1) as f64;
    let (interval, stride) = if step_ms >= 16.0 { (step_ms, 1) } else { (16.0, (16.0 / step_ms).ceil() as usize) };
    // From the crosshair if it is short of the end, else from the start.
    let start = state
        .cursor
        .get_untracked()
        .filter(|c| *c < last)
        .and_then(|c| state.view.with_untracked(|v| if view::nearest(v, c) == Some(c) { Some(c) } else { view::date_after(v, Some(c)) }))
        .unwrap_or(first);
    let at = std::rc::Rc::new(std::cell::Cell::new(Some(start)));
    let handle = std::rc::Rc::new(std::cell::Cell::new(0));
    let h2 = handle.clone();
    let tick = Closure::<dyn FnMut()>::new(move || {
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
        let Some(d) = at.get() else {
            state.cursor.set(state.view.with_untracked(|v| view::navigate(v, None, Nav::Last)));
            stop(state);
            return;
        };
        state.cursor.set(Some(d));
        at.set(state.view.with_untracked(|v| (0..stride).try_fold(d, |x, _| view::date_after(v, Some(x)))));
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
    // The switchable series: the story's own (after the main one) and its comparisons, then any the
    // reader added (removable). Slots come from the same palette order as the chart's lines.
    let toggles = move || {
        let story = state.story.get();
        let main = state.series.get();
        let on = state.compare.get();
        let lg = lang.get();
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let own: Vec<String> = ds.story(&story).map(|s| s.series.iter().chain(&s.compare).cloned().collect()).unwrap_or_default();
            let palette = crate::chart::theme::LIGHT.palette.len();
            let shown = view::slots(ds, &story, &main, &on, palette);
            own.iter()
                .chain(on.iter().filter(|x| !own.contains(x)))
                .filter(|id| **id != main)
                .filter_map(|id| {
                    ds.series(id).map(|d| {
                        let name = d.name.get(lg).to_string();
                        let short = if d.id().len() <= 5 && d.id().chars().all(|c| c.is_ascii_uppercase()) { d.id().to_string() } else { name.clone() };
                        // A switch that is off shows the colour its line would take.
                        let slot = if on.contains(id) {
                            view::slot_of(&shown, id)
                        } else {
                            let with: Vec<String> = on.iter().cloned().chain([id.clone()]).collect();
                            view::slot_of(&view::slots(ds, &story, &main, &with, palette), id)
                        };
                        (id.clone(), name, short, slot, !own.contains(id), d.chart_kind() == ChartKind::Dots)
                    })
                })
                .collect::<Vec<_>>()
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
    // Memos: what the buttons say changes with the view's kind, not at every step of its window.
    let log_blocked = Memo::new(move |_| state.view.with(|v| v.log_blocked()));
    let bars_blocked = Memo::new(move |_| state.view.with(|v| v.bars_blocked()));
    let modes_blocked = Memo::new(move |_| state.view.with(|v| modes.map(|(m, _)| v.mode_blocked(m))));
    let mode_now = Memo::new(move |_| state.view.with(|v| v.mode));
    let has_bars = Memo::new(move |_| state.view.with(|v| v.has_bars()));
    let log_blocked = move || log_blocked.get();
    let bars_blocked = move || bars_blocked.get();
    view! {
        <div class="controls">
            <div class="toggles" role="group" aria-label=move || t(lang.get(), Key::CompareWith)>
                {move || toggles().into_iter().map(|(id, name, short, slot, added, dots)| {
                    let id2 = id.clone();
                    let label = name.clone();
                    let on = move || state.compare.with(|c| c.contains(&id));
                    if added {
                        // A series the reader added: on while it is here; the button takes it off the chart.
                        let l = lang.get_untracked();
                        return view! {
                            <button type="button" class="toggle added" data-series=id2.clone() data-remove=id2.clone()
                                aria-label=tf(l, Key::RemoveSeries, &[&name])
                                on:click=move |_| state.toggle_compare(&id2)>
                                {swatch(slot, dots, state)}<span class="long">{name.clone()}</span><span class="short" aria-hidden="true">{short}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        }.into_any();
                    }
                    view! {
                        <button type="button" role="switch" class="toggle" data-series=id2.clone() aria-label=label
                            aria-checked=move || on().to_string()
                            on:click=move |_| state.toggle_compare(&id2)>
                            {swatch(slot, dots, state)}<span class="long">{name}</span><span class="short" aria-hidden="true">{short}</span>
                        </button>
                    }.into_any()
                }).collect_view()}
            </div>
            <div class="modes" role="group" aria-label=move || t(lang.get(), Key::ModeGroup)>
                {modes.into_iter().enumerate().map(|(i, (m, key))| {
                    let blocked = move || modes_blocked.with(|b| b[i]);
                    view! {
                        <button type="button" class="mode" data-mode=m.keyword()
                            aria-pressed=move || (mode_now.get() == m).to_string()
                            aria-disabled=move || blocked().is_some().then_some("true")
                            aria-describedby=move || blocked().map(|_| format!("why-{}", m.keyword()))
                            on:click=move |_| if blocked().is_none() { state.mode.set(m) }>{move || t(lang.get(), key)}</button>
                    }
                }).collect_view()}
                <button type="button" role="switch" class="log"
                    aria-checked=move || (state.log.get() && log_blocked().is_none()).to_string()
                    aria-disabled=move || log_blocked().is_some().then_some("true")
                    aria-describedby=move || log_blocked().map(|_| "why-log")
                    on:click=move |_| if log_blocked().is_none() { state.log.update(|l| *l = !*l) }>{move || t(lang.get(), Key::LogScale)}</button>
                <button type="button" role="switch" class="bars-toggle"
                    aria-checked=move || has_bars.get().to_string()
                    aria-disabled=move || bars_blocked().is_some().then_some("true")
                    aria-describedby=move || bars_blocked().map(|_| "why-bars")
                    on:click=move |_| if bars_blocked().is_none() { state.bars.set(Some(!state.view.with_untracked(|v| v.has_bars()))) }>
                    {move || t(lang.get(), Key::Bars)}</button>
                <button type="button" role="switch" class="table-toggle" aria-checked=move || state.show_table.get().to_string()
                    on:click=move |_| state.show_table.update(|t| *t = !*t)>{move || t(lang.get(), Key::Table)}</button>
                <button type="button" class="play" aria-pressed=move || state.playing.get().to_string()
                    on:click=move |_| if state.playing.get_untracked() { state.playing.set(false) } else { play(state) }>
                    {move || t(lang.get(), if state.playing.get() { Key::Pause } else { Key::Play })}
                </button>
            </div>
            // Why a control is off: shown under the controls and read with the control (aria-describedby).
            <ul class="blocked" data-testid="blocked">
                {move || {
                    let l = lang.get();
                    let mut why: Vec<(String, &'static str)> = Vec::new();
                    if let Some(b) = log_blocked() {
                        why.push(("why-log".into(), t(l, blocked_key(b))));
                    }
                    if let Some(b) = bars_blocked() {
                        why.push(("why-bars".into(), t(l, blocked_key(b))));
                    }
                    for ((m, _), blocked) in modes.iter().zip(modes_blocked.get()) {
                        if let Some(b) = blocked {
                            why.push((format!("why-{}", m.keyword()), t(l, blocked_key(b))));
                        }
                    }
                    why.into_iter().map(|(id, text)| view! { <li id=id>{text}</li> }).collect_view()
                }}
            </ul>
            <p class="mode-note" aria-live="polite">{note}</p>
        </div>
    }
}
