#!/usr/bin/env bash
# Sets up what is missing, builds the app with its bundled dataset, and serves
# it at http://127.0.0.1:8080/ (PORT=... to change). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
PORT="${PORT:-8080}"
say "Serving at http://127.0.0.1:$PORT/"
exec trunk serve --release --port "$PORT"
