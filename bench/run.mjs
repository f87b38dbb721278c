// The benchmark (not a test): Signpost, the peer (the same questionnaire in
// SurveyJS) and the floor (the first question as static HTML), measured in
// one headless Chromium, served from 127.0.0.1 with brotli/gzip, correct
// types and cache headers, under 4x CPU throttling and Lighthouse's mobile
// "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 675 kbit/s up).
//
// Usage: node bench/run.mjs [--loads N] [--dist DIR] [--out FILE]   (run by scripts/bench)
//   --out: also write the figures as JSON (scripts/bench: bench/results/).
//
// Two kinds of rows. Direct: the page opened at its first question.
// Landing: the paths visitors take: a page that opens at the welcome (the
// guide's own page, the iframe and the custom element on a clinic's page,
// a plain HTML welcome for the floor), "Start the questions" pressed as
// soon as it can be, timed from the landing page's navigation start to the
// first question being answerable. Bytes are counted at the servers, as
// sent (compressed), with production cache headers and service workers
// allowed: a first visit's offline precache is included (waited for).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startServer } from '../scripts/static-server.mjs';

const LOADS = Number(process.argv[process.argv.indexOf('--loads') + 1]) || 20;
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv.includes('--dist') ? process.argv[process.argv.indexOf('--dist') + 1] : `${root}dist`;
const out = `${root}target/bench/`;
const resultsFile = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : null;

