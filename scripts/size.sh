#!/usr/bin/env bash
# Prints the size of the built files, raw, gzip and brotli, and the first view's
# total (build first: ./scripts/build.sh). See scripts/size.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run ./scripts/build.sh first" >&2; exit 1; }
exec node scripts/size.mjs dist
