// Trunk's post_build hook (Trunk.toml), on the staging folder, in order:
// 1. the Content-Security-Policy of every page (scripts/csp.mjs);
// 2. sw.js, the service worker that keeps the site working offline after one
//    visit: it lists this build's own files and is versioned by their content,
//    so a new release replaces the cache and the old one is deleted.
// By hand: `node scripts/post_build.mjs dist`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyPolicies } from './csp.mjs';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/post_build.mjs <folder> (or run as a Trunk hook)');
applyPolicies(dir);

// The files a reader's visit needs (the offline download and the host's headers file are not among them).
// (Preview cards are for other sites' crawlers; dataset.json is a download.)
const skip = new Set(['sw.js', '_headers', 'is-ai-eating-cryptos-liquidity.html', 'dataset.json']);
const files = readdirSync(dir).filter((f) => !skip.has(f) && !f.endsWith('.png') && statSync(join(dir, f)).isFile()).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = `liquidity-${hash.digest('hex').slice(0, 16)}`;
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');
const sw = template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(['./', ...files]));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`sw.js: ${files.length} files, cache ${version}`);
