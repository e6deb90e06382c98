//! Native tools over the core and its words, never in the Wasm: the dataset
//! builder (`cargo run --bin build-dataset`) and the checks the fuzz targets run.

pub mod build;
pub mod fuzz;
