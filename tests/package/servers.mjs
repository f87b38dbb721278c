// The unpacked release package and the servers of HOSTING.md's recipes,
// for the package layer of scripts/test: tests/package/recipes.mjs checks
// every file's headers, tests/package/browser.spec.mjs runs the guide in
// Chromium from each server. A recipe is the code block that follows
// `<!-- recipe: NAME -->` in HOSTING.md, run as it is written except for the
// lines a clinic changes too: the listening address, the folder, the
// certificate (nginx serves https with a throwaway one made here) and
// (browser test only) the origins in `frame-ancestors`.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
export const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)[1];
export const name = `signpost-${version}`;
const out = join(root, 'target/package');
const work = join(out, 'unpacked');
/// The unpacked package, the folder a clinic uploads (it holds VERSION/),
/// and the guide itself.
export const top = join(work, name);
export const site = join(top, 'guide');
export const guide = join(site, version);
/// The placeholder HOSTING.md puts in `frame-ancestors`.
export const CLINIC_PLACEHOLDER = 'https://www.your-clinic.example';
/// Loopback ports of the servers (outside the e2e suite's 4173-4175, 4181-4185),
/// and of the nginx recipe's plain-http server, which only redirects.
export const PORTS = { nginx: 4291, apache: 4292, caddy: 4293, headers: 4294 };
export const NGINX_REDIRECT_PORT = 4299;
/// Where each server answers: nginx's recipe is the one with TLS in it
/// (Apache's is an .htaccess, and Caddy's TLS is automatic for a real name).
export const origin = (server) => `${server === 'nginx' ? 'https' : 'http'}://127.0.0.1:${PORTS[server]}`;

/// Checks the archive against its .sha256 (throws if it does not match)
/// and unpacks it into target/package/unpacked/.
export function unpack() {
  const tarball = join(out, `${name}.tar.gz`);
  if (!existsSync(tarball)) throw new Error(`${relative(root, tarball)} not found: run scripts/package --no-build first`);
  const [sum, file] = readFileSync(`${tarball}.sha256`, 'utf8').trim().split(/\s+/);
  if (file !== `${name}.tar.gz`) throw new Error(`the .sha256 names ${file}, not ${name}.tar.gz`);
  if (createHash('sha256').update(readFileSync(tarball)).digest('hex') !== sum) throw new Error('the archive does not match its .sha256');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
}

/// The guide's files, relative to its folder, sorted.
export function guideFiles() {
  const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(d, e.name)) : [relative(guide, join(d, e.name)).split(sep).join('/')]);
  return files(guide).sort();
}

export const hosting = () => readFileSync(join(top, 'HOSTING.md'), 'utf8');

export function recipe(server) {
  const m = new RegExp(`<!-- recipe: ${server}\\b[^>]*-->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(hosting());
  if (!m) throw new Error(`HOSTING.md has no "<!-- recipe: ${server} -->" block`);
  return m[1];
}

/// Replaces `from` (which must occur exactly once) with `to`.
function replaceOnce(text, from, to, server) {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`HOSTING.md's ${server} recipe has "${from}" ${n} times (the test replaces it once)`);
  return text.replace(from, () => to);
}

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

/// Whether something accepts connections on `port` now.
function inUse(port) {
  return new Promise((ok) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); ok(true); });
    s.once('error', () => { s.destroy(); ok(false); });
  });
}

const asRoot = process.getuid?.() === 0;

/// A throwaway self-signed certificate for 127.0.0.1 in `dir`: the test
/// trusts it (tests/package/recipes.mjs) or the browser ignores its errors
/// (tests/package/playwright.config.mjs).
function certificate(dir) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
  { stdio: 'ignore' });
  return { cert, key };
}

