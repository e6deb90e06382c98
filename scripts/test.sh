#!/usr/bin/env bash
# Sets up what is missing (build tools, Chromium, chromedriver, Arabic fonts),
# then runs every test: native unit and chart tests, a release build, and the
# end-to-end tests in headless Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
apt_need chromium chromium-driver fonts-noto-core

say "Native tests (core, chart drawn to SVG, dataset and its sources)"
native=()
for f in tests/*.rs; do
  name=$(basename "$f" .rs)
  case "$name" in e2e|browser_bench) ;; *) native+=(--test "$name") ;; esac
done
cargo test --locked --lib --bins "${native[@]}"

say "Formatting in the browser (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test intl_web

say "Release build of the site (scripts/build.sh: the app, the offline copy, the story pages and cards)"
./scripts/build.sh

say "End-to-end tests in headless Chromium"
cargo test --locked --test e2e

say "The browser benchmark's smoke run (every figure printed; no timing is asserted)"
cargo test --locked --test browser_bench -- --smoke
