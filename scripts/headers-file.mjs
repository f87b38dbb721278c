// Writes the `_headers` file of a static host (Netlify, Cloudflare Pages)
// for the guide's files, to standard output. scripts/package puts it in the
// release's guide/ folder; HOSTING.md explains it; the package layer of
// scripts/test serves the guide with it (tests/package/recipes.mjs).
//
// Usage: node scripts/headers-file.mjs <guide dir> <url path, e.g. /0.1.0/> <version>
//
// Such hosts match paths with a `*` wildcard only, and join the values of a
// header that two matching rules set. So every file gets its own
// Cache-Control rule (the hashed names are known only after a build), and
// the rule for every file sets only headers no other rule sets.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { GUIDE_CSP, GUIDE_HSTS, GUIDE_PERMISSIONS, HASHED } from './static-server.mjs';

const [dir, prefix, version] = process.argv.slice(2);
if (!dir || !prefix?.startsWith('/') || !prefix.endsWith('/') || !version) {
  console.error('usage: node scripts/headers-file.mjs <guide dir> </url/path/> <version>');
  process.exit(2);
}

const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(join(d, e.name)) : [relative(dir, join(d, e.name)).split(sep).join('/')]);
const names = files(dir).filter((f) => f !== '_headers').sort();

const out = [
  `# Signpost ${version}: response headers for Netlify or Cloudflare Pages (HOSTING.md).`,
  `# Publish the folder that holds this file; the guide is then at ${prefix}.`,
  '# Replace https://www.your-clinic.example with your website\'s origin (or',
  '# several, separated by spaces): only those may show the guide in an iframe.',
  `${prefix}*`,
  `  Content-Security-Policy: ${GUIDE_CSP}; frame-ancestors https://www.your-clinic.example`,
  '  Referrer-Policy: no-referrer',
  '  X-Content-Type-Options: nosniff',
  '  Access-Control-Allow-Origin: *',
  '  Cross-Origin-Resource-Policy: cross-origin',
  `  Permissions-Policy: ${GUIDE_PERMISSIONS}`,
  `  Strict-Transport-Security: ${GUIDE_HSTS}`,
  '',
  '# The pages and the files with fixed names: revalidated on every use.',
  `${prefix}`,
  '  Cache-Control: no-cache',
];
const rule = (name, headers) => out.push(`${prefix}${name}`, ...headers.map((h) => `  ${h}`));
const wasm = (n) => (n.endsWith('.wasm') ? ['Content-Type: application/wasm'] : []);
for (const name of names.filter((n) => !HASHED.test(n))) rule(name, ['Cache-Control: no-cache', ...wasm(name)]);
out.push('', '# Files with a content hash in their name never change: cached for a year.');
for (const name of names.filter((n) => HASHED.test(n))) {
  rule(name, ['Cache-Control: public, max-age=31536000, immutable', ...wasm(name)]);
}
process.stdout.write(`${out.join('\n')}\n`);
