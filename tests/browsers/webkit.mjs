// WebKit: WebKitGTK's MiniBrowser, driven by WebKitWebDriver (Debian's
// webkit2gtk-driver) with classic WebDriver over HTTP, on an X server of
// its own (Xvfb: MiniBrowser has no headless mode).
//
// What WebKitWebDriver 2.50 cannot do, and what stands in:
// - No WebDriver BiDi (a session asking for webSocketUrl is refused) and no
//   log endpoint, and MiniBrowser in automation mode does not write console
//   messages to its output. So page errors are caught by capture.js, which
//   the harness adds as the first script of every page it serves to WebKit
//   (a copy of dist/ and of the demo clinic): uncaught exceptions,
//   unhandled rejections and console.error, kept in sessionStorage so a
//   reload keeps them. It cannot see errors in the service worker, nor
//   ones the engine reports only to its own console (CSP refusals, failed
//   loads).
// - No language setting: WebKitGTK takes navigator.language from the C
//   library's locale (setlocale(LC_CTYPE)), so a language needs an
//   installed locale. The harness compiles the ones it needs with
//   localedef from Debian's locales sources into target/browsers/locales
//   and points LOCPATH there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIB } from './page.mjs';
import { PORTS, TIME_ZONE, DEADLINE_MS, origin } from './config.mjs';

export const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser']
  .find((p) => existsSync(p)) ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const LOCALES = new URL('../../target/browsers/locales/', import.meta.url).pathname;

export function available() {
  for (const [file, pkg] of [[DRIVER, 'webkit2gtk-driver'], [MINIBROWSER, 'webkit2gtk-driver'], ['/usr/bin/Xvfb', 'xvfb']]) {
    if (!existsSync(file)) return `${file} not found (scripts/setup installs Debian's ${pkg})`;
  }
  return null;
}

/// A locale for `language` ("es", "es-MX"): LC_ALL's value and the
/// directory for LOCPATH, compiled once; null if Debian's locales sources
/// have no locale for it.
export function localeFor(language) {
  if (/^en(-US)?$/.test(language)) return 'C.UTF-8';
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) throw new Error(`not a language tag this harness knows: ${language}`);
  const [lang, region] = language.split('-');
  const sources = '/usr/share/i18n/locales';
  const preferred = { es: 'MX', fr: 'FR', pt: 'BR', de: 'DE', ar: 'EG', en: 'US' };
  let name = `${lang}_${region ?? preferred[lang] ?? lang.toUpperCase()}`;
  if (!existsSync(join(sources, name))) {
    const { stdout } = spawnSync('sh', ['-c', `ls ${sources} | grep -m1 '^${lang}_[A-Z]*$'`], { encoding: 'utf8' });
    name = stdout.trim();
    if (!name) return null;
  }
  const full = `${name}.UTF-8`;
  if (!existsSync(join(LOCALES, full))) {
    mkdirSync(LOCALES, { recursive: true });
    const r = spawnSync('localedef', ['-i', name, '-f', 'UTF-8', join(LOCALES, full)], { encoding: 'utf8' });
    if (!existsSync(join(LOCALES, full))) throw new Error(`localedef ${name}: ${r.stderr || r.error}`);
  }
  return full;
}

/// An X server for the whole run; its display number, and stop().
export async function startXvfb() {
  const x = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  x.stderr.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    x.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(`:${out.trim()}`); });
    x.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
  });
  return { display, stop: () => x.kill() };
}

const poll = async (what, fn) => {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/// Starts WebKitWebDriver and a MiniBrowser session preferring `language`.
export async function launch({ language = 'en-US', display }) {
  const locale = localeFor(language);
  if (!locale) throw new Error(`no locale for ${language} in /usr/share/i18n/locales (Debian's locales package)`);
  // Its own process group: MiniBrowser outlives a killed driver otherwise.
  const driver = spawn(DRIVER, [`--port=${PORTS.webkitDriver}`, '--host=local'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display, TZ: TIME_ZONE, LOCPATH: LOCALES, LC_ALL: locale, LANGUAGE: language.replace('-', '_'), GTK_A11Y: 'none', NO_AT_BRIDGE: '1' },
  });
  let log = '';
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  const base = `${origin(PORTS.webkitDriver)}`;
  const call = async (method, path, body) => {
    const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json();
    if (json.value?.error) throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  const exited = new Promise((r) => driver.once('exit', r));
  // The driver and its MiniBrowser; resolves once the port is free again.
  const stop = async () => {
    try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* gone */ }
    await exited;
  };
  let session;
  let version;
  try {
    await Promise.race([
      poll(`WebKitWebDriver on port ${PORTS.webkitDriver}`, async () => (await call('GET', '/status')).ready),
      exited.then((code) => { throw new Error(`WebKitWebDriver exited (${code}): ${log.trim()}`); }),
    ]);
    const created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            args: ['--automation', `--proxy=${origin(PORTS.refused)}`, '--ignore-host=127.0.0.1', '--ignore-host=localhost'],
          },
        },
      },
    });
    session = `/session/${created.sessionId}`;
    await call('POST', `${session}/timeouts`, { script: DEADLINE_MS, pageLoad: DEADLINE_MS });
    version = created.capabilities.browserVersion;
  } catch (e) {
    await stop();
    throw e;
  }
  const errors = [];
  // Collects what capture.js kept in the current document's sessionStorage.
  const collect = async () => {
    const kept = await call('POST', `${session}/execute/sync`, {
      script: 'const k = "__signpost_test_errors"; const v = JSON.parse(sessionStorage.getItem(k) || "[]"); sessionStorage.removeItem(k); return v;',
      args: [],
    }).catch(() => []);
    errors.push(...kept);
  };
  const execute = (fn, args) => call('POST', `${session}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];${LIB}\nPromise.resolve().then(() => (${fn})(...${JSON.stringify(args)})).then(done, (e) => done({ __failed: String(e && e.stack || e) }));`,
    args: [],
  }).then((v) => {
    if (v && v.__failed) throw new Error(v.__failed);
    return v;
  });
  return {
    engine: 'webkit',
    version: `MiniBrowser ${version}`,
    async goto(url) { await collect(); await call('POST', `${session}/frame`, { id: null }); await call('POST', `${session}/url`, { url }); },
    async reload() { await collect(); await call('POST', `${session}/frame`, { id: null }); await call('POST', `${session}/refresh`, {}); },
    run: (fn, ...args) => execute(fn, args),
    async click(fn, ...args) {
      const el = await call('POST', `${session}/execute/sync`, { script: `${LIB}\nreturn (${fn})(...${JSON.stringify(args)});`, args: [] });
      if (!el?.[ELEMENT]) return false;
      await call('POST', `${session}/element/${el[ELEMENT]}/click`, {});
      return true;
    },
    async enterFrame(selector) {
      const el = await call('POST', `${session}/element`, { using: 'css selector', value: selector });
      await call('POST', `${session}/frame`, { id: el });
    },
    async leaveFrame() { await collect(); await call('POST', `${session}/frame/parent`, {}); },
    async errors() { await collect(); return errors.splice(0); },
    async close() {
      await call('DELETE', session).catch(() => {});
      await stop();
    },
  };
}
