// The release package unpacks, its checksum holds, and HOSTING.md's recipes
// serve it with the headers the guide needs: nginx, Apache and Caddy run
// the recipe blocks copied out of HOSTING.md (only the listening address
// and the folder are replaced), and the package's own `_headers` file is
// applied the way Netlify and Cloudflare Pages apply it. Every file of the
// guide is fetched from every server and its headers compared with
// scripts/static-server.mjs, the server the end-to-end suite passes against
// (nginx over https, HTTP/2 offered, and its plain-http redirect); the
// pages' <meta> policy is compared with the header's.
//
// Usage: node tests/package/recipes.mjs [nginx apache caddy headers]
//   (scripts/package --no-build first; the package layer of scripts/test
//   runs both). Unpacks into target/package/unpacked/. Loopback ports
//   4291-4294 and 4299. Exits non-zero, naming each difference, if any check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { connect as connectTls } from 'node:tls';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GUIDE_CSP, GUIDE_HSTS, GUIDE_PERMISSIONS, HASHED } from '../../scripts/static-server.mjs';
import {
  CLINIC_PLACEHOLDER, NGINX_REDIRECT_PORT, TYPES, guide, guideFiles, hosting, name, startRecipe, top, unpack, version,
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
// How old the release's crisis numbers are (issue 27, item 7): in the
// README, and a warning once a check is over 12 months old.
const readme = readFileSync(join(top, 'README.txt'), 'utf8');
check(/Crisis numbers checked .+: the oldest check is \d+ days old on \d{4}-\d{2}-\d{2}\./.test(readme), 'README.txt does not say how old the crisis numbers are');
const guideDir = join(top, 'guide', version);
const age = (today) => execFileSync('node', [new URL('../../scripts/numbers-age.mjs', import.meta.url).pathname, guideDir, today], { encoding: 'utf8' });
const oldest = /checked (?:on|between) (\d{4}-\d{2}-\d{2})/.exec(readme)?.[1] ?? '2000-01-01';
const later = (days) => new Date(Date.parse(oldest) + days * 86_400_000).toISOString().slice(0, 10);
check(!age(later(365)).includes('warning:'), 'numbers-age warns at 12 months');
check(age(later(366)).includes('warning:'), 'numbers-age does not warn past 12 months');

// 2. Every copy of the policy, the Permissions-Policy and the
// Strict-Transport-Security value in HOSTING.md is static-server.mjs's.
const expectedCsp = `${GUIDE_CSP}; frame-ancestors ${CLINIC_PLACEHOLDER}`;
const lines = hosting().split('\n');
for (const line of lines.filter((l) => l.includes('default-src'))) {
  check(line.includes(expectedCsp), `HOSTING.md has a policy other than static-server.mjs's: ${line.trim().slice(0, 80)}...`);
}
const permissionsCopies = lines.filter((l) => /[a-z]=\((self)?\)/.test(l));
check(permissionsCopies.length >= 5, `HOSTING.md has ${permissionsCopies.length} copies of the Permissions-Policy, not one per recipe and one above them`);
for (const line of permissionsCopies) {
  const value = /(?:[a-z-]+=\([^)]*\)(?:, )?)+/.exec(line)[0];
  check(value === GUIDE_PERMISSIONS, `HOSTING.md has a Permissions-Policy other than static-server.mjs's: ${value.slice(0, 80)}...`);
}
const hstsCopies = lines.filter((l) => l.includes('Strict-Transport-Security') && l.includes('max-age'));
check(hstsCopies.length >= 5, `HOSTING.md has ${hstsCopies.length} Strict-Transport-Security values, not one per recipe and one in the table`);
for (const line of hstsCopies) {
  const value = /(max-age=[^"`|]*?)\s*(?:["`|]|$)/.exec(line)[1];
  check(value === GUIDE_HSTS, `HOSTING.md has Strict-Transport-Security "${value}", not static-server.mjs's "${GUIDE_HSTS}"`);
}

// The pages carry the policy in a <meta> too (for hosts without headers):
// the header's without frame-ancestors, before anything the page loads.
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const metaCsp = (html) => META_CSP.exec(html)?.[1];
for (const page of names.filter((n) => n.endsWith('.html'))) {
  const html = readFileSync(join(guide, page), 'utf8');
  const at = html.search(META_CSP);
  if (!check(at >= 0, `${page} has no <meta> Content-Security-Policy`)) continue;
  check(metaCsp(html) === expectedCsp.replace(/; frame-ancestors [^;]*$/, ''), `${page}: the <meta> policy is not the header's without frame-ancestors: ${metaCsp(html)}`);
  const first = html.search(/<(link|script|style|base)\b/);
  check(first === -1 || at < first, `${page}: the <meta> policy comes after a <link>, <script>, <style> or <base>`);
}

// 3. Every file from every server.
// What scripts/static-server.mjs compresses.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json|octet-stream)|image\/svg)/;

/// A GET to the server at `origin` (https: trusting only `ca`).
function get(origin, path, headers = {}, ca = undefined) {
  const { protocol, port } = new URL(origin);
  const send = protocol === 'https:' ? requestTls : request;
  return new Promise((ok, no) => {
    const req = send({ host: '127.0.0.1', port, path, headers, ca }, (res) => {
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
async function checkServer(server, { origin, ca }, { encoding: expected }) {
  const before = failures.length;
  const paths = [`/${version}/`, ...names.map((n) => `/${version}/${n}`)];
  for (const path of paths) {
    const file = path.endsWith('/') ? 'index.html' : path.slice(version.length + 2);
    const what = `${server} ${path}`;
    const res = await get(origin, path, { Origin: CLINIC_PLACEHOLDER, 'Accept-Encoding': 'br, gzip' }, ca);
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
    check(h['permissions-policy'] === GUIDE_PERMISSIONS, `${what}: Permissions-Policy "${h['permissions-policy']}"`);
    check(h['strict-transport-security'] === GUIDE_HSTS, `${what}: Strict-Transport-Security "${h['strict-transport-security']}"`);
    const encoding = h['content-encoding'];
    if (expected && type && COMPRESSIBLE.test(type) && readFileSync(join(guide, file)).length > 1024) {
      check(encoding === expected, `${what}: Content-Encoding "${encoding}", not ${expected}`);
    }
    let body;
    try { body = decode(res.body, encoding); } catch (e) { fail(`${what}: ${encoding} body does not decode: ${e.message}`); continue; }
    check(body.equals(readFileSync(join(guide, file))), `${what}: the body differs from the package's file`);
    if (file.endsWith('.html')) {
      const header = (h['content-security-policy'] ?? '').replace(/; frame-ancestors [^;]*$/, '');
      check(metaCsp(body.toString('utf8')) === header, `${what}: the <meta> policy is not the header's without frame-ancestors`);
    }
  }
  // A missing file is a 404, never a page.
  const missing = await get(origin, `/${version}/no-such-file.js`, {}, ca);
  check(missing.status === 404, `${server}: a missing file answered ${missing.status}`);
  if (server === 'nginx') {
    // Plain http only redirects, to the same address on https.
    const plain = await get(`http://127.0.0.1:${NGINX_REDIRECT_PORT}`, `/${version}/sw.js`);
    check([301, 308].includes(plain.status) && plain.headers.location === `https://127.0.0.1/${version}/sw.js`,
      `nginx over http: ${plain.status} to "${plain.headers.location}", not a redirect to https://127.0.0.1/${version}/sw.js`);
    // HTTP/2 is offered to browsers (ALPN).
    const alpn = await new Promise((ok, no) => {
      const s = connectTls({ host: '127.0.0.1', port: new URL(origin).port, ca, ALPNProtocols: ['h2', 'http/1.1'] }, () => { ok(s.alpnProtocol); s.end(); });
      s.on('error', no);
    });
    check(alpn === 'h2', `nginx: TLS negotiated "${alpn}", not h2`);
  }
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
    await checkServer(server, running, { encoding: { nginx: 'br', apache: 'br', caddy: 'gzip' }[server] ?? null });
  } finally {
    await running.close();
  }
}

if (failures.length) {
  console.log(`[package] ${failures.length} failures`);
  process.exit(1);
}
console.log(`[package] ${servers.join(', ')}: the package serves as HOSTING.md says`);
