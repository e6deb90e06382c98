#!/usr/bin/env bash
# Prints the size of the built files, raw and gzip -9 (build first: trunk build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run trunk build --release first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in $(cd dist && find . -type f | sort); do
  raw=$(stat -c %s "dist/$f"); gz=$(gzip -9c "dist/$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${f#./}" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
