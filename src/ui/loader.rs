//! Getting another dataset into the app: by URL (`?data=` or the form) with
//! gloo-net, or from a file the reader picks or drops. Everything is validated
//! by the core before it replaces what is on show.

use super::state::{AppState, Failure, Origin, Prepared};
use crate::core::dataset::Dataset;
use crate::core::dataset::{Loc, Problem, ProblemKind, MAX_BYTES};
use crate::core::dataset_json::read_sliced;
use crate::core::fmt::Fmt;
use crate::core::import_csv::{is_json, CsvImport};
use crate::core::json_slices::JsonImport;
use crate::core::lang::Lang;
use crate::core::series::MergeDates;
use crate::i18n::Say;
use crate::i18n::{t, tf, Key};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
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

/// Why bytes could not be taken.
enum Unreceived {
    /// The stream broke off (the browser's words).
    Broken(String),
    /// More than the limit: refused at once, the bytes so far dropped.
    TooLarge(usize),
}

/// The bytes of a stream (a response's body, a file), taken chunk by chunk as
/// the browser hands them over — never gathered into one buffer on the page's
/// thread first — with `told` the count so far (at most ten times a second) and
/// the limit enforced as they come; `None` if the load was cancelled.
async fn receive(stream: Option<web_sys::ReadableStream>, expected: usize, load: u32, told: impl Fn(usize)) -> Option<Result<Vec<u8>, Unreceived>> {
    let Some(stream) = stream else { return Some(Ok(Vec::new())) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(expected.min(MAX_BYTES));
    let mut last_told = now();
    loop {
        let chunk = match JsFuture::from(reader.read()).await {
            Ok(c) => c,
            Err(e) => return Some(Err(Unreceived::Broken(e.as_string().unwrap_or_else(|| format!("{e:?}"))))),
        };
        if !current(load) {
            let _ = reader.cancel();
            return None;
        }
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
        if field("done").and_then(|d| d.as_bool()) != Some(false) {
            return Some(Ok(bytes));
        }
        let Some(piece) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) else {
            return Some(Err(Unreceived::Broken("not bytes".into())));
        };
        let (at, n) = (bytes.len(), piece.length() as usize);
        if at + n > MAX_BYTES {
            let _ = reader.cancel();
            return Some(Err(Unreceived::TooLarge(at + n)));
        }
        bytes.resize(at + n, 0);
        piece.copy_to(&mut bytes[at..]);
        if now() - last_told > 100.0 {
            last_told = now();
            told(bytes.len());
        }
    }
}

/// What a load says while bytes arrive: how many of how many.
fn receiving(state: AppState, name: &str, total: usize) -> impl Fn(usize) + '_ {
    move |got: usize| {
        let lang = state.lang.get_untracked();
        let f = super::intl::intl(lang);
        let mb = |b: usize| f.number(b as f64 / 1_048_576.0, 1);
        let total = if total > 0 { mb(total) } else { "?".into() };
        state.busy.set(Some(tf(lang, Key::Receiving, &[name, &mb(got), &total])));
    }
}

/// The text of a file's bytes, checked as UTF-8 a few megabytes at a time so a
/// big file never holds the page (never a JavaScript string to convert); a file in another encoding
/// is read as the browser would read it, with U+FFFD for what is not UTF-8.
/// `None` if the load was cancelled.
async fn text_of(bytes: Vec<u8>, load: u32) -> Option<String> {
    const SLICE: usize = 4 << 20;
    let mut text = String::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + SLICE).min(bytes.len());
        match std::str::from_utf8(&bytes[at..end]) {
            Ok(piece) => {
                text.push_str(piece);
                at = end;
            }
            // A character cut by the slice's end: it is read with the next slice.
            Err(e) if e.error_len().is_none() && end < bytes.len() && e.valid_up_to() > 0 => {
                text.push_str(std::str::from_utf8(&bytes[at..at + e.valid_up_to()]).unwrap_or_default());
                at += e.valid_up_to();
            }
            Err(_) => return Some(String::from_utf8_lossy(&bytes).into_owned()),
        }
        next_tick().await;
        if !current(load) {
            return None;
        }
    }
    Some(text)
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs `work` on `it` (true once done) in slices of about 20 ms, `between` them
/// letting the page paint and handle input; `None` if the load was cancelled meanwhile.
async fn in_slices<T>(load: u32, it: &mut T, mut work: impl FnMut(&mut T) -> bool, mut between: impl FnMut(&T)) -> Option<()> {
    loop {
        let start = now();
        while now() - start < 20.0 {
            if work(it) {
                return Some(());
            }
        }
        between(it);
        next_tick().await;
        if !current(load) {
            return None;
        }
    }
}

