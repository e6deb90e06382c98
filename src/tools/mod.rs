//! Native tools over the core and its words, never in the Wasm: the dataset
//! builder (`cargo run --bin build-dataset`), the checks the fuzz targets run,
//! and the pages' first screens (`cargo run --bin pages`).

pub mod build;
pub mod first_screen;
pub mod fuzz;