/// Each server's files and command line, from its recipe.
const SETUPS = {
  nginx: (port, dir, ancestors) => {
    let conf = recipe('nginx');
    const { cert, key } = certificate(dir);
    conf = replaceOnce(conf, 'listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`, 'nginx');
    conf = replaceOnce(conf, 'listen 80;', `listen 127.0.0.1:${NGINX_REDIRECT_PORT};`, 'nginx');
    conf = replaceOnce(conf, 'ssl_certificate /etc/letsencrypt/live/guide.example.org/fullchain.pem;', `ssl_certificate ${cert};`, 'nginx');
    conf = replaceOnce(conf, 'ssl_certificate_key /etc/letsencrypt/live/guide.example.org/privkey.pem;', `ssl_certificate_key ${key};`, 'nginx');
    conf = replaceOnce(conf, 'root /var/www/signpost;', `root ${site};`, 'nginx');
    conf = ancestors(conf);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), [
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;', // Debian's brotli module
      'daemon off;', 'master_process off;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`,
      'events {}',
      `http { access_log off; ${temp}`, conf, '}', '',
    ].join('\n'));
    return ['/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]];
  },
  apache: (port, dir, ancestors) => {
    writeFileSync(join(site, '.htaccess'), ancestors(recipe('apache')));
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
  caddy: (port, dir, ancestors) => {
    let conf = recipe('caddy');
    conf = replaceOnce(conf, 'guide.example.org {', `http://127.0.0.1:${port} {`, 'caddy');
    conf = replaceOnce(conf, 'root * /var/www/signpost', `root * ${site}`, 'caddy');
    writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n}\n\n${ancestors(conf)}`);
    return ['/usr/bin/caddy', ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')],
      { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir }];
  },
};

/// Starts `server` (nginx, apache, caddy, or headers: the package's
/// `_headers` applied by headersHost) on its port, serving the unpacked
/// guide/ folder. `frameAncestors`, when given, replaces the placeholder
/// origin in frame-ancestors, as a clinic does. Resolves to `{ port, origin,
/// ca, close }` (`ca`: the certificate to trust, for https) once it accepts
/// connections; rejects with its error log if it does not.
export async function startRecipe(server, { frameAncestors } = {}) {
  const port = PORTS[server];
  // A server left running on the port would answer for this one (and with
  // its own headers): refuse to start rather than test the wrong server.
  for (const p of server === 'nginx' ? [port, NGINX_REDIRECT_PORT] : [port]) {
    if (await inUse(p)) throw new Error(`port ${p} is already in use (a ${server} left running?); stop it first`);
  }
  const ancestors = (text) => (frameAncestors ? text.replaceAll(CLINIC_PLACEHOLDER, frameAncestors) : text);
  if (server === 'headers') {
    const host = await headersHost(ancestors(readFileSync(join(site, '_headers'), 'utf8')), site, port);
    return { port, origin: origin(server), close: () => new Promise((ok) => host.close(ok)) };
  }
  const dir = join(work, 'run', server);
  mkdirSync(dir, { recursive: true });
  const [command, args, env = {}] = SETUPS[server](port, dir, ancestors);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await gone;
    }
    if (server === 'apache') rmSync(join(site, '.htaccess'), { force: true });
  };
  try {
    await listening(child, port);
  } catch (e) {
    await close();
    const errors = join(dir, 'error.log');
    throw new Error(`${server} did not start (${e.message}):\n${log}${existsSync(errors) ? readFileSync(errors, 'utf8') : ''}`);
  }
  const ca = server === 'nginx' ? readFileSync(join(dir, 'cert.pem')) : undefined;
  return { port, origin: origin(server), ca, close };
}

export const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

/// A static host that reads `_headers` as Netlify and Cloudflare Pages
/// document it: a rule is a path pattern (`*` matches anything, `:name` one
/// segment) and its indented `Name: value` lines; every matching rule
/// applies, and a header set by two rules gets both values joined with
/// ", " (Cloudflare Pages; a file that relies on either host's merging is
/// wrong on the other). Types come from the extension, except `.wasm`,
/// which gets application/octet-stream unless `_headers` says otherwise.
async function headersHost(text, dir, port) {
  const rules = [];
  for (const line of text.split('\n')) {
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

