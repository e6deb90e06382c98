#!/usr/bin/env bash
# Builds the single-file offline page: dist-offline/is-ai-eating-cryptos-liquidity.html
# opens by double-click (file://) with no network; the bundled dataset is inside.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
exec ./scripts/build.sh
