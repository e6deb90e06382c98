#!/usr/bin/env bash
# Sets up what is missing (build tools, Chromium, chromedriver, Arabic fonts),
# then runs every test: native unit and chart tests, a release build, and the
# end-to-end tests in headless Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
apt_need chromium chromium-driver fonts-noto-core

say "Native tests (core, chart drawn to SVG)"
cargo test --locked --lib --bins --test chart_svg

say "Release build (trunk build --release)"
trunk build --release

say "End-to-end tests in headless Chromium"
cargo test --locked --test e2e
