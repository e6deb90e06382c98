//! The browser layer: thin Leptos components, one per file. They hold signals
//! and translate DOM events into calls on the pure core; all rules live there.

mod add_series;
mod app;
mod bundled_data;
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
mod offline;
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

thread_local! {
    /// What the app is doing, for the message should it stop.
    static DOING: std::cell::Cell<crate::i18n::Key> = const { std::cell::Cell::new(crate::i18n::Key::DoingStart) };
}

/// Notes what the app is doing now (cheap: one cell), so that a panic can say it.
pub fn doing(what: crate::i18n::Key) {
    DOING.with(|d| d.set(what));
}

/// For the browser tests: stops the app as a bug would, to show what a reader then sees.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_panic() {
    doing(crate::i18n::Key::DoingInput);
    panic!("simulated by a test");
}

/// Installs the panic hook and mounts the app in place of the loading note.
pub fn start() {
    mark("liquidity:start");
    std::panic::set_hook(Box::new(|info| {
        // A panic in Wasm kills the page: say so on the page (in the reader's language, with what was being
        // done and a way to reload), leave the last picture of the chart where it is, and log it.
        web_sys::console::error_1(&format!("panic: {info}").into());
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| crate::core::lang::Lang::from_code(&l))
            .unwrap_or_default();
        let what = crate::i18n::t(lang, DOING.with(|d| d.get()));
        show_fatal(&crate::i18n::tf(lang, crate::i18n::Key::Fatal, &[what]), crate::i18n::t(lang, crate::i18n::Key::Reload));
    }));
    // The bundled data arrives beside the Wasm (or inline in the offline file); the
    // loading note stays until it has, and says so plainly should it not.
    wasm_bindgen_futures::spawn_local(async {
        let bundled = bundled_data::load().await;
        mark("liquidity:data");
        match bundled {
            Ok(ds) => mount(Ok(ds)),
            Err(bundled_data::Failure::Unreadable(problems)) => mount(Err(problems)),
            Err(bundled_data::Failure::Unloaded(why)) => {
                web_sys::console::error_1(&format!("the bundled data did not load: {why}").into());
                let lang = loader::reader_lang();
                show_fatal(crate::i18n::t(lang, crate::i18n::Key::BundledUnloaded), crate::i18n::t(lang, crate::i18n::Key::Reload));
                if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
                    boot.remove();
                }
            }
        }
    });
}

fn mount(bundled: Result<crate::core::dataset::Dataset, Vec<crate::core::dataset::Problem>>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to(root, move || leptos::prelude::view! { <app::App bundled=bundled/> }).forget();
    mark("liquidity:mounted");
    doing(crate::i18n::Key::DoingInput);
    // Tells the page script (index.html) that startup succeeded.
    let _ = js_sys::Reflect::set(&js_sys::global(), &"__appStarted".into(), &true.into());
}

/// A performance mark (the benchmark reads them: when the Wasm started, the data
/// arrived, the page was built, the chart first drawn).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Shows a message above the page (used when the app cannot go on): its text
/// and a link that reloads the page (a link, not a script: it works whatever state the app is in).
fn show_fatal(message: &str, reload: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.get_element_by_id("fatal") else { return };
    el.set_text_content(Some(message));
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", "");
        let _ = a.set_attribute("class", "reload");
        a.set_text_content(Some(reload));
        let _ = el.append_child(&doc.create_text_node(" "));
        let _ = el.append_child(&a);
    }
    let _ = el.remove_attribute("hidden");
    el.scroll_into_view();
}
