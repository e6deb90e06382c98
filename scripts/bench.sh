#!/usr/bin/env bash
# The benchmark (not part of the test command): native speed figures for the core
# and the drawing, then the release build measured in headless Chromium against
# uPlot on the same data (tests/browser_bench.rs), with the sizes of every served
# file. Figures, not tests. `./scripts/bench.sh 1M bundled` runs only those cases.
# Writes target/bench/browser.md; docs/performance.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
apt_need chromium chromium-driver fonts-noto-core
say "Native figures (release)"
cargo run --locked --release --bin bench
say "Release build"
./scripts/build.sh >/dev/null
say "In headless Chromium: ours against uPlot"
cargo test --locked --test browser_bench -- --full "$@"
