#!/usr/bin/env bash
# Prints speed figures (native, release) and the sizes of the built files.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cargo run --locked --release --bin bench
./scripts/build.sh >/dev/null 2>&1
./scripts/size.sh
