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
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GUIDE_CSP, HASHED } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)[1];
const name = `signpost-${version}`;
const out = join(root, 'target/package');
const work = join(out, 'unpacked');
const chosen = process.argv.slice(2);
const servers = ['nginx', 'apache', 'caddy', 'headers'].filter((s) => chosen.length === 0 || chosen.includes(s));

const failures = [];
const fail = (what) => { failures.push(what); console.log(`  FAIL ${what}`); };
const check = (ok, what) => { if (!ok) fail(what); return ok; };

// 1. The archive: checksum, then unpack.
const tarball = join(out, `${name}.tar.gz`);
if (!existsSync(tarball)) {
  console.error(`[package] ${relative(root, tarball)} not found: run scripts/package --no-build first`);
  process.exit(1);
}
const [sum, file] = readFileSync(`${tarball}.sha256`, 'utf8').trim().split(/\s+/);
check(file === `${name}.tar.gz`, `the .sha256 names ${file}, not ${name}.tar.gz`);
check(createHash('sha256').update(readFileSync(tarball)).digest('hex') === sum, 'the archive does not match its .sha256');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', work]);
const top = join(work, name);
const site = join(top, 'guide'); // what a clinic uploads: it holds VERSION/
const guide = join(site, version);
for (const f of ['HOSTING.md', 'README.txt', 'guide/_headers', `guide/${version}/index.html`, `guide/${version}/sw.js`,
  'schemas/config.schema.json', 'schemas/content-file.schema.json']) {
  check(existsSync(join(top, f)), `the package lacks ${f}`);
}
const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(join(d, e.name)) : [relative(guide, join(d, e.name)).split(sep).join('/')]);
const names = files(guide).sort();
console.log(`[package] ${name}.tar.gz: checksum ok, ${names.length} files in guide/${version}/`);

// 2. HOSTING.md: every copy of the policy is the reference, and the recipes.
const hosting = readFileSync(join(top, 'HOSTING.md'), 'utf8');
const expectedCsp = `${GUIDE_CSP}; frame-ancestors https://www.your-clinic.example`;
for (const line of hosting.split('\n').filter((l) => l.includes('default-src'))) {
  check(line.includes(expectedCsp), `HOSTING.md has a policy other than static-server.mjs's: ${line.trim().slice(0, 80)}...`);
}
const recipe = (server) => {
  const m = new RegExp(`<!-- recipe: ${server}\\b[^>]*-->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(hosting);
  if (!m) throw new Error(`HOSTING.md has no "<!-- recipe: ${server} -->" block`);
  return m[1];
};
/// Replaces `from` (which must occur exactly once) with `to`.
const replaceOnce = (text, from, to, server) => {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`HOSTING.md's ${server} recipe has "${from}" ${n} times (the test replaces it once)`);
  return text.replace(from, () => to);
};

// 3. The expected headers of each file (scripts/static-server.mjs).
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json)|image\/svg)/;

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
  const origin = 'https://www.your-clinic.example';
  const paths = [`/${version}/`, ...names.map((n) => `/${version}/${n}`)];
  for (const path of paths) {
    const file = path.endsWith('/') ? 'index.html' : path.slice(version.length + 2);
    const what = `${server} ${path}`;
    const res = await get(port, path, { Origin: origin, 'Accept-Encoding': 'br, gzip' });
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
  console.log(`[package] ${server}: ${paths.length} files, ${n === 0 ? 'every header as expected' : `${n} problems`}`);
}

// 4. Starting the servers: each on loopback, its files in target/.
const run = join(work, 'run');
mkdirSync(run, { recursive: true });
const asRoot = process.getuid?.() === 0;

/// Resolves once something accepts connections on `port`; rejects if the
/// process exits first, or after `ms` (a server that never comes up).
function listening(child, port, ms = 15_000) {
  return new Promise((ok, no) => {
    const deadline = Date.now() + ms;
    let exited = null;
    child.once('exit', (code) => { exited = code; });
    const attempt = () => {
      if (exited !== null) return no(new Error(`exited with status ${exited}`));
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); ok(); });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) return no(new Error(`nothing listens on ${port} after ${ms} ms`));
        setImmediate(attempt);
      });
    };
    attempt();
  });
}

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  return { child, log: () => log };
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await gone;
}

