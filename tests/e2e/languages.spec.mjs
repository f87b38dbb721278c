// One language per visitor: the wasm embeds English; Spanish is a file of
// its own (src/content/languages.rs), fetched for every visitor as the guide
// starts, so what a server or host page sees never depends on the
// visitor's choice, and switching makes no request.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, open, live } from './fixtures.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const SPANISH_FILE = /\/content-es-[0-9a-f]{16}\.bin$/;
const SPANISH_TITLE = 'Encuentre el tipo de apoyo que le conviene';
const ENGLISH_TITLE = 'Find the kind of support that suits you';
const title = (page) => page.getByRole('heading', { level: 1 });

test('the guide\'s code carries English alone; Spanish is its own file', async () => {
  const files = readdirSync(DIST);
  const wasm = files.find((f) => /^signpost-[0-9a-f]+_bg\.wasm$/.test(f));
  const spanish = files.find((f) => SPANISH_FILE.test(`/${f}`));
  expect(readFileSync(new URL(wasm, DIST)).includes(ENGLISH_TITLE)).toBe(true);
  expect(readFileSync(new URL(wasm, DIST)).includes(SPANISH_TITLE)).toBe(false);
  expect(readFileSync(new URL(spanish, DIST)).includes(SPANISH_TITLE)).toBe(true);
  expect(readFileSync(new URL(spanish, DIST)).includes(ENGLISH_TITLE)).toBe(false);
});

test('an English visitor\'s guide fetches Spanish as it starts, so switching makes no request', async ({ page }) => {
  // The page's own requests: the service worker's precache (once the page
  // is idle, whatever the visitor does) is not the page's, and asks its
  // HTTP cache for the same files.
  const fromPage = [];
  page.on('request', (r) => fromPage.push(r.url()));
  await open(page);
  await expect.poll(() => fromPage.filter((u) => SPANISH_FILE.test(u)).length).toBe(1);
  const before = fromPage.length;
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(title(page)).toHaveText(SPANISH_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(title(page)).toHaveText(ENGLISH_TITLE);
  expect(fromPage.slice(before), 'requests after switching').toEqual([]);
  await expect(page.locator('.sp-privacy-check')).toContainText('Connections from this page to the internet since the guide opened: 0.');
});

test('a Spanish browser downloads its language beside the guide\'s code, once', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'es-MX', baseURL });
  const seen = [];
  const page = await context.newPage();
  page.on('request', (r) => seen.push(r.url()));
  await page.goto('/');
  // Preloaded by the boot script while the wasm downloads, the same
  // request the guide then makes.
  await expect(page.locator('link[rel="preload"][href*="content-es-"]')).toHaveAttribute('as', 'fetch');
  await live(page);
  await expect(title(page)).toHaveText(SPANISH_TITLE);
  expect(seen.filter((u) => SPANISH_FILE.test(u))).toHaveLength(1);
  await context.close();
});

test('a Spanish browser sees what the guide is in Spanish until the guide starts in Spanish, never the English welcome', async ({ browser, baseURL }) => {
  // (No service worker: its fetches would bypass the hold on the wasm.)
  const context = await browser.newContext({ locale: 'es-MX', baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  for (const [path, then] of [['/', SPANISH_TITLE], ['/?step=questions', /^Pregunta 1 de \d+$/]]) {
    // The guide's code held back: what shows before it starts.
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.unroute('**/*_bg.wasm');
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await expect(title(page)).toHaveText('Signpost: una guía privada sobre el apoyo en salud mental');
    await expect(page.locator('#signpost > .signpost.sp-fallback[lang="es"] h1')).toBeVisible();
    await expect(page.getByText(ENGLISH_TITLE)).toHaveCount(0);
    await expect(page.getByText('Si está en peligro ahora o podría hacerse daño, llame al número de emergencias de su zona.')).toBeVisible();
    release();
    await live(page);
    await expect(title(page)).toHaveText(then);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  }
  await context.close();
});

test.describe('when the Spanish file cannot be loaded', () => {
  // A service worker's fetches bypass page.route (Playwright's documented
  // limit); on a first visit it would only be precaching anyway.
  test.use({ serviceWorkers: 'block' });

  test('switching says so in the current language, stays in English, and works once it can', async ({ page }) => {
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route(SPANISH_FILE, (route) => route.abort());
    await open(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('alert')).toHaveText('Español could not be loaded. Check your connection and try again.');
    await expect(title(page)).toHaveText(ENGLISH_TITLE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors.join('\n')).toContain('Signpost: Español could not be loaded');
    await page.unroute(SPANISH_FILE);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(title(page)).toHaveText(SPANISH_TITLE);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a Spanish browser gets the guide in English rather than no guide', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'es-MX', baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(SPANISH_FILE, (route) => route.abort());
    await page.goto('/');
    await live(page);
    await expect(title(page)).toHaveText(ENGLISH_TITLE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await expect(title(page)).toHaveText(/^Question 1 of \d+$/);
    await context.close();
  });
});
