// Makes the single-file offline page: everything Trunk built (CSS, the JS glue,
// the Wasm, the bundled dataset) inlined into one HTML file that opens by
// double-click from file:// with no network. A .wasm can't be fetched from
// file://, so the Wasm travels as base64 and the glue is imported from a Blob.
//
//   node scripts/offline.mjs [dist] [out.html]
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { inlineHashes, policy, withPolicy } from './csp.mjs';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || 'dist-offline/is-ai-eating-cryptos-liquidity.html';
const files = readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`no ${re} in ${dist}: run trunk build --release first`);
  return join(dist, f);
};
let html = readFileSync(join(dist, 'index.html'), 'utf8');
// The single file registers no service worker (it is one file, opened from file://) and offers no download of itself.
html = html.replace('<html lang="en" dir="ltr">', '<html lang="en" dir="ltr" data-offline-copy="1">');
const glue = readFileSync(pick(/^liquidity-explorer-[0-9a-f]+\.js$/));
const wasm = readFileSync(pick(/^liquidity-explorer-[0-9a-f]+_bg\.wasm$/));
// The bundled dataset travels inline as data (never run): `</` written `<\/`, which JSON reads the same
// (a `<` can only stand inside a JSON string), so no text in it can close the element.
const data = readFileSync(pick(/^dataset-[0-9a-f]+\.json$/), 'utf8').replaceAll('</', '<\\/');

// (The stylesheet is inside index.html already: scripts/post_build.mjs, Trunk's hook, put it there.)
if (!html.includes('<style>')) throw new Error('index.html carries no stylesheet: run trunk build --release (its hook puts it inside)');
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*>/g, '');
const start = html.indexOf('<script type="module">');
const end = html.indexOf('</script>', start) + '</script>'.length;
if (start < 0) throw new Error('no module script in index.html');
const boot = `<script type="module">
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const glue = new TextDecoder().decode(bytes("${glue.toString('base64')}"));
const url = URL.createObjectURL(new Blob([glue], { type: 'text/javascript' }));
const bindings = await import(url);
const wasm = await bindings.default({ module_or_path: bytes("${wasm.toString('base64')}") });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>`;
html = html.slice(0, start) + `<script type="application/json" id="bundled-data">${data}</script>\n` + boot + html.slice(end);
// The same policy, adapted to one file: its own inline scripts' hashes, and blob: for the glue.
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
html = withPolicy(html, policy(inlineHashes(html), { offline: true }));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
// The same file in the built site, for the page's "Download for offline use".
writeFileSync(join(dist, 'is-ai-eating-cryptos-liquidity.html'), html);
console.log(`${out} (and ${dist}/): ${(html.length / 1024).toFixed(0)} KB`);
