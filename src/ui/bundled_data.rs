//! The bundled dataset, as the page brings it: inline in the offline single
//! file (`<script type="application/json" id="bundled-data">`), else fetched
//! from the address the page names (`<link rel="preload" data-dataset href=…>`,
//! which the browser starts downloading beside the Wasm), else `dataset.json`.
//! Kept once read, for "back to the bundled data".

use crate::core::bundled;
use crate::core::dataset::{Dataset, Problem};
use gloo_net::http::Request;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static KEPT: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

/// Why the bundled data is not on show.
pub enum Failure {
    /// It did not arrive (the network, the host): what the browser said.
    Unloaded(String),
    /// It arrived but does not read (cannot happen with a tested build).
    Unreadable(Vec<Problem>),
}

/// Reads the bundled dataset, the first time from the page or the network.
pub async fn load() -> Result<Dataset, Failure> {
    if let Some(ds) = kept() {
        return Ok(ds);
    }
    let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| Failure::Unloaded("no document".into()))?;
    let text = match doc.get_element_by_id("bundled-data").and_then(|e| e.text_content()) {
        Some(t) => t,
        None => {
            let url = doc.query_selector("link[data-dataset]").ok().flatten().and_then(|l| l.get_attribute("href")).unwrap_or_else(|| "dataset.json".into());
            fetch(&url).await.map_err(Failure::Unloaded)?
        }
    };
    let ds = bundled::read(&text).map_err(Failure::Unreadable)?;
    KEPT.with(|k| *k.borrow_mut() = Some(Rc::new(ds.clone())));
    Ok(ds)
}

/// The bundled dataset, once loaded.
pub fn kept() -> Option<Dataset> {
    KEPT.with(|k| k.borrow().as_ref().map(|d| (**d).clone()))
}

async fn fetch(url: &str) -> Result<String, String> {
    let r = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !r.ok() {
        return Err(format!("{url}: HTTP {}", r.status()));
    }
    r.text().await.map_err(|e| format!("{url}: {e}"))
}
