// The size of every built file, raw, gzip -9 and brotli 11, and of the first
// view: what a reader's browser fetches before the first chart (the page, its
// CSS, the JS glue, the Wasm and the bundled dataset).
//
//   node scripts/size.mjs [dist]     (build first: ./scripts/build.sh)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const first = [/^index\.html$/, /^app-.*\.css$/, /^liquidity-explorer-[0-9a-f]+\.js$/, /^liquidity-explorer-[0-9a-f]+_bg\.wasm$/, /^dataset-[0-9a-f]+\.json$/];
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const rows = [];
for (const f of readdirSync(dir).sort()) {
  const p = join(dir, f);
  if (!statSync(p).isFile() || /\.(br|gz)$/.test(f)) continue;
  const d = readFileSync(p);
  const gz = gzipSync(d, { level: 9 }).length;
  const br = brotliCompressSync(d, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ f, raw: d.length, gz, br, first: first.some((re) => re.test(f)) });
}
console.log(`${'file (KB)'.padEnd(48)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${(r.first ? '* ' : '  ') + r.f}`.padEnd(48) + kb(r.raw) + kb(r.gz) + kb(r.br));
const sum = (k, only) => rows.filter((r) => !only || r.first).reduce((a, r) => a + r[k], 0);
console.log(`${'* the first view'.padEnd(48)}${kb(sum('raw', 1))}${kb(sum('gz', 1))}${kb(sum('br', 1))}`);
console.log(`${'  every file'.padEnd(48)}${kb(sum('raw'))}${kb(sum('gz'))}${kb(sum('br'))}`);
