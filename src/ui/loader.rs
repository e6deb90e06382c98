//! Getting another dataset into the app: by URL (`?data=` or the form) with
//! gloo-net, or from a file the reader picks or drops. Everything is validated
//! by the core before it replaces what is on show.

use super::state::{AppState, Failure, Origin};
use crate::core::dataset::Dataset;
use crate::core::dataset::{Loc, Problem, ProblemKind, MAX_BYTES};
use crate::core::fmt::Fmt;
use crate::core::import_csv::{load_any_noting, CsvImport};
use crate::core::lang::Lang;
use crate::i18n::Say;
use crate::i18n::{t, tf, Key};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn too_large(bytes: usize) -> Problem {
    Problem::new(Loc::default(), ProblemKind::TooLarge { bytes, limit: MAX_BYTES })
}

fn messages(problems: &[Problem], lang: Lang) -> Vec<String> {
    problems.iter().map(|p| p.say(lang)).collect()
}

thread_local! {
    /// The load under way: a newer load, or Cancel, makes an older one stop at its next slice.
    static LOAD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Starts a load (stopping any under way) and returns its number.
fn begin_load(state: AppState) -> u32 {
    state.load_note.set(None);
    LOAD.with(|l| {
        l.set(l.get().wrapping_add(1));
        l.get()
    })
}

fn current(load: u32) -> bool {
    LOAD.with(|l| l.get()) == load
}

/// The reader's Cancel: the load under way stops, and the chart stays as it was.
pub fn cancel_load(state: AppState) {
    LOAD.with(|l| l.set(l.get().wrapping_add(1)));
    if state.busy.get_untracked().is_some() {
        state.busy.set(None);
        state.load_note.set(Some(t(state.lang.get_untracked(), Key::LoadCancelled).to_string()));
    }
}

/// Lets the browser paint and handle input before the next slice of work.
async fn next_tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(p).await;
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Reads `text`, a dataset (JSON, in one piece) or a CSV (in slices of about
/// 20 ms, its progress said between them); `None` if the load was cancelled.
async fn read(state: AppState, text: String, name: &str, load: u32) -> Option<Result<(Dataset, Vec<Problem>), Vec<Problem>>> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        return Some(load_any_noting(&text, name));
    }
    let mut import = match CsvImport::new(text, name) {
        Ok(i) => i,
        Err(p) => return Some(Err(p)),
    };
    let lang = state.lang.get_untracked();
    loop {
        let start = now();
        let done = loop {
            match import.step(2_000) {
                Ok(false) if now() - start < 20.0 => {}
                other => break other,
            }
        };
        match done {
            Err(p) => return Some(Err(p)),
            Ok(true) => break,
            Ok(false) => {}
        }
        let p = import.progress();
        let f = super::intl::intl(lang);
        let mb = |b: usize| f.number(b as f64 / 1_048_576.0, 1);
        state.busy.set(Some(tf(lang, Key::ReadingProgress, &[name, &mb(p.bytes), &mb(p.total), &f.number(p.points as f64, 0)])));
        next_tick().await;
        if !current(load) {
            return None;
        }
    }
    super::mark("liquidity:file-read");
    // Ordering the rows, then a series per column, the page painting between them.
    let mut build = match import.build() {
        Ok(b) => b,
        Err(p) => return Some(Err(p)),
    };
    loop {
        next_tick().await;
        if !current(load) {
            return None;
        }
        let start = now();
        while now() - start < 20.0 {
            if build.step() {
                super::mark("liquidity:file-built");
                let built = build.finish().map(|ds| (ds, Vec::new()));
                next_tick().await;
                return current(load).then_some(built);
            }
        }
    }
}

/// Shows what was read, or reports every problem and keeps what was on show.
fn accept(state: AppState, result: Result<(Dataset, Vec<Problem>), Vec<Problem>>, name: &str, origin: Origin, what: String) {
    match result {
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
    let load = begin_load(state);
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
                    return Err(too_large(len).say(state.lang.get_untracked()));
                }
            }
            resp.text().await.map_err(|e| tf(lang, Key::ResponseUnreadable, &[&e.to_string()]))
        }
        .await;
        if !current(load) {
            return;
        }
        match result {
            Ok(text) if text.len() > MAX_BYTES => {
                state.busy.set(None);
                state.failure.set(Some(Failure { what, problems: vec![too_large(text.len()).say(state.lang.get_untracked())] }))
            }
            Ok(text) => {
                let name = url.rsplit('/').next().unwrap_or(&url).split(['?', '#']).next().unwrap_or("data").to_string();
                let Some(result) = read(state, text, &name, load).await else { return };
                state.busy.set(None);
                accept(state, result, &name, Origin::Url(url.clone()), what);
                super::mark("liquidity:file-shown");
                // The page's own address may choose a view of this dataset.
                let p = super::permalink::initial();
                if p.data.as_deref() == Some(url.as_str()) && state.loaded.with_untracked(|l| l.origin == Origin::Url(url.clone())) {
                    super::permalink::apply(state, &p);
                }
            }
            Err(e) => {
                state.busy.set(None);
                state.failure.set(Some(Failure { what, problems: vec![e] }))
            }
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
        state.failure.set(Some(Failure { what, problems: vec![too_large(size).say(state.lang.get_untracked())] }));
        return;
    }
    let load = begin_load(state);
    state.busy.set(Some(tf(lang, Key::ReadingFile, &[&name])));
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        if !current(load) {
            return;
        }
        match text {
            Some(text) => {
                let Some(result) = read(state, text, &name, load).await else { return };
                state.busy.set(None);
                accept(state, result, &name, Origin::File(name.clone()), what)
            }
            None => {
                state.busy.set(None);
                state.failure.set(Some(Failure { what, problems: vec![t(lang, Key::FileUnreadable).into()] }))
            }
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