/// Reads `text`, a dataset (JSON) or a CSV, in slices of about 20 ms with its
/// progress said between them — the JSON's points lists or the CSV's rows, then
/// the CSV's order and a series per column, then the timeline of every date —
/// so the page never stops answering; `None` if the load was cancelled.
async fn read(state: AppState, text: String, name: &str, load: u32) -> Option<Result<(Prepared, Vec<Problem>), Vec<Problem>>> {
    let lang = state.lang.get_untracked();
    let progress = |p: (usize, usize, usize)| {
        let f = super::intl::intl(lang);
        let mb = |b: usize| f.number(b as f64 / 1_048_576.0, 1);
        state.busy.set(Some(tf(lang, Key::ReadingProgress, &[name, &mb(p.0), &mb(p.1), &f.number(p.2 as f64, 0)])));
    };
    let (ds, notes) = if is_json(&text) {
        let mut import = match JsonImport::new(text) {
            Ok(i) => i,
            Err(p) => return Some(Err(p)),
        };
        in_slices(
            load,
            &mut import,
            |i| i.step(1 << 18),
            |i| {
                let p = i.progress();
                progress((p.bytes, p.total, p.points))
            },
        )
        .await?;
        super::mark("liquidity:file-read");
        next_tick().await;
        if !current(load) {
            return None;
        }
        match read_sliced(import) {
            Ok(read) => read,
            Err(p) => return Some(Err(p)),
        }
    } else {
        match read_csv(text, name, load, progress).await? {
            Ok(ds) => (ds, Vec::new()),
            Err(p) => return Some(Err(p)),
        }
    };
    super::mark("liquidity:file-built");
    // The timeline (every date of every series, merged) in pieces too.
    let mut merge = MergeDates::new(ds.series.iter().map(|s| &s.series.points[..]));
    in_slices(load, &mut merge, |m| m.step(100_000), |_| ()).await?;
    let dates = merge.finish();
    let ready = Prepared::with_dates(ds, dates);
    super::mark("liquidity:file-prepared");
    next_tick().await;
    current(load).then_some(Ok((ready, notes)))
}

/// A CSV's rows, then their order and a series per column, in slices.
async fn read_csv(text: String, name: &str, load: u32, progress: impl Fn((usize, usize, usize))) -> Option<Result<Dataset, Vec<Problem>>> {
    let mut import = match CsvImport::new(text, name) {
        Ok(i) => i,
        Err(p) => return Some(Err(p)),
    };
    let mut failed = None;
    let reading = |import: &mut CsvImport| match import.step(2_000) {
        Ok(done) => done,
        Err(p) => {
            failed = Some(p);
            true
        }
    };
    in_slices(load, &mut import, reading, |i| {
        let p = i.progress();
        progress((p.bytes, p.total, p.points))
    })
    .await?;
    if let Some(p) = failed {
        return Some(Err(p));
    }
    super::mark("liquidity:file-read");
    let mut build = match import.build() {
        Ok(b) => b,
        Err(p) => return Some(Err(p)),
    };
    in_slices(load, &mut build, |b| b.step(), |_| ()).await?;
    Some(build.finish())
}

/// Shows what was read, or reports every problem and keeps what was on show.
fn accept(state: AppState, result: Result<(Prepared, Vec<Problem>), Vec<Problem>>, name: &str, origin: Origin, what: String) {
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
            let len = resp.headers().get("content-length").and_then(|l| l.parse::<usize>().ok()).unwrap_or(0);
            if len > MAX_BYTES {
                return Err(too_large(len).say(state.lang.get_untracked()));
            }
            Ok((resp, len))
        }
        .await;
        if !current(load) {
            return;
        }
        let name = url.rsplit('/').next().unwrap_or(&url).split(['?', '#']).next().unwrap_or("data").to_string();
        let result = match result {
            Ok((resp, len)) => match receive(resp.body(), len, load, receiving(state, &name, len)).await {
                None => return,
                Some(Ok(bytes)) => Ok(bytes),
                Some(Err(Unreceived::TooLarge(n))) => Err(too_large(n).say(state.lang.get_untracked())),
                Some(Err(Unreceived::Broken(e))) => Err(tf(lang, Key::ResponseUnreadable, &[&e])),
            },
            Err(e) => Err(e),
        };
        match result {
            Ok(bytes) => {
                super::mark("liquidity:file-fetched");
                let Some(text) = text_of(bytes, load).await else { return };
                let Some(result) = read(state, text, &name, load).await else { return };
                super::mark("liquidity:file-accept");
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
        let bytes = match receive(Some(file.stream()), size, load, receiving(state, &name, size)).await {
            None => return,
            Some(Ok(bytes)) => Some(bytes),
            Some(Err(Unreceived::TooLarge(n))) => {
                state.busy.set(None);
                state.failure.set(Some(Failure { what, problems: vec![too_large(n).say(state.lang.get_untracked())] }));
                return;
            }
            Some(Err(Unreceived::Broken(_))) => None,
        };
        match bytes {
            Some(bytes) => {
                let Some(text) = text_of(bytes, load).await else { return };
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
