// Every language of the guide, one visitor each: the wasm embeds English;
// each other language is a file of its own (src/content/languages.rs),
// fetched only by the visitors who read it: before the guide starts for a
// browser that prefers it, or when a visitor switches to it. The labels
// come from the content files (text.mjs), so each walk is the same test in
// every language.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, open, live, axe } from './fixtures.mjs';
import { LANGUAGES, LANG_ATTR, RTL, ui } from './text.mjs';

const dist = new URL(`${process.env.SIGNPOST_DIST ?? 'dist'}/`, `file://${process.cwd()}/`);
const fileOf = (lang) => new RegExp(`/content-${lang}-[0-9a-f]{16}\\.bin$`);
const ANY_LANGUAGE_FILE = /\/content-[a-z]{2}-[0-9a-f]{16}\.bin$/;
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
const title = (page) => page.getByRole('heading', { level: 1 });

// A browser in each language, in a country that speaks it, with the
// country's numbers expected from the directory file.
const VISITORS = {
  es: { locale: 'es-ES', timezoneId: 'Europe/Madrid', country: 'ES' },
  fr: { locale: 'fr-CA', timezoneId: 'America/Toronto', country: 'CA' },
  pt: { locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', country: 'BR' },
  de: { locale: 'de-AT', timezoneId: 'Europe/Vienna', country: 'AT' },
  ar: { locale: 'ar-JO', timezoneId: 'Asia/Amman', country: 'JO' },
};

/// The number a visitor in `country` should see first: its emergency
/// number from the directory file, or the one every mobile phone dials.
function emergencyNumber(country) {
  const name = readdirSync(dist).find((f) => /^directory-[0-9a-f]+\.txt$/.test(f));
  const lines = readFileSync(new URL(name, dist), 'utf8').split('\n').map((l) => l.split('\t'));
  const numbers = lines.find((f) => f[0] === 'C' && f[1] === country)?.[3];
  return numbers ? numbers.split(' ')[0].split(':').pop() : lines.find((f) => f[0] === 'M')[1];
}

/// The calm path, by each answer's id: the same in every language.
const CALM = ['concerns-grief', 'duration-months', 'impact-some', 'phq4_1-several_days', 'phq4_2-several_days',
  'phq4_3-several_days', 'phq4_4-several_days', 'safety-not_at_all', 'harm-no', 'wants-talk', 'time-weeks', 'format-in_person', 'access-public'];
async function walk(page, t) {
  await page.getByRole('button', { name: t.start }).click();
  for (const id of CALM) {
    await page.locator(`#sp-${id}`).check();
    const next = page.getByRole('button', { name: t.next, exact: true });
    if (await next.count()) await next.click();
    else await page.getByRole('button', { name: t.see_results }).click();
  }
  await expect(title(page)).toHaveText(t.results_title);
}

test('the guide\'s code carries English alone (its options\' pages in a file of their own); every other language is its own file', async () => {
  const files = readdirSync(dist);
  const wasm = readFileSync(new URL(files.find((f) => /^signpost-[0-9a-f]+_bg\.wasm$/.test(f)), dist));
  expect(wasm.includes(ui('en').welcome_title)).toBe(true);
  for (const lang of OTHERS) {
    const own = readFileSync(new URL(files.find((f) => fileOf(lang).test(`/${f}`)), dist));
    expect(wasm.includes(ui(lang).welcome_title), `${lang} in the wasm`).toBe(false);
    expect(own.includes(ui(lang).welcome_title), `${lang} in its file`).toBe(true);
    expect(own.includes(ui('en').welcome_title), `English in the ${lang} file`).toBe(false);
  }
});

test('an English visitor fetches English\'s prose alone, once the guide has started; a switch fetches that language alone, once', async ({ page }) => {
  const fromPage = [];
  page.on('request', (r) => fromPage.push(r.url()));
  await open(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The pages the wasm leaves out of English arrive in its own file.
  await page.getByRole('button', { name: ui('en').explore }).click();
  await expect(page.locator('.sp-card p').first()).not.toBeEmpty();
  expect(fromPage.filter((u) => ANY_LANGUAGE_FILE.test(u)), 'language files on an English visit').toEqual([expect.stringMatching(fileOf('en'))]);
  // Not named for preloading: it is not needed before the guide starts.
  await expect(page.locator('link[rel="preload"][href*="content-en-"]')).toHaveCount(0);
  await page.getByRole('button', { name: ui('en').back, exact: true }).first().click();
  // Every language, named in its own words.
  const names = await page.locator('.sp-lang__button').allTextContents();
  const AUTONYMS = { en: 'English', es: 'Español', fr: 'Français', pt: 'Português', de: 'Deutsch', ar: 'العربية' };
  expect(names).toEqual(LANGUAGES.map((l) => AUTONYMS[l]));
  const fr = LANGUAGES.includes('fr') ? 'fr' : 'es';
  await page.locator(`.sp-lang__button[lang^="${fr}"]`).click();
  await expect(title(page)).toHaveText(ui(fr).welcome_title);
  await expect(page.locator('html')).toHaveAttribute('lang', fr);
  expect(fromPage.filter((u) => ANY_LANGUAGE_FILE.test(u))).toEqual([expect.stringMatching(fileOf('en')), expect.stringMatching(fileOf(fr))]);
  const before = fromPage.length;
  await page.getByRole('button', { name: 'English' }).click();
  await expect(title(page)).toHaveText(ui('en').welcome_title);
  await page.locator(`.sp-lang__button[lang^="${fr}"]`).click();
  await expect(title(page)).toHaveText(ui(fr).welcome_title);
  expect(fromPage.slice(before), 'requests after switching back and forth').toEqual([]);
});

for (const lang of OTHERS) {
  const visitor = VISITORS[lang];
  test.describe(`a browser that prefers ${visitor.locale}`, () => {
    test.use({ locale: visitor.locale, timezoneId: visitor.timezoneId });

    test('downloads its language beside the guide\'s code, once, and walks the whole guide in it', async ({ page }) => {
      const t = ui(lang);
      const seen = [];
      page.on('request', (r) => seen.push(r.url()));
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto('/');
      await expect(page.locator(`link[rel="preload"][href*="content-${lang}-"]`)).toHaveAttribute('as', 'fetch');
      await live(page);
      await expect(title(page)).toHaveText(t.welcome_title);
      await expect(page.locator('html')).toHaveAttribute('lang', LANG_ATTR[lang] ?? lang);
      await expect(page.locator('html')).toHaveAttribute('dir', RTL.has(lang) ? 'rtl' : 'ltr');
      await expect(page.locator('.sp-variety')).toHaveCount(0);
      expect(seen.filter((u) => ANY_LANGUAGE_FILE.test(u))).toEqual([expect.stringMatching(fileOf(lang))]);
      expect(await axe(page)).toEqual([]);
      await walk(page, t);
      expect(await axe(page)).toEqual([]);
      // The crisis numbers fit the visitor's country.
      await page.getByRole('button', { name: t.urgent_link }).click();
      await expect(title(page)).toHaveText(t.urgent_title);
      await expect(page.locator('.sp-contact__phone').first()).toHaveText(emergencyNumber(visitor.country));
      // A number reads left to right in every language.
      await expect(page.locator('.sp-contact__phone').first()).toHaveAttribute('dir', 'ltr');
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('Portuguese from Portugal', () => {
  test.use({ locale: 'pt-PT', timezoneId: 'Europe/Lisbon' });
  test.skip(!LANGUAGES.includes('pt'), 'no Portuguese');
  test('gets the Brazilian text, and a word saying so', async ({ page }) => {
    await page.goto('/');
    await live(page);
    await expect(title(page)).toHaveText(ui('pt').welcome_title);
    await expect(page.locator('.sp-variety')).toHaveText(ui('pt').written_in);
  });
});

test('a Spanish browser sees what the guide is in Spanish until the guide starts in Spanish, never the English welcome', async ({ browser, baseURL }) => {
  // (No service worker: its fetches would bypass the hold on the wasm.)
  const context = await browser.newContext({ locale: 'es-MX', baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  for (const [path, then] of [['/', ui('es').welcome_title], ['/?step=questions', /^Pregunta 1 de \d+$/]]) {
    // The guide's code held back: what shows before it starts.
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.unroute('**/*_bg.wasm');
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await expect(title(page)).toHaveText('Signpost: una guía privada sobre el apoyo en salud mental');
    await expect(page.locator('#signpost > .signpost.sp-fallback[lang="es"] h1')).toBeVisible();
    await expect(page.getByText(ui('en').welcome_title)).toHaveCount(0);
    await expect(page.getByText('Si está en peligro ahora o podría hacerse daño, llame al número de emergencias de su zona.')).toBeVisible();
    release();
    await live(page);
    await expect(title(page)).toHaveText(then);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  }
  await context.close();
});

test.describe('when a language\'s file cannot be loaded', () => {
  // A service worker's fetches bypass page.route (Playwright's documented
  // limit).
  test.use({ serviceWorkers: 'block' });
  const SPANISH_FILE = fileOf('es');

  test('switching says so in the current language, stays in English, and works once it can', async ({ page }) => {
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route(SPANISH_FILE, (route) => route.abort());
    await open(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('alert')).toHaveText('Español could not be loaded. Check your connection and try again.');
    await expect(title(page)).toHaveText(ui('en').welcome_title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors.join('\n')).toContain('Signpost: Español could not be loaded');
    await page.unroute(SPANISH_FILE);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(title(page)).toHaveText(ui('es').welcome_title);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a Spanish browser gets the guide in English rather than no guide', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'es-MX', baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(SPANISH_FILE, (route) => route.abort());
    await page.goto('/');
    await live(page);
    await expect(title(page)).toHaveText(ui('en').welcome_title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await expect(title(page)).toHaveText(/^Question 1 of \d+$/);
    await context.close();
  });
});
