// The release package unpacks, its checksum holds, and HOSTING.md's recipes
// serve it with the headers the guide needs: nginx, Apache and Caddy run
// the recipe blocks copied out of HOSTING.md (only the listening address
// and the folder are replaced), and the package's own `_headers` file is
// applied the way Netlify and Cloudflare Pages apply it. Every file of the
// guide is fetched from every server and its headers compared with
// scripts/static-server.mjs, the server the end-to-end suite passes against.
//
// Usage: node tests/package/recipes.mjs [nginx apache caddy headers]
//   (scripts/package --no-build first; the package layer of scripts/test
//   runs both). Unpacks into target/package/unpacked/. Loopback ports
//   4291-4294. Exits non-zero, naming each difference, if any check fails.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GUIDE_CSP, HASHED } from '../../scripts/static-server.mjs';
import {
  CLINIC_PLACEHOLDER, TYPES, guide, guideFiles, hosting, name, startRecipe, top, unpack, version,
} from './servers.mjs';

const chosen = process.argv.slice(2);
const servers = ['nginx', 'apache', 'caddy', 'headers'].filter((s) => chosen.length === 0 || chosen.includes(s));

const failures = [];
const fail = (what) => { failures.push(what); console.log(`  FAIL ${what}`); };
const check = (ok, what) => { if (!ok) fail(what); return ok; };

// 1. The archive: checksum, then unpack, then what it must hold.
try {
  unpack();
} catch (e) {
  console.log(`[package] ${e.message}`);
  process.exit(1);
}
for (const f of ['HOSTING.md', 'README.txt', 'guide/_headers', `guide/${version}/index.html`, `guide/${version}/sw.js`,
  'schemas/config.schema.json', 'schemas/content-file.schema.json']) {
  check(existsSync(join(top, f)), `the package lacks ${f}`);
}
const names = guideFiles();
console.log(`[package] ${name}.tar.gz: checksum ok, ${names.length} files in guide/${version}/`);

// 2. Every copy of the policy in HOSTING.md is static-server.mjs's.
const expectedCsp = `${GUIDE_CSP}; frame-ancestors ${CLINIC_PLACEHOLDER}`;
for (const line of hosting().split('\n').filter((l) => l.includes('default-src'))) {
  check(line.includes(expectedCsp), `HOSTING.md has a policy other than static-server.mjs's: ${line.trim().slice(0, 80)}...`);
}

// 3. Every file from every server.
// What scripts/static-server.mjs compresses.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json|octet-stream)|image\/svg)/;

function get(port, path, headers = {}) {
  return new Promise((ok, no) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', no);
    req.end();
  });
}

// Asked for br or gzip only (Node 20 has no zstd decoder).
const decode = (body, encoding) => ({ br: brotliDecompressSync, gzip: gunzipSync }[encoding] ?? ((b) => b))(body);

/// `encoding`: what the server must send for a compressible file when the
/// client accepts br and gzip (the test installs nginx's and Apache's
/// brotli modules; Caddy 2.6 has gzip and zstd only), or null for a host
/// that compresses by itself.
async function checkServer(server, port, { encoding: expected }) {
  const before = failures.length;
  const paths = [`/${version}/`, ...names.map((n) => `/${version}/${n}`)];
  for (const path of paths) {
    const file = path.endsWith('/') ? 'index.html' : path.slice(version.length + 2);
    const what = `${server} ${path}`;
    const res = await get(port, path, { Origin: CLINIC_PLACEHOLDER, 'Accept-Encoding': 'br, gzip' });
    if (!check(res.status === 200, `${what}: status ${res.status}`)) continue;
    const h = res.headers;
    const type = TYPES[extname(file)];
    if (type === 'application/wasm') check(h['content-type'] === type, `${what}: Content-Type "${h['content-type']}", not exactly application/wasm`);
    else if (type) check((h['content-type'] ?? '').split(';')[0].trim() === type, `${what}: Content-Type "${h['content-type']}", not ${type}`);
    const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    check(h['cache-control'] === cache, `${what}: Cache-Control "${h['cache-control']}", not "${cache}"`);
    check(h['content-security-policy'] === expectedCsp, `${what}: Content-Security-Policy "${h['content-security-policy']}"`);
    check(h['access-control-allow-origin'] === '*', `${what}: Access-Control-Allow-Origin "${h['access-control-allow-origin']}"`);
    check(h['cross-origin-resource-policy'] === 'cross-origin', `${what}: Cross-Origin-Resource-Policy "${h['cross-origin-resource-policy']}"`);
    check(h['referrer-policy'] === 'no-referrer', `${what}: Referrer-Policy "${h['referrer-policy']}"`);
    check(h['x-content-type-options'] === 'nosniff', `${what}: X-Content-Type-Options "${h['x-content-type-options']}"`);
    const encoding = h['content-encoding'];
    if (expected && type && COMPRESSIBLE.test(type) && readFileSync(join(guide, file)).length > 1024) {
      check(encoding === expected, `${what}: Content-Encoding "${encoding}", not ${expected}`);
    }
    let body;
    try { body = decode(res.body, encoding); } catch (e) { fail(`${what}: ${encoding} body does not decode: ${e.message}`); continue; }
    check(body.equals(readFileSync(join(guide, file))), `${what}: the body differs from the package's file`);
  }
  // A missing file is a 404, never a page.
  const missing = await get(port, `/${version}/no-such-file.js`);
  check(missing.status === 404, `${server}: a missing file answered ${missing.status}`);
  const n = failures.length - before;
  console.log(`[package] ${server === 'headers' ? '_headers' : server}: ${paths.length} files, ${n === 0 ? 'every header as expected' : `${n} problems`}`);
}

for (const server of servers) {
  let running;
  try {
    running = await startRecipe(server);
  } catch (e) {
    fail(e.message);
    continue;
  }
  try {
    await checkServer(server, running.port, { encoding: { nginx: 'br', apache: 'br', caddy: 'gzip' }[server] ?? null });
  } finally {
    await running.close();
  }
}

if (failures.length) {
  console.log(`[package] ${failures.length} failures`);
  process.exit(1);
}
console.log(`[package] ${servers.join(', ')}: the package serves as HOSTING.md says`);
