//! Inside an iframe, the page tells its parent its height whenever it changes
//! (and once a second, as Datawrapper's charts do), in the formats newsrooms'
//! pages already handle: Datawrapper's `{"datawrapper-height": {id: h}}`,
//! pym.js's `pymxPYMx<childId>xPYMxheightxPYMx<h>` (when the page was given a
//! `childId`), and our own `{"type": "liquidity-explorer:height", "height": h}`
//! for public/embed.js.

use crate::core::permalink::Params;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn post(id: &str, child_id: Option<&str>, height: i32) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let dw = js_sys::Object::new();
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &id.into(), &height.into());
    let _ = js_sys::Reflect::set(&dw, &"datawrapper-height".into(), &inner);
    let _ = parent.post_message(&dw, "*");
    if let Some(c) = child_id {
        let _ = parent.post_message(&format!("pymxPYMx{c}xPYMxheightxPYMx{height}").into(), "*");
    }
    let ours = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ours, &"type".into(), &"liquidity-explorer:height".into());
    let _ = js_sys::Reflect::set(&ours, &"height".into(), &height.into());
    let _ = js_sys::Reflect::set(&ours, &"id".into(), &id.into());
    let _ = parent.post_message(&ours, "*");
}

/// Starts telling the parent our height, if we are in a frame.
pub fn start(p: &Params, id: String) {
    let Some(w) = web_sys::window() else { return };
    let framed = w.parent().ok().flatten().is_some_and(|parent| !js_sys::Object::is(&parent, &w));
    if !framed {
        return;
    }
    let Some(doc) = w.document() else { return };
    let Some(root) = doc.document_element() else { return };
    let child = p.child_id.clone();
    let last = std::rc::Rc::new(std::cell::Cell::new(-1));
    let measure = {
        let root = root.clone();
        move |force: bool| {
            let h = root.get_bounding_client_rect().height().ceil() as i32;
            if force || h != last.get() {
                last.set(h);
                post(&id, child.as_deref(), h);
            }
        }
    };
    let on_resize = {
        let m = measure.clone();
        Closure::<dyn FnMut()>::new(move || m(false))
    };
    if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        ro.observe(&root);
    }
    on_resize.forget();
    let tick = Closure::<dyn FnMut()>::new(move || measure(true));
    let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
    tick.forget();
}
