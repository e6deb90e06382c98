// Trunk's post_build hook (Trunk.toml), on the staging folder, in order:
// 0. the bundled dataset beside the app, as dataset-<hash>.json (named by its
//    content, so a host may cache it for ever), and in every app page a
//    <link rel="preload" data-dataset> naming it: the browser fetches it in
//    parallel with the Wasm, and the app reads the name from the link;
// 1. the stylesheet inside every app page (<style>, where Trunk wrote a <link>):
//    the first screen is laid out as soon as the page has arrived, without a
//    request for the CSS first (on a fast link that request cost a frame);
// 2. the Content-Security-Policy of every page (scripts/csp.mjs);
// 3. sw.js, the service worker that keeps the site working offline after one
//    visit: it lists this build's own files and is versioned by their content,
//    so a new release replaces the cache and the old one is deleted.
// By hand: `node scripts/post_build.mjs dist`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { applyPolicies } from './csp.mjs';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/post_build.mjs <folder> (or run as a Trunk hook)');
bundleDataset(dir);
inlineStylesheet(dir);
applyPolicies(dir);

// The files a reader's visit needs (the offline download and the host's headers file are not among them).
// (Preview cards are for other sites' crawlers; dataset.json is a download; the first pictures are seen
// before the app starts, which offline it does at once.)
const skip = new Set(['sw.js', '_headers', 'is-ai-eating-cryptos-liquidity.html', 'dataset.json']);
const files = readdirSync(dir).filter((f) => !skip.has(f) && !/\.(png|br|gz)$/.test(f) && !/^first-.*\.svg$/.test(f) && statSync(join(dir, f)).isFile()).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = `liquidity-${hash.digest('hex').slice(0, 16)}`;
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');
const sw = template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(['./', ...files]));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`sw.js: ${files.length} files, cache ${version}`);

function bundleDataset(dir) {
  const data = readFileSync(new URL('../data/dataset.json', import.meta.url));
  const name = `dataset-${createHash('sha256').update(data).digest('hex').slice(0, 16)}.json`;
  for (const f of readdirSync(dir)) if (/^dataset-[0-9a-f]+\.json$/.test(f) && f !== name) unlinkSync(join(dir, f));
  writeFileSync(join(dir, name), data);
  const link = `<link rel="preload" href="./${name}" as="fetch" crossorigin="anonymous" data-dataset>`;
  let pages = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.html') || f === 'is-ai-eating-cryptos-liquidity.html') continue;
    const html = readFileSync(join(dir, f), 'utf8');
    if (!/liquidity-explorer-[0-9a-f]+\.js/.test(html)) continue; // not a page of the app
    const out = /<link rel="preload"[^>]*data-dataset>/.test(html)
      ? html.replace(/<link rel="preload"[^>]*data-dataset>/, link)
      : html.replace(/<\/head>/i, `  ${link}\n</head>`);
    writeFileSync(join(dir, f), out);
    pages++;
  }
  console.log(`dataset: ${name} (${(data.length / 1024).toFixed(0)} KB), preloaded by ${pages} pages`);
}

function inlineStylesheet(dir) {
  const link = /<link rel="stylesheet" href="\.\/(app-[0-9a-f]+\.css)"[^>]*>/;
  let pages = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.html') || f === 'is-ai-eating-cryptos-liquidity.html') continue;
    const html = readFileSync(join(dir, f), 'utf8');
    const m = html.match(link);
    if (!m || !/liquidity-explorer-[0-9a-f]+\.js/.test(html)) continue;
    const css = readFileSync(join(dir, m[1]), 'utf8');
    writeFileSync(join(dir, f), html.replace(link, () => `<style>\n${css}\n</style>`));
    pages++;
  }
  if (pages) console.log(`stylesheet: inside ${pages} pages`);
}
