//! Is AI eating crypto's liquidity? An interactive explorer.
//!
//! Layers, each depending only on the ones above it:
//! - [`core`]: pure Rust (dates, series, timeline, axes, bundled data), tested natively;
//! - [`chart`]: drawing against plotters' `DrawingBackend` (canvas on screen, SVG in tests);
//! - `ui`: thin Leptos components (browser only).

pub mod chart;
pub mod core;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;
