//! The browser layer: thin Leptos components, one per file. They hold signals
//! and translate DOM events into calls on the pure core; all rules live there.

mod add_series;
mod app;
mod chart_canvas;
mod controls;
mod data_table;
mod dataset_bar;
mod embed;
mod event_detail;
mod events_list;
pub mod intl;
mod loader;
mod masthead;
mod messages;
mod permalink;
mod problems;
mod readout;
mod scrubber;
mod series_pick;
mod share;
mod sources;
mod state;
mod step_nav;
mod step_text;
mod story_notes;
mod story_picker;

use wasm_bindgen::JsCast;

/// Installs the panic hook and mounts the app in place of the loading note.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // A panic in Wasm kills the page: say so on the page and in the console.
        web_sys::console::error_1(&format!("panic: {info}").into());
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| crate::core::lang::Lang::from_code(&l))
            .unwrap_or_default();
        show_fatal(crate::i18n::t(lang, crate::i18n::Key::Fatal));
    }));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to(root, app::App).forget();
    // Tells the page script (index.html) that startup succeeded.
    let _ = js_sys::Reflect::set(&js_sys::global(), &"__appStarted".into(), &true.into());
}

/// Replaces the page's content with a message (used when the app cannot go on).
fn show_fatal(message: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(el) = doc.get_element_by_id("fatal") {
            el.set_text_content(Some(message));
            let _ = el.remove_attribute("hidden");
        }
    }
}
