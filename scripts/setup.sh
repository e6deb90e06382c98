#!/usr/bin/env bash
# Installs what building the app needs, skipping whatever is already there.
# Everything comes from the package registries (crates.io, npm, rustup); Trunk
# is then told to use these local tools and never to download (Trunk.toml).
# Source it (`. scripts/setup.sh`) to get the tools on PATH, or run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen in Cargo.lock
BINARYEN_VERSION=132.0.0       # wasm-opt; Debian's binaryen 108 breaks the page

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages, installed only when missing: apt_need <command-or-package>...
apt_need() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} (apt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  fi
}

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
command -v npm >/dev/null || apt_need nodejs npm

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "Installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile wants a webpki-roots the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm tools pinned in tools/package.json (and its lockfile): wasm-opt, axe-core for the tests, uPlot for the benchmark.
if ! "$ROOT/tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" \
   || [ ! -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ] \
   || [ ! -f "$ROOT/tools/node_modules/uplot/dist/uPlot.iife.min.js" ]; then
  say "Installing wasm-opt (binaryen $BINARYEN_VERSION), axe-core and uPlot into tools/ (npm)"
  (cd "$ROOT/tools" && npm ci --no-audit --no-fund >/dev/null)
fi
