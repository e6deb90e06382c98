//! Offline: the service worker that keeps the served site working after one
//! visit (registered only over http(s), never in the single file), and the
//! link to the single-file copy of the site with its size.

use super::state::AppState;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

/// The single file, beside index.html in the built site (scripts/offline.mjs).
const FILE: &str = "is-ai-eating-cryptos-liquidity.html";

/// Whether this page is the single-file copy (it says so on its root element).
pub fn is_offline_copy() -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).is_some_and(|e| e.has_attribute("data-offline-copy"))
}

/// Registers sw.js when the page is served over http(s) and is not the single file.
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let protocol = w.location().protocol().unwrap_or_default();
    if !(protocol == "https:" || protocol == "http:") || is_offline_copy() {
        return;
    }
    let nav = w.navigator();
    // Browsers without service workers (or with them turned off) simply go without.
    if js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        let _ = nav.service_worker().register("sw.js");
    }
}

#[component]
pub fn OfflineLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    if is_offline_copy() {
        return view! { <p class="offline note" data-testid="offline-copy">{move || t(lang.get(), Key::OfflineCopy)}</p> }.into_any();
    }
    // Its size, asked of the server (no size if it does not say).
    let size = RwSignal::new(None::<f64>);
    leptos::task::spawn_local(async move {
        let req = gloo_net::http::RequestBuilder::new(FILE).method(gloo_net::http::Method::HEAD).send().await;
        if let Ok(r) = req {
            if r.ok() {
                size.set(r.headers().get("content-length").and_then(|l| l.parse::<f64>().ok()));
            }
        }
    });
    view! {
        <p class="offline" data-testid="offline">
            <a href=FILE download=FILE class="offline-link">{move || t(lang.get(), Key::OfflineDownload)}</a>
            {move || size.get().map(|b| format!(" ({})", tf(lang.get(), Key::Megabytes, &[&format!("{:.1}", b / 1_048_576.0)])))}
            <br /><span class="note">{move || t(lang.get(), Key::OfflineNote)}</span>
        </p>
    }
    .into_any()
}
