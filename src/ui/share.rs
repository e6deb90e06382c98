//! Share and download: copy the view's link, the system share sheet where the
//! browser has one, the embed code, and downloads of what is on screen — PNG
//! at the screen's pixel ratio, SVG drawn by the same plotters code through its
//! SVG backend, the CSV of the displayed data and of the full series.

use super::chart_canvas::{draw_view, CanvasMeasure};
use super::intl::intl;
use super::permalink;
use super::state::AppState;
use crate::chart::theme::{DARK, LIGHT};
use crate::chart::Style;
use crate::core::export::{csv_full, csv_shown, data_zip, file_name};
use crate::core::fmt::Fmt;
use crate::core::permalink::Params;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Hands a file to the browser as a download.
fn save_blob(blob: &web_sys::Blob, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = doc.create_element("a").and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|e| e.into())) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

fn save_text(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) {
        save_blob(&blob, name);
    }
}

fn chart_canvas() -> Option<web_sys::HtmlCanvasElement> {
    web_sys::window()?.document()?.query_selector(".chart canvas").ok()??.dyn_into().ok()
}

fn citation(state: AppState, base: &Params) -> Vec<String> {
    let l = state.lang.get_untracked();
    let ids: Vec<String> = state.view.with_untracked(|v| v.lines.iter().map(|x| x.id.clone()).collect());
    let sources = state.loaded.with_untracked(|d| {
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        d.dataset.sources_for(&refs, None).iter().map(|s| s.publisher.clone()).collect::<Vec<_>>().join("; ")
    });
    let mode = state.view.with_untracked(|v| v.mode);
    vec![
        tf(l, Key::SourceLine, &[&sources]),
        tf(
            l,
            Key::ModeLine,
            &[t(
                l,
                match mode {
                    crate::core::dataset::Mode::Absolute => Key::ModeAbsolute,
                    crate::core::dataset::Mode::Indexed => Key::ModeIndexed,
                    crate::core::dataset::Mode::Percent => Key::ModePercent,
                    crate::core::dataset::Mode::Drawdown => Key::ModeDrawdown,
                },
            )],
        ),
        tf(l, Key::LinkLine, &[&permalink::link(state, base)]),
    ]
}

fn name(state: AppState, ext: &str) -> String {
    state.view.with_untracked(|v| file_name(&state.story.get_untracked(), v.from, v.to, v.mode, ext))
}

