//! The chart on a canvas: sized to its container, backing store at CSS size ×
//! devicePixelRatio, redrawn when the view, the language, the theme or the
//! container's size changes. The crosshair follows the pointer (snapping to the
//! nearest date with data) and the keyboard; a click near an event's line
//! opens it.

use super::intl::intl;
use super::state::AppState;
use crate::chart::record::{Ops, Piece, Recording};
use crate::chart::{
    for_view, recorded,
    theme::{DARK, FONT, LIGHT},
    Chart, Drawn, Style, TextMeasure,
};
use crate::core::date::Date;
use crate::core::fmt::Fmt;
use crate::core::story;
use crate::core::view::{self, Nav, View};
use crate::i18n::{t, tf, Key};
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Measures text with the canvas's own `measureText`: exactly what will be
/// drawn, and no layout reflow.
pub struct CanvasMeasure(pub web_sys::CanvasRenderingContext2d);

thread_local! {
    /// Widths already measured, by text and font size: the same labels come back every frame while dragging.
    static WIDTHS: std::cell::RefCell<std::collections::HashMap<(String, u32), u32>> = Default::default();
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, px: f64) -> u32 {
        let key = (text.to_string(), (px * 100.0).round() as u32);
        if let Some(w) = WIDTHS.with_borrow(|m| m.get(&key).copied()) {
            return w;
        }
        self.0.set_font(&format!("{px}px {FONT}"));
        let w = self.0.measure_text(text).map(|m| m.width().ceil() as u32).unwrap_or_else(|_| (text.chars().count() as f64 * px * 0.6) as u32);
        WIDTHS.with_borrow_mut(|m| {
            if m.len() > 4096 {
                m.clear();
            }
            m.insert(key, w);
        });
        w
    }
}

/// A text alternative generated from the data in the window, in the reader's language
/// (`AppState::description` keeps it, once per view, for the canvas and the polite summary).
pub fn describe(v: &View, fmt: &dyn Fmt) -> String {
    let lang = fmt.lang();
    let parts: Vec<String> = v
        .lines
        .iter()
        .filter_map(|l| {
            let (a, b, hi) = (l.raw.first()?, l.raw.last()?, l.high()?);
            let val = |x: f64| fmt.amount(x, l.unit, l.decimals);
            Some(tf(
                lang,
                Key::ChartDescLine,
                &[l.name.get(lang), &val(a.value), &fmt.long(a.date), &val(b.value), &fmt.long(b.date), &val(hi.value), &fmt.long(hi.date)],
            ))
        })
        .collect();
    if parts.is_empty() {
        tf(lang, Key::NoDataBetween, &[&fmt.long(v.from), &fmt.long(v.to)])
    } else {
        tf(lang, Key::ChartDesc, &[&fmt.long(v.from), &fmt.long(v.to), &parts.join(". ")])
    }
}

/// Draws a recorded chart on the canvas: each run of paths in one ink (a dashed
/// line's dashes) as one stroke of several pieces, one call where plotters' canvas
/// backend made one per dash (the overview: about a thousand a frame); the rest
/// through the backend.
fn replay(
    root: &plotters::prelude::DrawingArea<CanvasBackend, plotters::coord::Shift>,
    ctx: &web_sys::CanvasRenderingContext2d,
    rec: &Recording,
) -> Result<(), String> {
    for piece in rec.pieces() {
        match piece {
            Piece::Ops(ops) => root.draw(&Ops(ops)).map_err(|e| format!("{e:?}"))?,
            Piece::Paths(paths, ink) => {
                ctx.begin_path();
                for path in paths {
                    if let Some((first, rest)) = path.split_first() {
                        ctx.move_to(first.0 as f64, first.1 as f64);
                        for p in rest {
                            ctx.line_to(p.0 as f64, p.1 as f64);
                        }
                    }
                }
                let (r, g, b) = ink.color.rgb;
                ctx.set_stroke_style_str(&format!("rgba({r},{g},{b},{})", ink.color.alpha));
                ctx.set_line_width(ink.width as f64);
                ctx.stroke();
            }
        }
    }
    root.present().map_err(|e| format!("{e:?}"))
}

