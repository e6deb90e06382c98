#[cfg(target_arch = "wasm32")]
fn main() {
    liquidity_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build and serve it with ./scripts/serve.sh (see README.md).");
}
