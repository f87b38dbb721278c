// A small static file server: the same one for `scripts/serve`, the
// end-to-end tests and the benchmarks. Loopback only, no listings; serves
// files as a production server should: correct types (application/wasm
// for streaming compilation), brotli or gzip, long caching for hashed
// files, the guide's Content-Security-Policy, Permissions-Policy and
// Strict-Transport-Security, and CORS for the files the custom element
// loads from other origins.
//
// Usage: node scripts/static-server.mjs <dir> <port> [--config FILE] [--host-of GUIDE_ORIGIN]
//   --config FILE      put FILE's JSON into index.html's #signpost-config
//                      (what a clinic does by editing dist/index.html)
//   --host-of ORIGIN   serve a host site (the demo clinic) that embeds the
//                      guide from ORIGIN: {{GUIDE}} in pages becomes ORIGIN
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  // The built-in content's other languages (postcard bytes, mostly text).
  '.bin': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/// The guide's recommended Content-Security-Policy (README, "Privacy").
export const GUIDE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/// Strict-Transport-Security: browsers use only https for the guide's host
/// for a year after one visit over https (they ignore the header over plain
/// http, so this server, on http://127.0.0.1, sends it only to give the same
/// headers as HOSTING.md's recipes). No `includeSubDomains`: the guide may
/// be a folder of a site whose other host names are not all on https
/// (HOSTING.md, "What the headers do"). No `preload`.
export const GUIDE_HSTS = 'max-age=31536000';

/// Permissions-Policy: every powerful feature off, but copying the summary
/// (`clipboard-write`, which the iframe snippet's `allow` passes on);
/// printing and downloads need none. No visit is used for ad interests
/// (`browsing-topics`, `interest-cohort`). Only names Chromium knows (an
/// unknown one is a console warning on every page). `clipboard-read` keeps
/// the browser's default (this origin, after the visitor allows it): the
/// end-to-end tests read back what the guide and the studio copied.
export const GUIDE_PERMISSIONS = [
  'accelerometer=()', 'autoplay=()', 'browsing-topics=()', 'camera=()', 'clipboard-write=(self)', 'display-capture=()', 'encrypted-media=()', 'fullscreen=()', 'gamepad=()',
  'geolocation=()', 'gyroscope=()', 'hid=()', 'identity-credentials-get=()', 'idle-detection=()',
  'interest-cohort=()', 'local-fonts=()', 'magnetometer=()', 'microphone=()', 'midi=()',
  'otp-credentials=()', 'payment=()', 'picture-in-picture=()', 'publickey-credentials-create=()',
  'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()', 'storage-access=()', 'usb=()',
  'window-management=()', 'xr-spatial-tracking=()',
].join(', ');

/// Names with a content hash (`main-0123456789abcdef.css`,
/// `signpost-0123456789abcdef_bg.wasm`): they never change, so they are
/// cached for a year; every other file is revalidated. HOSTING.md's recipes
/// and the package's `_headers` (scripts/headers-file.mjs) say the same.
export const HASHED = /-[0-9a-f]{16}(_bg)?\./;

/// Starts a server; `reports` collects CSP violation reports sent to it,
/// and with `record`, `sent` lists every response as `{ path, status,
/// bytes }` (bytes as sent, after compression: what a visitor pays for).
/// `hold(pathname)` may return a promise the answer waits for (a slow
/// network, in tests).
export function startServer(dir, port, { config, hostOf, frameAncestors = '*', csp: withCsp = true, record = false, hold = () => null } = {}) {
  const base = resolve(dir);
  const reports = [];
  const sent = [];
  const compressed = new Map();
  const inlineConfig = config ? readFileSync(config, 'utf8') : null;
  const csp = hostOf
    ? [
      "default-src 'self'",
      `script-src 'self' ${hostOf} 'wasm-unsafe-eval'`,
      `style-src 'self' ${hostOf}`,
      `connect-src 'self' ${hostOf}`,
      `frame-src ${hostOf}`,
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
    ].join('; ')
    : `${GUIDE_CSP}; frame-ancestors ${frameAncestors}`;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/__csp-report') {
        if (req.method === 'POST') {
          let body = '';
          for await (const chunk of req) body += chunk;
          reports.push(body);
          res.writeHead(204).end();
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reports));
        }
        return;
      }
      await hold(url.pathname);
      // The guide is deployed under a versioned path too (/v1/...).
      const pathname = decodeURIComponent(url.pathname).replace(/^\/v1(?=\/)/, '');
      let path = normalize(join(base, pathname));
      if (path !== base && !path.startsWith(base + sep)) return send(res, 403, 'forbidden');
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const modified = (await stat(path).catch(() => null))?.mtimeMs;
      let body = await readFile(path).catch(() => null);
      if (!body) return send(res, 404, 'not found');
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const isHtml = type.startsWith('text/html');
      if (isHtml && inlineConfig !== null) {
        body = Buffer.from(body.toString('utf8').replace(
          /(<script type="application\/json" id="signpost-config">)[\s\S]*?(<\/script>)/,
          (_, open, close) => `${open}${inlineConfig.replaceAll('</', '<\\/')}${close}`,
        ));
      }
      if (isHtml && hostOf) body = Buffer.from(body.toString('utf8').replaceAll('{{GUIDE}}', hostOf));
      const headers = {
        'Content-Type': type,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // Hashed files never change; pages and fixed names are revalidated.
        'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(withCsp ? { 'Content-Security-Policy': `${csp}; report-uri /__csp-report` } : {}),
        // The guide's (not the demo clinic's: its iframe passes the
        // clipboard on to the guide's origin).
        ...(hostOf ? {} : { 'Strict-Transport-Security': GUIDE_HSTS, 'Permissions-Policy': GUIDE_PERMISSIONS }),
        // The custom element loads the guide's files from other origins.
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        Vary: 'Accept-Encoding',
      };
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding && /^(text|application\/(javascript|json|wasm|manifest|octet-stream)|image\/svg)/.test(type)) {
        const key = `${encoding}:${path}:${modified}:${body.length}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 }));
        }
        body = compressed.get(key);
        headers['Content-Encoding'] = encoding;
      }
      // A validator, so a revalidation ('no-cache') of an unchanged file
      // costs a 304 and no body, as with a production server.
      headers.ETag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      if (req.headers['if-none-match'] === headers.ETag) {
        delete headers['Content-Length'];
        res.writeHead(304, headers).end();
        if (record) sent.push({ path: url.pathname, status: 304, bytes: 0 });
        return;
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (record) sent.push({ path: url.pathname, status: 200, bytes: req.method === 'HEAD' ? 0 : body.length });
    } catch (e) {
      send(res, 500, String(e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, reports, sent }));
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

// Run as a command (not imported by bench/run.mjs).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const config = option('--config');
  const hostOf = option('--host-of');
  const [dir = 'dist', port = '8080'] = args;
  await startServer(dir, Number(port), { config, hostOf });
  console.log(`[server] ${dir}/ on http://127.0.0.1:${port}${hostOf ? ` (a host site for ${hostOf})` : ''}`);
}
