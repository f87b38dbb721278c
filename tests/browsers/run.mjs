// The cross-browser layer of scripts/test: the same flows (flows.mjs) in
// Firefox (firefox.mjs, WebDriver BiDi) and WebKit (webkit.mjs, WebKitGTK's
// MiniBrowser through WebKitWebDriver), against the release build in
// dist/ (or SIGNPOST_DIST), served on 127.0.0.1 ports 4180-4189. One line
// per flow and engine: pass, FAIL (with what the page showed and any page
// errors) or SKIP (what the engine lacks, by name), and the time it took.
//
//   node tests/browsers/run.mjs [firefox] [webkit] [--only TEXT]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { flows, languagesOf } from './flows.mjs';
import { PORTS, origin } from './config.mjs';
import * as firefox from './firefox.mjs';
import * as webkit from './webkit.mjs';

const ENGINES = { firefox, webkit };
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : null;
const engines = args.length ? args : Object.keys(ENGINES);
for (const e of engines) if (!ENGINES[e]) { console.error(`[browsers] unknown engine '${e}' (engines: ${Object.keys(ENGINES).join(' ')})`); process.exit(2); }

const DIST = resolve(process.env.SIGNPOST_DIST ?? 'dist');
const CLINIC = resolve('demo/clinic');
const CLINIC_CONFIG = resolve('demo/guide/signpost.config.json');
const WORK = resolve('target/browsers');
if (!existsSync(join(DIST, 'index.html'))) { console.error(`[browsers] no release build in ${DIST} (run scripts/build)`); process.exit(1); }
const languages = languagesOf(readFileSync(join(DIST, 'index.html'), 'utf8'));

/// WebKit's copies of the guide and the clinic, each page with
/// capture.js as its first script (webkit.mjs says why).
function instrumented(dir, name) {
  const copy = join(WORK, name);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(dir, copy, { recursive: true });
  cpSync(new URL('./capture.js', import.meta.url), join(copy, 'signpost-test-capture.js'));
  for (const f of readdirSync(copy).filter((n) => n.endsWith('.html'))) {
    const html = readFileSync(join(copy, f), 'utf8');
    writeFileSync(join(copy, f), html.replace(/<head>/, '<head><script src="/signpost-test-capture.js"></script>'));
  }
  return copy;
}

const pad = (s, n) => s + ' '.repeat(Math.max(0, n - s.length));
const results = [];
const report = (status, engine, name, ms, detail = '') => {
  results.push({ status, engine });
  const line = `[browsers] ${pad(status, 4)} ${pad(engine, 7)} ${pad(name, 100)} ${(ms / 1000).toFixed(1).padStart(5)} s`;
  console.log(detail ? `${line}\n${detail.replace(/^/gm, '           ')}` : line);
};

for (const name of engines) {
  const engine = ENGINES[name];
  const missing = engine.available();
  if (missing) { report('FAIL', name, `cannot start: ${missing}`, 0); continue; }
  const started = Date.now();
  const dist = name === 'webkit' ? instrumented(DIST, 'webkit-dist') : DIST;
  const clinic = name === 'webkit' ? instrumented(CLINIC, 'webkit-clinic') : CLINIC;
  const servers = await Promise.all([
    startServer(dist, PORTS.guide),
    startServer(dist, PORTS.clinicGuide, { config: CLINIC_CONFIG }),
    startServer(clinic, PORTS.clinic, { hostOf: origin(PORTS.clinicGuide) }),
  ]);
  const x = name === 'webkit' ? await webkit.startXvfb() : null;
  let version = null;
  try {
    for (const flow of flows({ languages })) {
      if (only && !flow.name.includes(only)) continue;
      const t0 = Date.now();
      const sessions = [];
      const ctx = {
        dist,
        async browser(opts = {}) {
          const s = await engine.launch({ ...opts, display: x?.display });
          sessions.push(s);
          if (!version) { version = s.version; console.log(`[browsers] ${name}: ${version}`); }
          return s;
        },
      };
      let outcome;
      let failure = null;
      try {
        outcome = await flow.run(ctx);
      } catch (e) {
        failure = e.message;
      }
      const errors = [];
      for (const s of sessions) {
        errors.push(...await s.errors().catch((e) => [`(could not read the page's errors: ${e.message})`]));
        await s.close();
      }
      const ms = Date.now() - t0;
      const details = [failure, errors.length ? `page errors:\n${errors.map((e) => `  ${e}`).join('\n')}` : null].filter(Boolean).join('\n');
      if (failure || (errors.length && !flow.selfTest)) report('FAIL', name, flow.name, ms, details);
      else if (outcome?.skipped) report('SKIP', name, flow.name, ms, outcome.skipped);
      else report('pass', name, flow.name, ms);
    }
  } finally {
    x?.stop();
    await Promise.all(servers.map(({ server }) => new Promise((r) => { server.close(r); server.closeAllConnections(); })));
  }
  console.log(`[browsers] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const failed = results.filter((r) => r.status === 'FAIL');
const skipped = results.filter((r) => r.status === 'SKIP');
console.log(`[browsers] ${results.length - failed.length - skipped.length} passed, ${skipped.length} skipped (named above), ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
