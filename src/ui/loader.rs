//! Getting another dataset into the app: by URL (`?data=` or the form) with
//! gloo-net, or from a file the reader picks or drops. Everything is validated
//! by the core before it replaces what is on show.

use super::state::{AppState, Failure, Origin};
use crate::core::dataset::{Loc, Problem, ProblemKind, MAX_BYTES};
use crate::core::import_csv::load_any_noting;
use crate::core::lang::Lang;
use crate::i18n::{t, tf, Key};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn too_large(bytes: usize) -> Problem {
    Problem::new(Loc::default(), ProblemKind::TooLarge { bytes, limit: MAX_BYTES })
}

fn messages(problems: &[Problem], lang: Lang) -> Vec<String> {
    problems.iter().map(|p| p.message(lang)).collect()
}

/// Validates `text` and shows it, or reports every problem and keeps what was on show.
fn accept(state: AppState, text: &str, name: &str, origin: Origin, what: String) {
    match load_any_noting(text, name) {
        Ok((ds, notes)) => {
            state.show_dataset(ds, origin);
            // Keys the format does not know: the data is on show, and the reader is told what was ignored.
            let lang = state.lang.get_untracked();
            state.notes.set((!notes.is_empty()).then(|| Failure { what: tf(lang, Key::LoadedWithNotes, &[name]), problems: messages(&notes, lang) }));
        }
        Err(problems) => state.failure.set(Some(Failure { what, problems: messages(&problems, state.lang.get_untracked()) })),
    }
}

/// Fetches a dataset (JSON or CSV) from a URL.
pub fn load_url(state: AppState, url: String) {
    super::doing(Key::DoingLoad);
    let url = url.trim().to_string();
    if url.is_empty() {
        return;
    }
    let lang = state.lang.get_untracked();
    state.busy.set(Some(tf(lang, Key::LoadingUrl, &[&url])));
    leptos::task::spawn_local(async move {
        let what = tf(lang, Key::CouldNotUseUrl, &[&url]);
        let result = async {
            // The browser says nothing useful here (CORS refusals are opaque on purpose): say it in plain words.
            let resp = Request::get(&url).send().await.map_err(|_| t(lang, Key::RequestFailed).to_string())?;
            if !resp.ok() {
                return Err(tf(lang, Key::ServerAnswered, &[&format!("{} {}", resp.status(), resp.status_text())]));
            }
            if let Some(len) = resp.headers().get("content-length").and_then(|l| l.parse::<usize>().ok()) {
                if len > MAX_BYTES {
                    return Err(too_large(len).message(state.lang.get_untracked()));
                }
            }
            resp.text().await.map_err(|e| tf(lang, Key::ResponseUnreadable, &[&e.to_string()]))
        }
        .await;
        state.busy.set(None);
        match result {
            Ok(text) if text.len() > MAX_BYTES => {
                state.failure.set(Some(Failure { what, problems: vec![too_large(text.len()).message(state.lang.get_untracked())] }))
            }
            Ok(text) => {
                let name = url.rsplit('/').next().unwrap_or(&url).split(['?', '#']).next().unwrap_or("data").to_string();
                accept(state, &text, &name, Origin::Url(url.clone()), what);
                // The page's own address may choose a view of this dataset.
                let p = super::permalink::initial();
                if p.data.as_deref() == Some(url.as_str()) && state.loaded.with_untracked(|l| l.origin == Origin::Url(url.clone())) {
                    super::permalink::apply(state, &p);
                }
            }
            Err(e) => state.failure.set(Some(Failure { what, problems: vec![e] })),
        }
    });
}

/// Reads a file the reader picked or dropped.
pub fn load_file(state: AppState, file: web_sys::File) {
    super::doing(Key::DoingLoad);
    let name = file.name();
    let lang = state.lang.get_untracked();
    let what = tf(lang, Key::CouldNotUseFile, &[&name]);
    let size = file.size() as usize;
    if size > MAX_BYTES {
        state.failure.set(Some(Failure { what, problems: vec![too_large(size).message(state.lang.get_untracked())] }));
        return;
    }
    state.busy.set(Some(tf(lang, Key::ReadingFile, &[&name])));
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        state.busy.set(None);
        match text {
            Some(text) => accept(state, &text, &name, Origin::File(name.clone()), what),
            None => state.failure.set(Some(Failure { what, problems: vec![t(lang, Key::FileUnreadable).into()] })),
        }
    });
}

/// A parameter of the page's URL, if given and not blank.
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|s| !s.trim().is_empty())
}

/// A `<meta name=… content=…>` of the page (a story page names its story and language).
pub fn page_meta(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    el.get_attribute("content").filter(|c| !c.trim().is_empty() && c.len() <= 64)
}

/// The reader's language: `?lang=ar|en`, else the story page's, else the browser's first preference.
pub fn reader_lang() -> Lang {
    param("lang")
        .and_then(|l| Lang::from_code(&l))
        .or_else(|| page_meta("liquidity-lang").and_then(|l| Lang::from_code(&l)))
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()).and_then(|l| Lang::from_code(&l)))
        .unwrap_or_default()
}