#[component]
pub fn Share(base: Params) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let base = StoredValue::new(base);
    let status = RwSignal::new(String::new());
    let show_embed = RwSignal::new(false);
    let can_share = web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false));

    let copy = move |_| {
        let url = base.with_value(|b| permalink::link(state, b));
        let l = lang.get_untracked();
        status.set(tf(l, Key::LinkCopied, &[&url]));
        // The clipboard exists only in secure contexts, and may be refused: never let that throw.
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return };
        if js_sys::Reflect::get(&nav, &"clipboard".into()).map(|c| c.is_undefined() || c.is_null()).unwrap_or(true) {
            return;
        }
        let promise = nav.clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    let share = move |_| {
        let url = base.with_value(|b| permalink::link(state, b));
        let title = state.loaded.with_untracked(|l| l.dataset.story(&state.story.get_untracked()).map(|s| s.title.get(lang.get_untracked()).to_string()));
        if let Some(w) = web_sys::window() {
            let data = web_sys::ShareData::new();
            data.set_url(&url);
            if let Some(t) = title {
                data.set_title(&t);
            }
            // A cancelled share rejects its promise: that is not an error.
            let promise = w.navigator().share_with_data(&data);
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    let embed_code = move || {
        let mut p = base.with_value(|b| permalink::current(state, b));
        p.embed = true;
        let path = permalink::page_path(state);
        let dir = path.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
        let title = state.loaded.with(|l| l.dataset.story(&state.story.get()).map(|s| s.title.get(lang.get()).to_string())).unwrap_or_default();
        let title = title.replace('"', "&quot;");
        format!(
            "<iframe src=\"{path}?{}\" title=\"{title}\" loading=\"lazy\" data-liquidity-embed style=\"width:100%;height:640px;border:0\"></iframe>\n<script src=\"{dir}/embed.js\" async></script>",
            crate::core::permalink::to_query(&p)
        )
    };
    let png = move |_| {
        let Some(canvas) = chart_canvas() else { return };
        let file = name(state, "png");
        let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(b) = blob {
                save_blob(&b, &file);
            }
        });
        let _ = canvas.to_blob(cb.unchecked_ref());
    };
    let svg = move |_| {
        let Some(canvas) = chart_canvas() else { return };
        let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else { return };
        let r = canvas.get_bounding_client_rect();
        let (w, h) = (r.width().round().max(1.0) as u32, r.height().round().max(1.0) as u32);
        let mut out = String::new();
        let style = Style { scale: 1.0, theme: if state.dark() { DARK } else { LIGHT }, transparent: false };
        // The same drawing as on screen, measured with the canvas's own metrics.
        let drawn = draw_view(state, |c| {
            crate::chart::svg((w, h), c, &style, &CanvasMeasure(ctx)).map(|(text, d)| {
                out = text;
                d
            })
        });
        if drawn.is_ok() {
            save_text(&out, "image/svg+xml", &name(state, "svg"));
        }
    };
    let csv = move |_| {
        let cite = base.with_value(|b| citation(state, b));
        let text = state.view.with_untracked(|v| csv_shown(v, lang.get_untracked(), &cite));
        save_text(&text, "text/csv;charset=utf-8", &name(state, "csv"));
    };
    let csv_all = move |_| {
        let cite = base.with_value(|b| citation(state, b));
        let ids: Vec<String> = state.view.with_untracked(|v| v.lines.iter().map(|x| x.id.clone()).collect());
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let text = state.loaded.with_untracked(|l| csv_full(&l.dataset, &refs, lang.get_untracked(), &cite));
        let file = format!("{}_full-series.csv", state.story.get_untracked());
        save_text(&text, "text/csv;charset=utf-8", &file);
    };

    let zip = move |_| {
        let cite = base.with_value(|b| citation(state, b));
        let link = base.with_value(|b| permalink::link(state, b));
        let ids: Vec<String> = state.view.with_untracked(|v| v.lines.iter().map(|x| x.id.clone()).collect());
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let story = state.story.get_untracked();
        let bytes = state.loaded.with_untracked(|l| data_zip(&l.dataset, &refs, &story, lang.get_untracked(), &link, &cite));
        if let Ok(bytes) = bytes {
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("application/zip");
            if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) {
                save_blob(&blob, &format!("{story}_data.zip"));
            }
        }
    };
    // How to cite the view: the site, the story, the sources, when the data end, the link, today.
    let cite = move || {
        let l = lang.get();
        let f = intl(l);
        let link = base.with_value(|b| permalink::link(state, b));
        let ids = state.line_ids.get();
        let today = js_sys::Date::new_0();
        let today = crate::core::date::Date::from_ymd(today.get_utc_full_year() as i32, today.get_utc_month() + 1, today.get_utc_date());
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let who: Vec<String> = ds.sources_for(&refs, None).iter().map(|s| s.publisher.clone()).collect();
            let last = refs.iter().filter_map(|id| ds.series(id)?.series.points.last().map(|p| p.date)).max();
            let title = ds.story(&state.story.get()).map(|s| s.title.get(l).to_string()).unwrap_or_default();
            tf(
                l,
                Key::CiteText,
                &[
                    t(l, Key::SiteTitle),
                    &title,
                    &who.join("; "),
                    &last.map(|d| f.long(d)).unwrap_or_default(),
                    &link,
                    &today.map(|d| f.long(d)).unwrap_or_default(),
                ],
            )
        })
    };
    view! {
        <section class="share" aria-labelledby="share-h">
            <h3 id="share-h">{move || t(lang.get(), Key::ShareHeading)}</h3>
            <div class="share-buttons">
                <button type="button" class="copy-link" on:click=copy>{move || t(lang.get(), Key::CopyLink)}</button>
                {can_share.then(|| view! { <button type="button" class="share-sheet" on:click=share>{move || t(lang.get(), Key::ShareSheet)}</button> })}
                <button type="button" class="embed-toggle" aria-expanded=move || show_embed.get().to_string()
                    on:click=move |_| show_embed.update(|s| *s = !*s)>{move || t(lang.get(), Key::Embed)}</button>
                <button type="button" class="download-png" on:click=png>{move || t(lang.get(), Key::DownloadPng)}</button>
                <button type="button" class="download-svg" on:click=svg>{move || t(lang.get(), Key::DownloadSvg)}</button>
                <button type="button" class="download-csv" on:click=csv>{move || t(lang.get(), Key::DownloadCsv)}</button>
                <button type="button" class="download-csv-full" on:click=csv_all>{move || t(lang.get(), Key::DownloadCsvFull)}</button>
                <button type="button" class="download-zip" on:click=zip>{move || t(lang.get(), Key::DownloadZip)}</button>
            </div>
            <details class="cite">
                <summary>{move || t(lang.get(), Key::HowToCite)}</summary>
                <p class="cite-text" data-testid="cite">{cite}</p>
            </details>
            <p class="share-status" role="status">{move || status.get()}</p>
            <Show when=move || show_embed.get()>
                <p class="hint">{move || t(lang.get(), Key::EmbedHint)}</p>
                <textarea class="embed-code" readonly rows="4" dir="ltr" aria-label=move || t(lang.get(), Key::EmbedCode)>{embed_code}</textarea>
            </Show>
        </section>
    }
}
