//! Is AI eating crypto's liquidity? An interactive explorer.
//!
//! Layers, each depending only on the ones above it:
//! - [`core`]: pure Rust (dates, series, timeline, axes, bundled data), tested natively;
//! - [`i18n`]: every word the page says, in English and Arabic (interface strings and the core's problems);
//! - [`chart`]: drawing against plotters' `DrawingBackend` (canvas on screen, SVG in tests);
//! - `ui`: thin Leptos components (browser only);
//! - [`tools`]: native only: the dataset builder and the fuzz checks.

pub mod chart;
pub mod core;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

#[cfg(target_arch = "wasm32")]
pub mod ui;