// The peer's files: SurveyJS's minified production builds from the pinned
// npm packages, the survey from bench/peer/survey.json.
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}peer`, { recursive: true });
for (const f of ['survey-core/survey-core.fontless.min.css', 'survey-core/survey.core.min.js', 'survey-core/survey.i18n.min.js', 'survey-js-ui/survey-js-ui.min.js']) {
  cpSync(`${root}node_modules/${f}`, `${out}peer/${f.split('/')[1]}`);
}
cpSync(`${root}bench/peer/index.html`, `${out}peer/index.html`);
cpSync(`${root}bench/peer/peer.js`, `${out}peer/peer.js`);
writeFileSync(`${out}peer/survey-def.js`, `window.SURVEY_JSON = ${readFileSync(`${root}bench/peer/survey.json`, 'utf8')};\n`);
cpSync(`${root}bench/floor`, `${out}floor`, { recursive: true });

const GUIDE = 'http://127.0.0.1:4273';
const servers = [
  await startServer(dist, 4273, { record: true }),
  await startServer(`${out}peer`, 4274, { csp: false, record: true }),
  await startServer(`${out}floor`, 4275, { csp: false, record: true }),
  // A clinic's site embedding the guide from another origin (demo/clinic).
  await startServer(`${root}demo/clinic`, 4276, { hostOf: GUIDE, record: true }),
];
// Interactive once the guide has replaced the plain/prerendered HTML.
const signpost = { ready: '#signpost > .signpost:not(.sp-fallback):only-child', first: 'fieldset input', answer: 'fieldset .sp-choice input', next: '.sp-actions--step .sp-button--primary', title: 'h1' };
const PAGES = [
  // index.html carries the first question prerendered at build time; the
  // boot script shows it for ?step=questions (where questions.html sends).
  { name: 'Signpost', url: `${GUIDE}/?step=questions`, ...signpost },
  { name: 'peer (SurveyJS)', url: 'http://127.0.0.1:4274/', first: '.sd-question input',
    answer: '.sd-question .sd-item label', next: 'input.sd-navigation__next-btn, button.sd-navigation__next-btn, .sd-navigation__next-btn', title: '.sd-question__title' },
  { name: 'floor (static HTML)', url: 'http://127.0.0.1:4275/', first: 'fieldset input' },
  // Landing paths: `in` finds the guide (the page, its iframe, the element).
  { name: 'landing: page', url: `${GUIDE}/`, landing: 'page', first: 'fieldset input', worker: true },
  { name: 'landing: iframe', url: 'http://127.0.0.1:4276/frame.html', landing: 'iframe', first: 'fieldset input', worker: true },
  { name: 'landing: element', url: 'http://127.0.0.1:4276/index.html', landing: 'element', first: 'fieldset input' },
  { name: 'landing: floor', url: 'http://127.0.0.1:4275/start.html', landing: 'page', first: 'fieldset input' },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});

async function throttled(context, page, { cache = false } = {}) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Direct rows disable the cache, as before; landing rows keep it (a
  // fresh context starts empty), since the worker's precache relies on it.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

// The time (ms since the epoch) at which the first question's first input
// is visible and enabled, looked up through `path`: '' (the document),
// 'element' (a <signpost-guide>'s shadow root).
const answerable = (sel) => ([s, path]) => {
  const scope = path === 'element' ? document.querySelector('signpost-guide')?.shadowRoot : document;
  const el = scope?.querySelector(s);
  if (!el) return false;
  const r = (el.labels?.[0] ?? el).getBoundingClientRect();
  return r.width > 0 && r.height > 0 && !el.disabled ? performance.timeOrigin + performance.now() : false;
};

/// Bytes the servers sent since `mark` (a snapshot of their counts).
const sentSince = (mark) => servers.reduce((sum, s, i) => sum + s.sent.slice(mark[i]).reduce((n, r) => n + r.bytes, 0), 0);
const mark = () => servers.map((s) => s.sent.length);

/// Waits (up to 20 s) for the service worker the guide's page registers
/// (web/boot.js, once it is idle) to be active, so its precache is counted.
/// Only rows marked `worker` register one (the element and the static floor
/// do not): waiting on the others would only add 20 s to every load.
const precached = (frame) => frame.evaluate(() => new Promise((done) => {
  if (!('serviceWorker' in navigator)) return done(false);
  const deadline = Date.now() + 20_000;
  (function poll() {
    navigator.serviceWorker.getRegistration().then((r) => {
      if (r?.active) return done(true);
      if (Date.now() > deadline) return done(false);
      setTimeout(poll, 100);
    });
  })();
})).catch(() => false);

async function coldLoad(p) {
  const context = await browser.newContext({ serviceWorkers: p.landing ? 'allow' : 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await throttled(context, page, { cache: Boolean(p.landing) });
  const before = mark();
  await page.goto(p.url, { waitUntil: 'commit' });
  let ms;
  if (!p.landing) {
    const at = await (await page.waitForFunction(answerable(), [p.first, ''], { polling: 'raf', timeout: 60_000 })).jsonValue();
    ms = at - await page.evaluate(() => performance.timeOrigin);
  } else {
    const landed = await page.evaluate(() => performance.timeOrigin);
    const guide = () => (p.landing === 'iframe' ? page.frames().find((f) => f !== page.mainFrame()) ?? page.mainFrame() : page.mainFrame());
    const scope = p.landing === 'iframe' ? page.frameLocator('iframe') : page;
    await scope.getByRole(p.url.includes(':4275') ? 'link' : 'button', { name: 'Start the questions' }).click({ timeout: 60_000 });
    const at = await (await guide().waitForFunction(answerable(), [p.first, p.landing === 'element' ? 'element' : ''], { polling: 'raf', timeout: 60_000 })).jsonValue();
    ms = at - landed;
    if (p.worker) await precached(guide());
  }
  await page.waitForLoadState('networkidle');
  // First paint of the page navigated to (for landing rows, the landing
  // page): its first contentful paint, from its navigation start.
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const bytes = sentSince(before);
  await context.close();
  return { ms, bytes, paint };
}

async function interaction(p) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await throttled(context, page);
  await page.goto(p.url);
  await page.waitForFunction(answerable(), [p.first, ''], { polling: 'raf', timeout: 60_000 });
  if (p.ready) await page.waitForSelector(p.ready, { timeout: 60_000 });
  // Per step: click an answer, then (a frame later) Next; time from the
  // Next click to the next question in the DOM (a MutationObserver sees it
  // at once), and to the start of the frame that paints it.
  const times = [];
  const frames = [];
  for (let step = 0; step < 11; step++) {
    const r = await page.evaluate(({ answer, next, title }) => new Promise((done) => {
      document.querySelector(answer)?.click();
      requestAnimationFrame(() => {
        const before = document.querySelector(title)?.textContent;
        const button = [...document.querySelectorAll(next)].find((b) => b.offsetParent !== null);
        if (!button) return done(null);
        let t0;
        const observer = new MutationObserver(() => {
          const now = document.querySelector(title)?.textContent;
          if (now === undefined || now === before) return;
          observer.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => done({ dom, frame: performance.now() - t0 }));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        t0 = performance.now();
        button.click();
        setTimeout(() => { observer.disconnect(); done(null); }, 10_000);
      });
    }), p);
    if (r === null) break;
    times.push(r.dom);
    frames.push(r.frame);
  }
  // Finish (the last step leads to the results), then memory.
  await page.waitForTimeout(500);
  const heap = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { times, frames, memory: heap.usedSize + (heap.backingStorageSize ?? 0), heap };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)]; };

const results = {};
for (const p of PAGES) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) { loads.push(await coldLoad(p)); process.stderr.write("."); }
  process.stderr.write(`loads done: ${p.name}\n`);
  results[p.name] = { loads, ...(p.next && !p.landing ? await interaction(p) : {}) };
  process.stderr.write(`measured ${p.name}\n`);
}
await browser.close();
for (const s of servers) s.server.close();

const kib = (b) => (b / 1024).toFixed(1);
const paints = (r) => r.loads.map((l) => l.paint).filter((x) => x !== null);
const rows = PAGES.map((p) => {
  const r = results[p.name];
  const ms = r.loads.map((l) => l.ms);
  return {
    name: p.name,
    bytes: median(r.loads.map((l) => l.bytes)),
    ttfqMedian: median(ms),
    ttfqP90: p90(ms),
    paintMedian: paints(r).length ? median(paints(r)) : null,
    paintP90: paints(r).length ? p90(paints(r)) : null,
    nextMedian: r.times?.length ? median(r.times) : null,
    nextP90: r.times?.length ? p90(r.times) : null,
    frameMedian: r.frames?.length ? median(r.frames) : null,
    steps: r.times?.length ?? 0,
    memory: r.memory ?? null,
  };
});
console.log(`Signpost benchmark: ${LOADS} cold loads each, 4x CPU throttling, slow 4G (150 ms RTT, 1.6 Mbit/s), 390x844`);
console.log('page                  transfer KiB  first paint ms (median / p90)  first question ms (median / p90)  answer->next in DOM ms (median / p90, steps)  ->painted frame ms (median)  memory after finishing MiB (JS heap + ArrayBuffers incl. wasm)');
for (const r of rows) {
  console.log(`${r.name.padEnd(22)}${kib(r.bytes).padStart(12)}  ${(r.paintMedian === null ? 'n/a' : `${r.paintMedian.toFixed(0)} / ${r.paintP90.toFixed(0)}`).padStart(29)}  ${`${r.ttfqMedian.toFixed(0)} / ${r.ttfqP90.toFixed(0)}`.padStart(32)}  ${
    (r.nextMedian === null ? 'n/a' : `${r.nextMedian.toFixed(1)} / ${r.nextP90.toFixed(1)} (${r.steps})`).padStart(44)}  ${
    (r.frameMedian === null ? 'n/a' : r.frameMedian.toFixed(1)).padStart(27)}  ${
    (r.memory === null ? 'n/a' : (r.memory / 1048576).toFixed(1)).padStart(10)}`);
}
const row = (name) => rows.find((r) => r.name === name);
const [s, peer, floor, floorLanding] = ['Signpost', 'peer (SurveyJS)', 'floor (static HTML)', 'landing: floor'].map(row);
const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');
console.log(`ratios Signpost/peer:  transfer ${ratio(s.bytes, peer.bytes)}, first question ${ratio(s.ttfqMedian, peer.ttfqMedian)}, answer->next ${ratio(s.nextMedian, peer.nextMedian)}, memory ${ratio(s.memory, peer.memory)}`);
console.log(`ratios Signpost/floor: transfer ${ratio(s.bytes, floor.bytes)}, first question ${ratio(s.ttfqMedian, floor.ttfqMedian)}`);
for (const r of rows.filter((r) => r.name.startsWith('landing: ') && r !== floorLanding)) {
  console.log(`ratios ${r.name} / landing floor: first question median ${ratio(r.ttfqMedian, floorLanding.ttfqMedian)}, p90 ${ratio(r.ttfqP90, floorLanding.ttfqP90)}; / peer: median ${ratio(r.ttfqMedian, peer.ttfqMedian)}, p90 ${ratio(r.ttfqP90, peer.ttfqP90)}`);
}
if (resultsFile) {
  const conditions = { loads: LOADS, cpu: '4x', network: 'slow 4G: 150 ms RTT, 1.6 Mbit/s down, 675 kbit/s up', viewport: '390x844' };
  writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), conditions, rows }, null, 1)}\n`);
  console.log(`figures written to ${resultsFile}`);
}