const SETUPS = {
  nginx: (port) => {
    const dir = join(run, 'nginx');
    mkdirSync(dir, { recursive: true });
    let conf = recipe('nginx');
    conf = replaceOnce(conf, 'listen 80;', `listen 127.0.0.1:${port};`, 'nginx');
    conf = replaceOnce(conf, 'root /var/www/signpost;', `root ${site};`, 'nginx');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), [
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;', // Debian's brotli module
      'daemon off;', 'master_process off;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`,
      'events {}',
      `http { access_log off; ${temp}`, conf, '}', '',
    ].join('\n'));
    return ['/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]];
  },
  apache: (port) => {
    const dir = join(run, 'apache');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(site, '.htaccess'), recipe('apache'));
    const modules = ['mpm_event', 'authz_core', 'mime', 'headers', 'dir', 'filter', 'deflate', 'brotli'];
    writeFileSync(join(dir, 'httpd.conf'), [
      ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
      `Listen 127.0.0.1:${port}`, 'ServerName 127.0.0.1',
      `PidFile ${dir}/httpd.pid`, `ErrorLog ${dir}/error.log`, `DefaultRuntimeDir ${dir}`, `Mutex file:${dir} default`,
      ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
      'TypesConfig /etc/mime.types',
      `DocumentRoot ${site}`,
      '<Directory />', '  AllowOverride None', '  Require all denied', '</Directory>',
      `<Directory ${site}>`, '  AllowOverride FileInfo Indexes', '  Require all granted', '</Directory>', '',
    ].join('\n'));
    return ['/usr/sbin/apache2', ['-f', join(dir, 'httpd.conf'), '-D', 'FOREGROUND']];
  },
  caddy: (port) => {
    const dir = join(run, 'caddy');
    mkdirSync(dir, { recursive: true });
    let conf = recipe('caddy');
    conf = replaceOnce(conf, 'guide.example.org {', `http://127.0.0.1:${port} {`, 'caddy');
    conf = replaceOnce(conf, 'root * /var/www/signpost', `root * ${site}`, 'caddy');
    writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n}\n\n${conf}`);
    return ['/usr/bin/caddy', ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')],
      { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir }];
  },
};

const PORTS = { nginx: 4291, apache: 4292, caddy: 4293, headers: 4294 };
for (const server of servers) {
  const port = PORTS[server];
  if (server === 'headers') {
    const host = await headersHost(join(site, '_headers'), site, port);
    try { await checkServer('_headers', port, { encoding: null }); } finally { host.close(); }
    continue;
  }
  const [command, args, env] = SETUPS[server](port);
  const proc = start(command, args, env);
  try {
    await listening(proc.child, port);
  } catch (e) {
    fail(`${server} did not start (${e.message}):\n${proc.log()}${readLog(server)}`);
    await stop(proc.child);
    continue;
  }
  try { await checkServer(server, port, { encoding: server === 'caddy' ? 'gzip' : 'br' }); } finally { await stop(proc.child); }
  if (server === 'apache') rmSync(join(site, '.htaccess'));
}

function readLog(server) {
  const f = join(run, server, 'error.log');
  return existsSync(f) ? readFileSync(f, 'utf8') : '';
}

/// A static host that reads `_headers` as Netlify and Cloudflare Pages
/// document it: a rule is a path pattern (`*` matches anything, `:name` one
/// segment) and its indented `Name: value` lines; every matching rule
/// applies, and a header set by two rules gets both values joined with
/// ", " (Cloudflare Pages; a file that relies on either host's merging is
/// wrong on the other). Types come from the extension, except `.wasm`,
/// which gets application/octet-stream unless `_headers` says otherwise.
async function headersHost(file, dir, port) {
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:\w+/g, '[^/]+');
      rules.push({ re: new RegExp(`^${pattern}$`), headers: [] });
    } else {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (!m || rules.length === 0) throw new Error(`_headers: cannot read "${line}"`);
      rules.at(-1).headers.push([m[1].trim().toLowerCase(), m[2].trim()]);
    }
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://h').pathname);
    let target = join(dir, path);
    if (path.endsWith('/')) target = join(target, 'index.html');
    if (!target.startsWith(dir + sep) || !existsSync(target) || path.split('/').pop() === '_headers') {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': { ...TYPES, '.wasm': 'application/octet-stream' }[extname(target)] ?? 'application/octet-stream' };
    const set = new Set();
    for (const rule of rules.filter((r) => r.re.test(path))) {
      for (const [k, v] of rule.headers) {
        headers[k] = set.has(k) ? `${headers[k]}, ${v}` : v;
        set.add(k);
      }
    }
    res.writeHead(200, headers).end(readFileSync(target));
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return server;
}

if (failures.length) {
  console.log(`[package] ${failures.length} failures`);
  process.exit(1);
}
console.log(`[package] ${servers.join(', ')}: the package serves as HOSTING.md says`);
