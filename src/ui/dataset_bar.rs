//! Which dataset is showing, and the ways to load another: a URL, a file
//! picked or dropped anywhere on the page, or back to the bundled data.

use super::loader;
use super::state::{AppState, Origin, Prepared};
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DatasetBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let url = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    let lang = state.lang;
    let label = move || {
        let lg = lang.get();
        state.loaded.with(|l| {
            let title = l.dataset.title.get(lg).to_string();
            match &l.origin {
                Origin::Bundled => tf(lg, Key::OriginBundled, &[&title]),
                Origin::Url(u) => tf(lg, Key::OriginUrl, &[&title, u]),
                Origin::File(f) => tf(lg, Key::OriginFile, &[&title, f]),
            }
        })
    };
    let is_bundled = move || state.loaded.with(|l| l.origin == Origin::Bundled);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            loader::load_file(state, file);
        }
        input.set_value("");
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        loader::load_url(state, url.get_untracked());
    };
    let reset = move |_| {
        if let Some(ds) = super::bundled_data::kept() {
            state.show_dataset(Prepared::new(ds), Origin::Bundled);
        }
    };

    // Dropping a file anywhere on the page loads it.
    Effect::new(move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let over = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
            ev.prevent_default();
            dragging.set(true);
        });
        let leave = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |_ev: web_sys::DragEvent| dragging.set(false));
        let drop = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
            ev.prevent_default();
            dragging.set(false);
            if let Some(file) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) {
                loader::load_file(state, file);
            }
        });
        let _ = doc.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
        let _ = doc.add_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
        let _ = doc.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
        over.forget();
        leave.forget();
        drop.forget();
    });

    view! {
        <section class="dataset-bar" class:dragging=move || dragging.get() aria-label=move || t(lang.get(), Key::DataRegion)>
            <p class="dataset-name">
                <span class="label">{move || t(lang.get(), Key::Showing)}</span>
                <span data-testid="dataset-name">{label}</span>
            </p>
            <details class="load">
                <summary>{move || t(lang.get(), Key::UseOther)}</summary>
                <form class="load-url" on:submit=on_submit>
                    <label for="data-url">{move || t(lang.get(), Key::UrlLabel)}</label>
                    <div class="row">
                        <input id="data-url" type="text" inputmode="url" autocomplete="url" spellcheck="false" placeholder="https://…/data.json"
                            prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev)) />
                        <button type="submit">{move || t(lang.get(), Key::Load)}</button>
                    </div>
                </form>
                <p class="load-file">
                    <label for="data-file">{move || t(lang.get(), Key::FileLabel)}</label>" "
                    <input id="data-file" type="file" accept=".json,.csv,application/json,text/csv" on:change=on_file />
                </p>
                <p class="hint">
                    {move || t(lang.get(), Key::CsvHint)}" "<a href="data-format.md">{move || t(lang.get(), Key::DataFormat)}</a>
                    " ("<a href="example-dataset.json">{move || t(lang.get(), Key::AnExample)}</a>")."
                </p>
            </details>
            <Show when=move || !is_bundled()>
                <button type="button" class="reset" on:click=reset>{move || t(lang.get(), Key::BackToBundled)}</button>
            </Show>
            <p class="busy" role="status" aria-live="polite" data-testid="busy">
                {move || state.busy.get().or_else(|| state.load_note.get()).unwrap_or_default()}
            </p>
            <Show when=move || state.busy.get().is_some()>
                <button type="button" class="cancel-load" on:click=move |_| loader::cancel_load(state)>{move || t(lang.get(), Key::Cancel)}</button>
            </Show>
        </section>
    }
}
