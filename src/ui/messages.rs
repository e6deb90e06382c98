//! Driven by the page around it: the parent window may post
//! `{"type": "liquidity-explorer:step", "story": "oracle", "step": 3}` and the
//! chart moves to that step (public/embed.js does so as the reader scrolls).
//! From any origin — it only asks to show public data — but only from the
//! parent; any other shape, an unknown story or a step out of range is ignored.

use super::state::{AppState, Opening};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A well-formed step message: (story id, 0-based step).
pub fn read_step(data: &JsValue) -> Option<(String, usize)> {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return None;
    }
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).ok();
    if get("type")?.as_string()? != "liquidity-explorer:step" {
        return None;
    }
    let story = get("story")?.as_string().filter(|s| !s.is_empty() && s.len() <= 64)?;
    let step = get("step")?.as_f64().filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= 999.0)? as usize;
    Some((story, step - 1))
}

pub fn listen(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(w) = web_sys::window() else { return };
        let Ok(Some(parent)) = w.parent() else { return };
        let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent)) && !js_sys::Object::is(&parent, &w);
        if !from_parent {
            return;
        }
        let Some((story, step)) = read_step(&e.data()) else { return };
        let steps = state.loaded.with_untracked(|l| l.dataset.story(&story).map_or(0, |s| s.steps.len()));
        if step >= steps {
            return;
        }
        if state.story.get_untracked() == story && state.step.get_untracked() == step && state.on_step.get_untracked() {
            return;
        }
        state.open(Some(&story), Some(step), Opening::Glide);
    });
    let _ = w.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    cb.forget();
}
