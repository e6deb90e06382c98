// Serve-ready compressed copies beside each text file of the built site
// (file.br, brotli quality 11; file.gz, gzip -9), for hosts that serve
// precompressed files (nginx gzip_static/brotli_static, Caddy precompressed,
// most CDNs). Hosts that compress on the fly can ignore them.
//
//   node scripts/compress.mjs [dist]
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const text = /\.(html|js|mjs|wasm|css|json|svg|md|txt)$/;
let raw = 0, br = 0, n = 0;
for (const f of readdirSync(dir).sort()) {
  const p = join(dir, f);
  if (!text.test(f) || !statSync(p).isFile()) continue;
  const data = readFileSync(p);
  if (data.length < 1024) continue; // not worth a second request's negotiation
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  writeFileSync(`${p}.br`, b);
  writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
  raw += data.length; br += b.length; n++;
}
console.log(`compress: ${n} files, ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
