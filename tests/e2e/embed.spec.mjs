// The demo clinic's website (one origin) embedding the guide (another
// origin) as a custom element and as an iframe.
import { test, expect, answerAll, CALM, RISK } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

const cspReports = async (origin) => (await fetch(`${origin}/__csp-report`)).json();

test('the custom element works across origins, themed by the host, configured inline', async ({ page }) => {
  await page.goto('/index.html');
  const guide = page.locator('signpost-guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  // The clinic's fallback inside the tag gave way to the guide.
  await expect(guide.getByText('Call Riverside on 020 7946 0000')).toBeHidden();
  // The host's theme reaches in through the custom properties.
  const accent = await guide.getByRole('button', { name: 'Start the questions' }).evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(accent).toBe('rgb(91, 42, 134)');
  // The inline configuration: crisis contacts and the clinic's contact.
  await guide.getByRole('button', { name: 'Need help now?' }).click();
  await expect(guide.getByRole('link', { name: /Samaritans/ })).toHaveAttribute('href', 'tel:116123');
  // Options the clinic does not offer are marked.
  await guide.getByRole('button', { name: 'Back' }).click();
  await guide.getByRole('button', { name: 'Explore the kinds of support' }).click();
  await guide.getByRole('button', { name: 'Read about Life or wellbeing coaching' }).click();
  await expect(guide.getByText('Not offered here.')).toBeVisible();
  expect(await cspReports(CLINIC)).toEqual([]);
});

test('a hostile host stylesheet cannot reach inside; two guides work independently', async ({ page }) => {
  await page.goto('/two.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Encuentre el tipo de apoyo que le conviene');
  // hostile.css hides buttons and paints text magenta: not inside the guide.
  const start = first.getByRole('button', { name: 'Start the questions' });
  await expect(start).toBeVisible();
  expect(await first.locator('h1').evaluate((h) => getComputedStyle(h).color)).not.toBe('rgb(255, 0, 255)');
  // And the guide's styles do not leak out to the host page.
  expect(await page.locator('main > h1').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('Comic Sans');

  await start.click();
  await first.getByLabel('Grief or a loss').check();
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 13');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Encuentre el tipo de apoyo que le conviene');

  // Attributes are the API: changing lang switches the language.
  await page.evaluate(() => document.querySelector('#second').setAttribute('lang', 'en'));
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 13');

  // Removing an element cleans up; adding one back starts fresh.
  await page.evaluate(() => document.querySelector('#first').remove());
  await expect(page.locator('signpost-guide')).toHaveCount(1);
  await page.evaluate(() => {
    const g = document.createElement('signpost-guide');
    g.id = 'third';
    document.querySelector('main').append(g);
  });
  await expect(page.locator('#third').getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
});

/// Walks the iframe on `path` with `answers`; returns every message the
/// host page received (recorded by the page, see below).
async function frameWalk(page, path, answers) {
  await page.goto(path);
  const frame = page.frameLocator('iframe.frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await frame.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(frame, answers);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(frame.locator('.sp-crisis')).toHaveCount(answers === RISK ? 1 : 0);
  // Anything the last screen posts is posted by the time it has been drawn
  // (two animation frames); then the guide's window posts a marker.
  // Messages from one window to another arrive in order, so once the
  // marker is in, so is everything the guide posted before it.
  const guide = page.frames().find((f) => f.url().startsWith(CLINIC_GUIDE));
  await guide.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await guide.evaluate((m) => parent.postMessage(m, '*'), END);
  await page.waitForFunction((m) => window.hostMessages.includes(JSON.stringify(m)), END);
  return page.evaluate((m) => window.hostMessages.filter((x) => x !== JSON.stringify(m)), END);
}
const END = 'end of the walk (test marker)';

for (const [path, what] of [['/frame.html', 'the default iframe'], ['/frame-auto.html', 'the opt-in auto-height iframe']]) {
  test(`${what}: the host receives the same messages for a calm and a risk walk-through`, async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.addInitScript(() => {
      if (window !== window.top) return;
      window.hostMessages = [];
      addEventListener('message', (e) => window.hostMessages.push(JSON.stringify(e.data)));
    });
    const calm = await frameWalk(page, path, CALM);
    const risk = await frameWalk(page, path, RISK);
    expect(risk).toEqual(calm);
    if (path === '/frame.html') expect(calm, 'the default embed posts nothing').toEqual([]);
    else expect(calm, 'one height, from the frame\'s width').toHaveLength(1);
    expect(await cspReports(CLINIC)).toEqual([]);
    expect(await cspReports(CLINIC_GUIDE)).toEqual([]);
  });
}

test('the opt-in auto-height follows the frame\'s width only, through the host script', async ({ page }) => {
  // src/embed/frame.rs, height_for_width.
  const expected = (width) => (width < 480 ? 1100 : width < 800 ? 950 : 850);
  await page.goto('/frame-auto.html');
  const frame = page.frameLocator('iframe.frame');
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  const iframe = page.locator('iframe.frame');
  const size = async () => iframe.evaluate((f) => [f.clientWidth, f.getBoundingClientRect().height]);
  await expect.poll(async () => { const [w, h] = await size(); return h === expected(w); }).toBe(true);
  await iframe.evaluate((f) => { f.style.width = '400px'; });
  await expect.poll(async () => (await size())[1]).toBe(1100);
  // A longer screen does not change it.
  await frame.getByRole('button', { name: 'Explore the kinds of support' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Kinds of support');
  expect((await size())[1]).toBe(1100);
});

test('no request after the first render in either embed, through a flow with a risk answer', async ({ page, requests }) => {
  const flow = async (guide) => {
    await guide.getByRole('button', { name: 'Explore the kinds of support' }).click();
    await guide.getByRole('button', { name: 'Compare them side by side' }).click();
    await guide.getByRole('button', { name: 'Back', exact: true }).click();
    await guide.getByRole('button', { name: 'Back', exact: true }).click();
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(guide, RISK);
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Your results');
    // The risk answer put the crisis contacts on screen.
    await expect(guide.locator('.sp-crisis')).toBeVisible();
  };

  await page.goto('/index.html');
  const element = page.locator('signpost-guide');
  // The guide's first render, not the prerendered welcome before it; no
  // other language's file for an English visitor (src/content/languages.rs).
  await expect(element.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
  expect(requests.filter((u) => /\/content-(?!en-)[a-z]{2}-[0-9a-f]+\.bin$/.test(u))).toEqual([]);
  let before = requests.length;
  await flow(element);
  expect(requests.slice(before), 'custom element: requests after the first render').toEqual([]);

  await page.goto('/frame.html');
  const frame = page.frameLocator('iframe.frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  // The frame's service worker has installed (its precache is done).
  const guideFrame = page.frames().find((f) => f.url().startsWith(CLINIC_GUIDE));
  await guideFrame.evaluate(() => navigator.serviceWorker.ready);
  before = requests.length;
  await flow(frame);
  expect(requests.slice(before), 'iframe: requests after the first render').toEqual([]);
});

test.describe('when the WebAssembly cannot start', () => {
  const fallbackShows = async (page) => {
    const guide = page.locator('signpost-guide');
    await expect(guide.getByText('If you are in danger now or might hurt yourself, call your local emergency number.')).toBeVisible();
    await expect(guide.getByRole('link', { name: /Samaritans \(24 hours, free\)/ })).toHaveAttribute('href', 'tel:116123');
    // The clinic's own fallback, written inside the tag.
    await expect(guide.getByText('Call Riverside on 020 7946 0000')).toBeVisible();
  };

  test('the custom element shows the way to urgent help when the wasm is blocked', async ({ page }) => {
    const failed = page.waitForEvent('console', (m) => m.text().includes('the guide could not start'));
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto('/index.html');
    await failed;
    await fallbackShows(page);
  });

  test('the custom element shows the way to urgent help under a host CSP without wasm-unsafe-eval', async ({ page }) => {
    // no-wasm.html adds a policy without 'wasm-unsafe-eval' (a <meta> CSP,
    // enforced together with the server's).
    const failed = page.waitForEvent('console', (m) => m.text().includes('the guide could not start'));
    await page.goto('/no-wasm.html');
    await failed;
    await fallbackShows(page);
  });
});

/// Adds a configuration element and a guide that names it.
const addGuide = (page, tag, config) => page.evaluate(([tag, config]) => {
  const el = document.createElement(tag);
  if (tag === 'script') el.type = 'application/json';
  el.id = 'added-config';
  el.textContent = JSON.stringify(config);
  const guide = document.createElement('signpost-guide');
  guide.id = 'added';
  guide.setAttribute('config', '#added-config');
  document.querySelector('main').append(el, guide);
}, [tag, config]);

test('the custom element reads its configuration only from a JSON script', async ({ page }) => {
  await page.goto('/two.html');
  await expect(page.locator('#first').getByRole('heading', { level: 1 })).toBeVisible();
  const refused = page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('not a <script type="application/json">'));
  await addGuide(page, 'div', { schema_version: 1, crisis_contacts: { en: [{ name: 'Injected line', phone: '555 0100' }] } });
  await refused;
  const guide = page.locator('#added');
  await guide.getByRole('button', { name: 'Need help now?' }).click();
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
  await expect(guide.locator('a.sp-contact[href="tel:911"]').first()).toBeVisible();
  await expect(guide.getByRole('link', { name: /Injected line/ })).toHaveCount(0);
});

test('content handed to the element as bytes (preview.content) is checked like fetched content: a bad or oversized file is refused by name', async ({ page, requests }) => {
  // A page of the clinic's with the element's script and no guide yet: a
  // fresh page, so that no earlier guide has loaded what this one must.
  const demo = await (await page.request.get('/index.html')).text();
  const script = demo.match(/src="([^"]+\/signpost-guide\.js)"/)[1];
  await page.goto('/no-page-here');
  await page.setContent(`<!doctype html><html lang="en"><head><title>Clinic</title><script type="module" src="${script}"></script></head><body></body></html>`);
  for (const [bytes, why] of [[3, 'is not valid'], [1024 * 1024 + 1, 'is larger than 1024 KiB']]) {
    const refused = page.waitForEvent('console', (m) => m.type() === 'error'
      && m.text().includes(`the content given to the element (preview.content) ${why}`) && m.text().includes('using the built-in content'));
    await page.evaluate((n) => {
      document.getElementById('added')?.remove();
      const guide = document.createElement('signpost-guide');
      guide.id = 'added';
      guide.preview = { content: new Uint8Array(n).fill(7), crisis: true };
      document.body.append(guide);
    }, bytes);
    await refused;
    // The built-in content instead, still with the crisis panel asked for.
    const guide = page.locator('#added');
    await expect(guide.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    await expect(guide.locator('.sp-crisis')).toBeVisible();
    // Its other languages work: a switch fetches that one's file, once
    // however many guides the page has.
    await guide.getByRole('button', { name: 'Español' }).click();
    await expect(guide.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Encuentre el tipo de apoyo que le conviene');
  }
  // Nothing was fetched for the content: the only files are the guide's own.
  // Trunk writes its hash without leading zeros (15 digits, now and then).
  const name = (u) => u.replace(/.*\//, '').replace(/-[0-9a-f]{15,16}(?=[._])/, '-HASH');
  const files = requests.filter((u) => u.startsWith(CLINIC_GUIDE)).map(name);
  expect(files.filter((f) => !['signpost-guide.js', 'signpost-HASH.js', 'signpost-HASH_bg.wasm', 'main-HASH.css', 'signpost-check-HASH.wasm', 'content-es-HASH.bin', 'content-en-HASH.bin', 'directory-HASH.txt'].includes(f))).toEqual([]);
  // The crisis directory once, however many guides the page has.
  expect(requests.map(name).filter((f) => f === 'directory-HASH.txt')).toHaveLength(1);
  // Each language file once: the two guides share what it holds.
  expect(requests.map(name).filter((f) => f === 'content-es-HASH.bin')).toHaveLength(1);
  expect(requests.map(name).filter((f) => f === 'content-en-HASH.bin')).toHaveLength(1);

  // Not bytes at all: refused by name, and the built-in content shows.
  const unreadable = page.waitForEvent('console', (m) => m.type() === 'error'
    && m.text().includes('preview.content cannot be read (it is not a Uint8Array or an ArrayBuffer)'));
  await page.evaluate(() => {
    document.getElementById('added').remove();
    const guide = document.createElement('signpost-guide');
    guide.id = 'added';
    guide.preview = { content: 'compiled bytes?' };
    document.body.append(guide);
  });
  await unreadable;
  await expect(page.locator('#added .signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
});

test('before the WebAssembly, the custom element speaks the language the guide will choose ("es-MX" is Spanish)', async ({ page, context }) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto('/index.html', { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    const guide = document.createElement('signpost-guide');
    guide.id = 'added';
    guide.setAttribute('lang', 'es-MX');
    document.querySelector('main').append(guide);
  });
  const guide = page.locator('#added');
  await expect(guide.locator('.sp-fallback')).toHaveAttribute('lang', 'es');
  await expect(guide.locator('h1')).toHaveText('Signpost: una guía privada sobre el apoyo en salud mental');
  release();
  await expect(guide.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Encuentre el tipo de apoyo que le conviene');
});

test('in the custom element "remember my answers" is off unless the configuration allows it', async ({ page }) => {
  await page.goto('/index.html');
  const guide = page.locator('signpost-guide');
  await guide.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(guide, CALM);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(guide.getByRole('checkbox', { name: /Remember my answers/ })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // Allowed: offered, and the note says where the answers would be kept.
  await addGuide(page, 'script', { schema_version: 1, remember_in_element: true });
  const allowed = page.locator('#added');
  await allowed.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(allowed, CALM);
  await expect(allowed.getByRole('checkbox', { name: /Remember my answers/ })).toBeVisible();
  await expect(allowed.locator('#sp-remember-note')).toContainText('on this website in this browser');
});

test('the custom element shows nothing unstyled: its screen appears once its stylesheet applies, at once if it fails, after the time limit or when the guide starts if it hangs; the way to urgent help never waits', async ({ page, context }) => {
  // The page's timers stand still unless the test moves them, so each way
  // of showing the screen is proved alone (the 3 s limit cannot stand in
  // for the stylesheet's load or error event).
  await page.clock.install({ time: 0 });
  await page.clock.pauseAt(1000);
  const CSS = /\/main-[0-9a-f]{16}\.css$/;
  const WASM = /_bg\.wasm$/;
  const hold = async (url) => {
    let release;
    const gate = new Promise((r) => { release = r; });
    await context.unroute(url);
    // (A request still held when the test reloads is cancelled by then.)
    await context.route(url, async (route) => { await gate; await route.continue().catch(() => {}); });
    return release;
  };
  const guide = page.locator('signpost-guide');
  // (Not by role: a hidden heading is not in the accessibility tree.)
  const title = guide.locator('h1');
  // The lines below the prerendered screen (the screen has its own too).
  const urgent = guide.locator('.sp-fallback').getByText('If you are in danger now or might hurt yourself, call your local emergency number.');

  // The stylesheet held (and the guide, so that only the stylesheet can
  // show the screen): hidden, but not the way to urgent help. Released:
  // shown, in the guide's own font size, not the host page's default.
  let releaseCss = await hold(CSS);
  let releaseWasm = await hold(WASM);
  // (The held stylesheet holds back the load event too.)
  await page.goto('/index.html', { waitUntil: 'domcontentloaded' });
  await expect(title).toHaveText('Find the kind of support that suits you');
  await expect(title).toBeHidden();
  await expect(urgent).toBeVisible();
  releaseCss();
  await expect(title).toBeVisible();
  await expect(title).not.toHaveCSS('font-size', '32px');
  releaseWasm();

  // Hanging: shown unstyled when the time limit passes, not before.
  releaseCss = await hold(CSS);
  releaseWasm = await hold(WASM);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(title).toHaveText('Find the kind of support that suits you');
  await page.clock.runFor(2900);
  await expect(title).toBeHidden();
  await page.clock.runFor(200);
  await expect(title).toBeVisible();
  releaseWasm();
  releaseCss();

  // Hanging, but the guide starts: shown then, with no time passing.
  releaseCss = await hold(CSS);
  await context.unroute(WASM);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
  releaseCss();

  // Failing: shown at once, with no time passing.
  await hold(WASM);
  await context.unroute(CSS);
  await context.route(CSS, (route) => route.abort());
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(title).toBeVisible();
});

test('the custom element shows its welcome before the WebAssembly; Start shows the first question, and the guide keeps its answer', async ({ page, context }) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto('/index.html');
  const guide = page.locator('signpost-guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  // The way to urgent help, and the clinic's own lines, are there too.
  await expect(guide.getByText('If you are in danger now or might hurt yourself, call your local emergency number.').first()).toBeVisible();
  await expect(guide.getByRole('link', { name: /Samaritans/ }).first()).toBeVisible();
  await guide.getByRole('button', { name: 'Start the questions' }).click();
  await expect(guide.getByRole('group', { name: 'What brings you here?' })).toBeVisible();
  await expect(guide.locator('#sp-title')).toBeFocused();
  await guide.getByLabel('Stress', { exact: true }).check();
  release();
  await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
  await expect(guide.getByLabel('Stress', { exact: true })).toBeChecked();
  await guide.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText(/^Question 2 of /);
});

test('the host page\'s own --sp-* colours are checked like the configuration\'s, in light and dark, and again when settings change (issue 27, item 4)', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('Signpost: the colours')) warnings.push(m.text()); });
  await page.goto('/index.html');
  const guide = page.locator('signpost-guide');
  const start = guide.getByRole('button', { name: 'Start the questions' });
  // site.css sets a purple accent on the element: readable on light.
  await expect(start).toHaveCSS('background-color', 'rgb(91, 42, 134)');
  expect(warnings, 'no colour refused in light mode').toEqual([]);
  // In dark mode the purple would carry dark text it cannot: the guide's own.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(start).toHaveCSS('background-color', 'rgb(140, 196, 240)');
  expect(warnings.join('\n')).toContain('--sp-accent-text on --sp-accent');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(start).toHaveCSS('background-color', 'rgb(91, 42, 134)');
  // Text nearly white on white, set by the host's script: refused once the
  // element's settings change, with the crisis panel's colours.
  await page.evaluate(() => document.querySelector('signpost-guide').style.setProperty('--sp-text', '#eeeeee'));
  await page.evaluate(() => document.querySelector('signpost-guide').setAttribute('lang', 'en'));
  await expect(guide.locator('h1')).toHaveCSS('color', 'rgb(31, 35, 40)');
  expect(warnings.join('\n')).toContain('--sp-text on --sp-bg');
});