/// The view as the reader sees it, as a chart, given to `draw` (replayed on the canvas on
/// screen, to SVG for the download). Returns what was drawn and the events' ids
/// in marker order.
pub fn draw_view(state: AppState, draw: impl FnOnce(&Chart) -> Result<Drawn, String>) -> Result<(Drawn, Vec<String>), String> {
    let cursor = state.cursor.get();
    let playing = state.playing.get();
    let log = state.log.get();
    let fmt = intl(state.lang.get());
    let guided = state.on_step.get();
    let step = state.step_data.get();
    state.view.with(|v| {
        state.loaded.with(|l| {
            let ds = &l.dataset;
            let marks = story::marks(ds, v, step.as_ref().map(|(s, f)| (s, f.as_slice())), guided, fmt);
            let chart = for_view(ds, v, &marks, fmt, log, cursor, playing);
            draw(&chart).map(|d| (d, marks.marker_ids.clone()))
        })
    })
}

#[component]
pub fn ChartCanvas() -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    // CSS size of the container, updated by a ResizeObserver.
    let size = RwSignal::new((0.0f64, 0.0f64));

    Effect::new(move |_| {
        let Some(el) = holder.get() else { return };
        let measure = move |el: &web_sys::Element| {
            let r = el.get_bounding_client_rect();
            size.set((r.width(), r.height()));
        };
        measure(&el);
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                measure(&entry.target());
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // The observer lives as long as the page.
        cb.forget();
    });

    // The last drawing's geometry, to map the pointer back to dates.
    let drawn = StoredValue::new(Drawn::default());
    let marker_ids = StoredValue::new(Vec::<String>::new());
    let dpr = move || web_sys::window().map(|w| w.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0);

    Effect::new(move |_| {
        let (css_w, css_h) = size.get();
        let Some(el) = canvas.get() else { return };
        let dpr = dpr();
        let (bw, bh) = ((css_w * dpr).round().max(0.0) as u32, (css_h * dpr).round().max(0.0) as u32);
        if el.width() != bw {
            el.set_width(bw);
        }
        if el.height() != bh {
            el.set_height(bh);
        }
        if bw == 0 || bh == 0 {
            return;
        }
        let Some(ctx) = el.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else {
            return;
        };
        let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) else { return };
        let root = backend.into_drawing_area();
        let theme = if state.dark() { DARK } else { LIGHT };
        let style = Style { scale: dpr, theme, transparent: state.transparent.get() };
        super::doing(Key::DoingDraw);
        let result = draw_view(state, |c| {
            let (drawn, recording) = recorded((bw, bh), c, &style, &CanvasMeasure(ctx.clone()))?;
            replay(&root, &ctx, &recording).map(|_| drawn)
        });
        super::doing(Key::DoingInput);
        match result {
            Ok((d, ids)) => {
                // The plot's geometry in CSS px, its dates and its labels, for tests and tools.
                let (l, t, r, b) = d.plot;
                // (Set only when they change: every change of the page's markup is work for the browser.)
                let set = |name: &str, value: String| {
                    if el.get_attribute(name).as_deref() != Some(value.as_str()) {
                        let _ = el.set_attribute(name, &value);
                    }
                };
                set("data-plot", format!("{},{},{},{}", l as f64 / dpr, t as f64 / dpr, r as f64 / dpr, b as f64 / dpr));
                set("data-domain", format!("{},{}", d.domain.0, d.domain.1));
                set("data-x-labels", d.x_labels.join("|"));
                // The numbers on the chart, for the list under it (only when they change: no loop).
                let notes: Vec<(usize, Option<String>, String)> =
                    d.numbered.iter().map(|(n, m, text)| (*n, m.and_then(|i| ids.get(i).cloned()), text.clone())).collect();
                if state.chart_notes.with_untracked(|c| *c != notes) {
                    state.chart_notes.set(notes);
                }
                if drawn.with_value(|d| d.plot == (0, 0, 0, 0)) {
                    super::mark("liquidity:drawn");
                }
                drawn.set_value(d);
                marker_ids.set_value(ids);
            }
            Err(e) => web_sys::console::warn_1(&format!("chart not drawn: {e}").into()),
        }
    });

    let point_at = move |x_css: f64| -> Option<Date> {
        let date = drawn.with_value(|d| d.date_at(x_css * dpr()))?;
        state.view.with_untracked(|v| view::nearest(v, date))
    };
    let on_move = move |ev: PointerEvent| {
        if let Some(d) = point_at(ev.offset_x() as f64) {
            state.cursor.set(Some(d));
        }
    };
    let on_leave = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && !state.playing.get_untracked() {
            state.cursor.set(None);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let x = ev.offset_x() as f64 * dpr();
        let hit = drawn
            .with_value(|d| d.marker_x.iter().enumerate().filter_map(|(i, mx)| mx.map(|mx| (i, (mx as f64 - x).abs()))).min_by(|a, b| a.1.total_cmp(&b.1)));
        if let Some((i, dist)) = hit {
            if dist <= 8.0 * dpr() {
                state.open_event.set(marker_ids.with_value(|ids| ids.get(i).cloned()));
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let cur = state.cursor.get_untracked();
        let nav = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => Nav::Next,
            "ArrowLeft" | "ArrowDown" => Nav::Previous,
            "PageUp" => Nav::PageLater,
            "PageDown" => Nav::PageEarlier,
            "Home" => Nav::First,
            "End" => Nav::Last,
            "Escape" => {
                state.cursor.set(None);
                ev.prevent_default();
                return;
            }
            "Enter" | " " => {
                let on_day = cur.and_then(|c| state.loaded.with_untracked(|l| l.dataset.events.iter().find(|e| e.date == c).map(|e| e.id.clone())));
                if on_day.is_some() {
                    state.open_event.set(on_day);
                    ev.prevent_default();
                }
                return;
            }
            _ => return,
        };
        if let Some(d) = state.view.with_untracked(|v| view::navigate(v, cur, nav)) {
            ev.prevent_default();
            state.cursor.set(Some(d));
        }
    };

    let lang = state.lang;
    let description = move || state.description.get();
    let empty = move || state.view.with(|v| v.is_empty());

    view! {
        <div class="chart" id="chart" node_ref=holder>
            <canvas node_ref=canvas dir="ltr" role="img" tabindex="0" aria-label=description aria-describedby="readout"
                on:pointermove=on_move on:pointerdown=on_move on:pointerleave=on_leave on:click=on_click on:keydown=on_key></canvas>
        </div>
        {move || {
            // Data that do not exist are said, never drawn.
            let f = intl(lang.get());
            let l = lang.get();
            let notes: Vec<String> = state.view.with(|v| state.loaded.with(|d| view::edges(&d.dataset, v))).into_iter().flat_map(|e| {
                let name = e.name.get(l).to_string();
                e.begins.map(|(d, p)| tf(l, Key::DataBegin, &[&name, &f.date(d, p)])).into_iter().chain(e.ends.map(|(d, p)| tf(l, Key::DataEnd, &[&name, &f.date(d, p)])))
            }).collect();
            (!notes.is_empty()).then(|| view! { <p class="chart-edges" data-testid="edges">{notes.join(" ")}</p> })
        }}
        <Show when=empty>
            <p class="empty-note">
                {move || t(lang.get(), Key::EmptyView)}" "
                {move || state.data_extent().map(|(a, b)| {
                    let f = intl(lang.get());
                    view! {
                        <button type="button" class="jump" on:click=move |_| state.set_dates(a, b)>
                            {tf(lang.get(), Key::JumpTo, &[&f.long(a), &f.long(b)])}
                        </button>
                    }
                })}
            </p>
        </Show>
    }
}
