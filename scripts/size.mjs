// The size of every built file, raw, gzip -9 and brotli 11, and of the first
// view: what a reader's browser fetches before the first chart (the page, its
// CSS, its first picture, the JS glue, the Wasm and the bundled dataset), and
// of what it needs to see the data drawn (the page, its CSS, its first picture).
//
//   node scripts/size.mjs [dist]     (build first: ./scripts/build.sh)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
// The picture index.html shows first (pages.rs names it; English, light, wide: the default reader's).
let picture = null;
// The stylesheet counts where the page links it (the build puts it inside the page).
let linked = true;
try {
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = page.match(/<meta name="liquidity-first" content="([^"]+)"/);
  if (m) picture = `${m[1]}-en-light-wide.svg`;
  linked = /<link rel="stylesheet"[^>]*app-[0-9a-f]+\.css/.test(page);
} catch {}
const css = linked ? [/^app-.*\.css$/] : [];
const first = [/^index\.html$/, ...css, /^liquidity-explorer-[0-9a-f]+\.js$/, /^liquidity-explorer-[0-9a-f]+_bg\.wasm$/, /^dataset-[0-9a-f]+\.json$/];
// What the reader needs to see the data drawn: the page, its CSS and its first picture.
const seen = [/^index\.html$/, ...css];
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const rows = [];
for (const f of readdirSync(dir).sort()) {
  const p = join(dir, f);
  if (!statSync(p).isFile() || /\.(br|gz)$/.test(f)) continue;
  const d = readFileSync(p);
  const gz = gzipSync(d, { level: 9 }).length;
  const br = brotliCompressSync(d, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ f, raw: d.length, gz, br, first: first.some((re) => re.test(f)) || f === picture, seen: seen.some((re) => re.test(f)) || f === picture });
}
console.log(`${'file (KB)'.padEnd(48)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${(r.first ? '* ' : '  ') + r.f}`.padEnd(48) + kb(r.raw) + kb(r.gz) + kb(r.br));
const sum = (k, only) => rows.filter((r) => !only || r[only]).reduce((a, r) => a + r[k], 0);
console.log(`${'* the first view'.padEnd(48)}${kb(sum('raw', 'first'))}${kb(sum('gz', 'first'))}${kb(sum('br', 'first'))}`);
if (picture) console.log(`${'  its first picture (page, CSS, picture)'.padEnd(48)}${kb(sum('raw', 'seen'))}${kb(sum('gz', 'seen'))}${kb(sum('br', 'seen'))}`);
console.log(`${'  every file'.padEnd(48)}${kb(sum('raw'))}${kb(sum('gz'))}${kb(sum('br'))}`);
