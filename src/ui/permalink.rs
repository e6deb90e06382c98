//! The address is the view: read once at startup (and again when a `?data=`
//! dataset arrives), and rewritten when the view changes — with
//! `history.replaceState`, after a short pause, so scrubbing adds no history
//! entries and no flood of updates.

use super::state::{AppState, Opening, Origin, ThemePref};
use crate::core::dataset::Mode;
use crate::core::permalink::{parse, to_query, Params};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's parameters as it was opened.
pub fn initial() -> Params {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let mut p = parse(&search);
    // A story page (oracle.html) opens on its story unless the address names another.
    if p.story.is_none() {
        p.story = super::loader::page_meta("liquidity-story").and_then(|s| parse(&format!("story={s}")).story);
    }
    p
}

/// Applies a view from the address to the dataset on show; what does not fit
/// it (an unknown story or series) is ignored. An address with a story and no
/// view of its own opens the story on its step (`step=`, else the first); one
/// with a view (today's permalinks) opens exactly that view.
pub fn apply(state: AppState, p: &Params) {
    let ds = state.loaded.with_untracked(|l| l.dataset.clone());
    let step = p.step.map(|n| n - 1);
    if let Some(story) = p.story.as_deref().filter(|s| ds.story(s).is_some()) {
        state.open(Some(story), step, Opening::Own);
    }
    if let Some(series) = p.series.as_deref().filter(|s| ds.series(s).is_some()) {
        state.show_series(series);
    }
    if let Some(compare) = &p.compare {
        let main = state.series.get_untracked();
        state.compare.set(compare.iter().filter(|c| ds.series(c).is_some() && **c != main).cloned().collect());
    }
    if let Some(m) = p.mode {
        state.mode.set(m);
    }
    if let Some(l) = p.log {
        state.log.set(l);
    }
    if p.bars.is_some() {
        state.bars.set(p.bars);
    }
    if let Some(t) = p.table {
        state.show_table.set(t);
    }
    if let Some((a, b)) = p.time {
        state.set_dates(a, b);
    } else if p.has_view() {
        // Today's permalinks without a time: the story's own window, as before steps.
        state.reset_window();
    }
    if let Some(c) = p.cursor {
        state.cursor.set(Some(c));
    }
}

/// The view as parameters, keeping the page's embedding flags. On a step the
/// address names the step; off the guided path it holds the whole view.
pub fn current(state: AppState, base: &Params) -> Params {
    let (story_id, series, compare, mode) = (state.story.get(), state.series.get(), state.compare.get(), state.mode.get());
    let flags = Params {
        story: (!story_id.is_empty()).then_some(story_id.clone()),
        table: state.show_table.get().then_some(true),
        lang: Some(state.lang.get()),
        dark: match state.theme.get() {
            ThemePref::Auto => None,
            ThemePref::Dark => Some(true),
            ThemePref::Light => Some(false),
        },
        data: state.loaded.with(|l| match &l.origin {
            Origin::Url(u) => Some(u.clone()),
            _ => None,
        }),
        embed: base.embed,
        plain: base.plain,
        transparent: base.transparent,
        child_id: base.child_id.clone(),
        ..Params::default()
    };
    if state.on_step.get() {
        return Params { step: Some(state.step.get() + 1), ..flags };
    }
    let (default_series, default_compare, default_mode) = state.loaded.with(|l| {
        l.dataset.story(&story_id).map(|s| (s.series.first().cloned(), s.series.iter().skip(1).cloned().collect::<Vec<_>>(), s.mode)).unwrap_or((
            None,
            Vec::new(),
            Mode::Absolute,
        ))
    });
    let time = state.timeline.with(|t| t.dates(state.window.get()));
    Params {
        series: (Some(&series) != default_series.as_ref()).then_some(series),
        compare: (compare != default_compare).then_some(compare),
        mode: (mode != default_mode).then_some(mode),
        log: state.log.get().then_some(true),
        bars: state.bars.get(),
        time,
        cursor: state.cursor.get(),
        ..flags
    }
}

/// The permalink of the view. With the bundled data it is the story's own
/// page (`oracle.html`, `oracle-ar.html` in Arabic), so a shared link shows that
/// story's preview card; the query then holds the rest of the view.
pub fn link(state: AppState, base: &Params) -> String {
    format!("{}?{}", page_path(state), to_query(&current(state, base)))
}

/// The address of the page a view is shared from: the story's own page with the
/// bundled data (`…/oracle.html`, `…/oracle-ar.html`), else this page's.
pub fn page_path(state: AppState) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or("").to_string();
    let story = state.story.get();
    let bundled = state.loaded.with(|l| l.origin == Origin::Bundled);
    if bundled && !story.is_empty() && !super::offline::is_offline_copy() {
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{story}{}.html", if state.lang.get() == crate::core::lang::Lang::Ar { "-ar" } else { "" })
    } else {
        path
    }
}

/// Keeps the address in step with the view.
pub fn sync(state: AppState, base: Params) {
    let pending = StoredValue::new(None::<i32>);
    Effect::new(move |_| {
        let query = to_query(&current(state, &base));
        let Some(w) = web_sys::window() else { return };
        if let Some(h) = pending.get_value() {
            w.clear_timeout_with_handle(h);
        }
        let cb = Closure::once_into_js(move || {
            let Some(w) = web_sys::window() else { return };
            let (Ok(history), Ok(path)) = (w.history(), w.location().pathname()) else { return };
            let hash = w.location().hash().unwrap_or_default();
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}?{query}{hash}")));
        });
        pending.set_value(w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 250).ok());
    });
}
