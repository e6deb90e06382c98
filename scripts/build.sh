#!/usr/bin/env bash
# Builds the site to host, into dist/ (installs what is missing first):
# the app (trunk build --release, whose hook adds the Content-Security-Policy and
# the service worker), the single-file offline copy (dist/ and dist-offline/),
# a page and a preview card per story and language, index.html's fallback
# without JavaScript, dataset.json, and a zip of the whole site beside it
# (dist-offline/is-ai-eating-cryptos-liquidity-site.zip), and serve-ready .br/.gz copies. SITE_URL=https://…/ gives
# the preview cards absolute addresses (social networks want them).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release
node scripts/offline.mjs dist dist-offline/is-ai-eating-cryptos-liquidity.html
cargo run --release --locked --quiet --bin pages -- dist
# Again, now that the story pages exist: their policy, and the service worker's file list.
node scripts/post_build.mjs dist
# Serve-ready .br and .gz copies of the text files, for hosts that serve them as they are.
node scripts/compress.mjs dist
rm -f dist-offline/is-ai-eating-cryptos-liquidity-site.zip
if command -v python3 >/dev/null; then
  (cd dist && python3 -m zipfile -c ../dist-offline/is-ai-eating-cryptos-liquidity-site.zip .)
else
  echo "no python3: the site's zip is left out" >&2
fi
say "Built dist/ ($(du -sh dist | cut -f1)) and dist-offline/"
