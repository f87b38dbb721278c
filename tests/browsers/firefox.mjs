// Firefox (Debian's firefox-esr), driven over WebDriver BiDi by
// puppeteer-core. Page errors come from BiDi's log.entryAdded: puppeteer's
// 'pageerror' (uncaught exceptions, unhandled rejections) and 'console'
// events, for the page and every frame in it (cross-origin ones too).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { LIB } from './page.mjs';
import { PORTS, TIME_ZONE } from './config.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export function available() {
  return existsSync(FIREFOX) ? null : `${FIREFOX} not found (scripts/setup installs Debian's firefox-esr)`;
}

// On top of puppeteer's own profile (no updates, telemetry, safe browsing,
// captive portal checks, remote settings...): every connection to a host
// other than loopback goes to a port nothing listens on, so it fails at
// once instead of waiting on the closed network.
const PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': PORTS.refused,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': PORTS.refused,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.connectivity-service.enabled': false,
  'dom.push.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'toolkit.telemetry.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
};

/// Starts Firefox preferring `language` (intl.accept_languages).
export async function launch({ language = 'en-US' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'signpost-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    debuggingPort: PORTS.firefoxBiDi,
    env: { ...process.env, TZ: TIME_ZONE, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: { ...PREFS, 'intl.accept_languages': language },
    protocolTimeout: 60_000,
  });
  const page = (await browser.pages())[0] ?? await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  let scope = page;
  const source = (fn, args) => `(async () => {${LIB}\nreturn (${fn})(...${JSON.stringify(args)});})()`;
  return {
    engine: 'firefox',
    version: await browser.version(),
    async goto(url) { scope = page; await page.goto(url, { waitUntil: 'load' }); },
    async reload() { scope = page; await page.reload({ waitUntil: 'load' }); },
    run: (fn, ...args) => scope.evaluate(source(fn, args)),
    async click(fn, ...args) {
      const handle = await scope.evaluateHandle(source(fn, args));
      const element = handle.asElement();
      if (!element) { await handle.dispose(); return false; }
      await element.click();
      await element.dispose();
      return true;
    },
    async enterFrame(selector) {
      const frame = await (await page.$(selector))?.contentFrame();
      if (!frame) throw new Error(`no frame ${selector}`);
      scope = frame;
    },
    leaveFrame() { scope = page; },
    async errors() { return errors.splice(0); },
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
