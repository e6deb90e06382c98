//! The timeline scrubber: one track, a start and an end handle. Each handle is
//! an ARIA slider (focusable, arrow/Page/Home/End keys, the date as its value
//! text); the track follows mouse, pen and touch through pointer events. The
//! rules (steps, ends, "start never passes end") live in core::timeline.

use super::intl::intl;
use super::state::AppState;
use crate::core::fmt::Fmt;
use crate::core::timeline::{Handle, Move};
use crate::i18n::{t, tf, Key};
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Scrubber() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (timeline, window) = (state.timeline, state.window);
    let track = NodeRef::<Div>::new();
    let dragging = RwSignal::new(None::<Handle>);
    let last = move || timeline.with(|t| t.len().saturating_sub(1));

    // Track position (0..1) of a pointer event.
    let fraction_at = move |ev: &PointerEvent| -> Option<f64> {
        let r = track.get()?.get_bounding_client_rect();
        (r.width() > 0.0).then(|| (ev.client_x() as f64 - r.left()) / r.width())
    };
    let move_to = move |handle: Handle, f: f64| {
        timeline.with_untracked(|t| window.set(t.set(window.get_untracked(), handle, t.index_at_fraction(f))));
    };

    let on_down = move |ev: PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let Some(f) = fraction_at(&ev) else { return };
        // The handle under the pointer, else the nearer one.
        let handle = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-handle"))
            .map(|h| if h == "start" { Handle::Start } else { Handle::End })
            .unwrap_or_else(|| {
                let w = window.get_untracked();
                let (a, b) = timeline.with_untracked(|t| (t.fraction(w.start), t.fraction(w.end)));
                if (f - a).abs() < (f - b).abs() || (a == b && f < a) {
                    Handle::Start
                } else {
                    Handle::End
                }
            });
        ev.prevent_default();
        if let Some(el) = track.get() {
            let _ = el.set_pointer_capture(ev.pointer_id());
            let selector = if handle == Handle::Start { "[data-handle=start]" } else { "[data-handle=end]" };
            if let Ok(Some(h)) = el.query_selector(selector) {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
        dragging.set(Some(handle));
        move_to(handle, f);
    };
    let on_move = move |ev: PointerEvent| {
        if let (Some(handle), Some(f)) = (dragging.get_untracked(), fraction_at(&ev)) {
            move_to(handle, f);
        }
    };
    let on_up = move |_ev: PointerEvent| dragging.set(None);

    let on_key = move |handle: Handle, ev: KeyboardEvent| {
        if let Some(mv) = Move::from_key(&ev.key()) {
            ev.prevent_default();
            timeline.with_untracked(|t| window.set(t.apply(window.get_untracked(), handle, mv)));
        }
    };

    let pos = move |handle: Handle| {
        move || {
            let w = window.get();
            let i = if handle == Handle::Start { w.start } else { w.end };
            format!("{:.3}%", 100.0 * timeline.with(|t| t.fraction(i)))
        }
    };
    let date_text = move |handle: Handle| {
        move || {
            let w = window.get();
            let i = if handle == Handle::Start { w.start } else { w.end };
            timeline.with(|tl| tl.date(i)).map(|d| intl(state.lang.get()).long(d)).unwrap_or_default()
        }
    };
    let article_at = move || {
        let (cutoff, label) = state.loaded.with(|l| {
            let (d, p) = l.dataset.published?;
            Some((l.dataset.article_cutoff()?, tf(state.lang.get(), Key::ArticleMark, &[&intl(state.lang.get()).date(d, p)])))
        })?;
        let (first, last) = timeline.with(|t| Some((t.date(0)?, t.date(t.len().checked_sub(1)?)?)))?;
        if cutoff < first || cutoff >= last {
            return None;
        }
        let f = (cutoff.t() - first.t()) / (last.t() - first.t());
        Some((f, label))
    };
    let range_style = move || {
        let w = window.get();
        let (a, b) = timeline.with(|t| (t.fraction(w.start), t.fraction(w.end)));
        format!("left:{:.3}%;width:{:.3}%", a * 100.0, (b - a) * 100.0)
    };

    // One ARIA slider per handle; each stops at the other, so its range ends there.
    let handle = move |h: Handle| {
        let (name, key, min, max) = match h {
            Handle::Start => ("start", Key::StartDate, Signal::derive(|| 0), Signal::derive(move || window.get().end)),
            Handle::End => ("end", Key::EndDate, Signal::derive(move || window.get().start), Signal::derive(last)),
        };
        view! {
            <div
                class="handle"
                data-handle=name
                role="slider"
                tabindex="0"
                aria-label=move || t(state.lang.get(), key)
                aria-orientation="horizontal"
                aria-valuemin=move || min.get()
                aria-valuemax=move || max.get()
                aria-valuenow=move || { let w = window.get(); if h == Handle::Start { w.start } else { w.end } }
                aria-valuetext=date_text(h)
                style:left=pos(h)
                on:keydown=move |ev| on_key(h, ev)
            ></div>
        }
    };

    view! {
        // Time runs left to right in both languages, as on the chart.
        <div class="scrubber" dir="ltr" role="group" aria-label=move || t(state.lang.get(), Key::Timeline) class:dragging=move || dragging.get().is_some()>
            <div
                class="track"
                node_ref=track
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:lostpointercapture=on_up
            >
                <div class="rail"></div>
                <div class="range" style=range_style></div>
                // The article's date on the track; dates after it are dashed.
                {move || article_at().map(|(f, label)| view! {
                    <div class="after-track" style=format!("left:{:.3}%", f * 100.0) aria-hidden="true"></div>
                    <div class="article-mark" class:label-left={f > 0.5} style=format!("left:{:.3}%", f * 100.0) aria-hidden="true"><bdi>{label}</bdi></div>
                })}
                {handle(Handle::Start)}
                {handle(Handle::End)}
            </div>
            <div class="scrubber-dates" aria-hidden="true">
                <bdi class="from">{date_text(Handle::Start)}</bdi>
                <bdi class="to">{date_text(Handle::End)}</bdi>
            </div>
        </div>
    }
}
