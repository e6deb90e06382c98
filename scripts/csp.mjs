// The Content-Security-Policy of the built pages, generated from the build so
// the hashes of inline scripts can never drift from the scripts themselves.
// Run by scripts/post_build.mjs (Trunk's post_build hook) on the staging
// folder, or by hand: `node scripts/csp.mjs dist`. Each HTML page gets a <meta> policy as
// the first element of its <head> (before any script it governs), and the
// folder gets a `_headers` file with the same policy for hosts that read one
// (Netlify, Cloudflare Pages). docs/security.md says why each directive is so.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The sha256 source expression of every inline <script> (no src) in a page. */
export function inlineHashes(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m; (m = re.exec(html)); ) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    if (/\btype\s*=\s*"application\/json"/i.test(m[1])) continue; // data, never run
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return out;
}

/** The policy, given the inline script hashes; `offline` for the single file opened from file://. */
export function policy(hashes, { offline = false } = {}) {
  const script = ["'self'", "'wasm-unsafe-eval'", ...hashes];
  if (offline) script.push('blob:'); // the single file imports its JS glue from a Blob URL
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // Leptos sets style attributes (the scrubber's handles); a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Bring-your-own-data: a dataset may come from any https address (?data=); plain http only locally.
    offline ? "connect-src 'self' https: blob: data:" : "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Puts the policy at the top of <head> (replacing one put there before). */
export function withPolicy(html, p) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${p}">`;
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
  // Right after the charset (which must come first), before any script.
  if (/<meta charset="[^"]*">/i.test(html)) return html.replace(/(<meta charset="[^"]*">)/i, `$1\n  ${meta}`);
  return html.replace(/<head>/i, `<head>\n  ${meta}`);
}

/** Puts the policy in every page of a folder and writes its `_headers`. */
export function applyPolicies(dir) {
  // The single-file copy carries its own policy (scripts/offline.mjs: blob: for its glue).
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'is-ai-eating-cryptos-liquidity.html');
  const all = new Set();
  for (const f of pages) {
    const html = readFileSync(join(dir, f), 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
    const hashes = inlineHashes(html);
    hashes.forEach((h) => all.add(h));
    writeFileSync(join(dir, f), withPolicy(html, policy(hashes)));
  }
  const headers = `/*\n  Content-Security-Policy: ${policy([...all])}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`;
  writeFileSync(join(dir, '_headers'), headers);
  console.log(`csp: ${pages.length} pages, ${all.size} inline script hashes`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/csp.mjs <folder>');
  applyPolicies(dir);
}
