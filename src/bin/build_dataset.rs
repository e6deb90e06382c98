//! Rebuilds data/dataset.json from data/catalog.json and data/series/*.csv.
//! Usage: `cargo run --bin build-dataset` (from anywhere in the repository).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalog = std::fs::read_to_string(root.join("data/catalog.json")).expect("data/catalog.json");
    let series_dir = root.join("data/series");
    let file = |name: &str| std::fs::read_to_string(series_dir.join(name)).ok();
    match liquidity_explorer::tools::build::build(&catalog, &file) {
        Ok(ds) => {
            let text = liquidity_explorer::core::dataset_json::write(&ds);
            std::fs::write(root.join("data/dataset.json"), &text).expect("write data/dataset.json");
            println!(
                "data/dataset.json: {} series, {} points, {} events, {} facts, {} deals, {} stories, {} sources, {} bytes",
                ds.series.len(),
                ds.total_points(),
                ds.events.len(),
                ds.facts.len(),
                ds.deals.len(),
                ds.stories.len(),
                ds.sources.len(),
                text.len()
            );
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
