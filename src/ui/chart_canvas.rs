//! The chart on a canvas: sized to its container, backing store at CSS size ×
//! devicePixelRatio, redrawn when the window or the container's size changes.

use super::state::AppState;
use crate::chart::{draw, theme::{FONT, LIGHT}, LineChart, Marker, Style, TextMeasure};
use crate::core::dataset::{Frequency, Kind};
use crate::core::format;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Measures text with the canvas's own `measureText`: exactly what will be
/// drawn, and no layout reflow.
struct CanvasMeasure(web_sys::CanvasRenderingContext2d);

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, px: f64) -> u32 {
        self.0.set_font(&format!("{px}px {FONT}"));
        self.0.measure_text(text).map(|m| m.width().ceil() as u32).unwrap_or_else(|_| (text.chars().count() as f64 * px * 0.6) as u32)
    }
}

#[component]
pub fn ChartCanvas() -> impl IntoView {
    let state = expect_context::<AppState>();
    let window = state.window;
    let timeline = state.timeline;
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

    Effect::new(move |_| {
        let (css_w, css_h) = size.get();
        let w = window.get();
        let Some(canvas) = canvas.get() else { return };
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
        let (bw, bh) = ((css_w * dpr).round().max(0.0) as u32, (css_h * dpr).round().max(0.0) as u32);
        if canvas.width() != bw {
            canvas.set_width(bw);
        }
        if canvas.height() != bh {
            canvas.set_height(bh);
        }
        if bw == 0 || bh == 0 {
            return;
        }
        let Some((from, to)) = timeline.with(|t| t.dates(w)) else { return };
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
        let root = backend.into_drawing_area();
        state.with_series(|s, ds| {
            let markers: Vec<Marker> = ds
                .events
                .iter()
                .filter(|e| e.series.iter().any(|x| x == s.id()))
                .map(|e| Marker { date: e.date, label: e.title.en.clone() })
                .collect();
            let chart = LineChart {
                series: &s.series,
                unit: s.unit,
                decimals: s.decimals,
                from,
                to,
                markers: &markers,
                unit_caption: format::unit_caption(s.unit),
                change_on_markers: s.kind == Kind::Price && s.frequency == Frequency::Daily,
                zero_based: matches!(s.kind, Kind::Funding | Kind::Valuation | Kind::Revenue),
            };
            let result = draw(&root, &chart, &Style { scale: dpr, theme: LIGHT }, &CanvasMeasure(ctx.clone()));
            if let Err(e) = result {
                web_sys::console::warn_1(&format!("chart not drawn: {e:?}").into());
            }
        });
    });

    // A text alternative generated from the data in the window.
    let description = move || {
        let w = window.get();
        let Some((from, to)) = timeline.with(|t| t.dates(w)) else { return String::new() };
        state.with_series(|sd, _| {
            let s = &sd.series;
            let fmt = |v: f64| format::value(v, sd.unit, format::auto_decimals(v, sd.unit, sd.decimals));
            let pts = s.between(from, to);
            match (pts.first(), pts.last()) {
                (Some(a), Some(b)) => {
                    let hi = pts.iter().copied().fold(*a, |m, p| if p.value > m.value { p } else { m });
                    format!(
                        "Line chart of {}, from {} to {}: {} on {}, {} on {}; highest {} on {}.",
                        sd.name.en,
                        from.long(),
                        to.long(),
                        fmt(a.value),
                        a.date.long(),
                        fmt(b.value),
                        b.date.long(),
                        fmt(hi.value),
                        hi.date.long()
                    )
                }
                _ => format!("No data between {} and {}.", from.long(), to.long()),
            }
        })
        .unwrap_or_default()
    };

    view! {
        <div class="chart" node_ref=holder>
            <canvas node_ref=canvas dir="ltr" role="img" aria-label=description></canvas>
        </div>
    }
}
