// axe-core (WCAG 2.0-2.2, A and AA) on every screen, in every language and
// in light and dark mode, plus 320 px reflow. Screenshots of each screen at
// 390x844 and 1280x800 are kept in target/e2e/screenshots/.
import { test, expect, open, axe, answerAll, BEREAVED, SHOTS } from './fixtures.mjs';
import { LANGUAGES, itemText, ui } from './text.mjs';

// Each language's labels, from the content files (text.mjs).
const T = Object.fromEntries(LANGUAGES.map((lang) => {
  const u = ui(lang);
  return [lang, {
    start: u.start, explore: u.explore, compare: u.compare_link, helper: u.helper_link, urgent: u.urgent_link,
    next: u.next, seeResults: u.see_results,
    readTherapy: u.read_more.replace('{name}', itemText('options.toml', 'psychotherapy', 'name', lang)),
  }];
}));
// The browser's language for each: a region the guide is not written for,
// as most visitors' browsers say it.
const BROWSER = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', pt: 'pt-BR', de: 'de-DE', ar: 'ar-EG' };

// Each screen: how to reach it from a fresh page.
const SCREENS = {
  welcome: async () => {},
  explore: async (p, t) => p.getByRole('button', { name: t.explore }).click(),
  option: async (p, t) => { await SCREENS.explore(p, t); await p.getByRole('button', { name: t.readTherapy }).click(); },
  compare: async (p, t) => { await SCREENS.explore(p, t); await p.getByRole('button', { name: t.compare }).click(); },
  helper: async (p, t) => { await SCREENS.explore(p, t); await p.getByRole('button', { name: t.helper }).click(); },
  audience: async (p) => p.locator('.sp-more button').last().click(),
  urgent: async (p, t) => p.getByRole('button', { name: t.urgent }).click(),
  question_multi: async (p, t) => p.getByRole('button', { name: t.start }).click(),
  question_missing: async (p, t) => { await SCREENS.question_multi(p, t); await p.getByRole('button', { name: t.next, exact: true }).click(); },
  question_scale: async (p, t) => {
    await SCREENS.question_multi(p, t);
    for (const id of ['sp-concerns-grief', 'sp-duration-months', 'sp-impact-some']) {
      await p.locator(`#${id}`).check();
      await p.getByRole('button', { name: t.next, exact: true }).click();
    }
  },
  crisis: async (p, t) => {
    await SCREENS.question_scale(p, t);
    for (let i = 0; i < 4; i++) {
      await p.locator(`#sp-phq4_${i + 1}-several_days`).check();
      await p.getByRole('button', { name: t.next, exact: true }).click();
    }
    await p.locator('#sp-safety-more_than_half').check();
  },
  results: async (p, t, lang) => {
    await SCREENS.question_multi(p, t);
    if (lang === 'en') return answerAll(p, BEREAVED);
    const ids = ['concerns-grief', 'duration-months', 'impact-some', 'phq4_1-several_days', 'phq4_2-several_days',
      'phq4_3-several_days', 'phq4_4-several_days', 'safety-not_at_all', 'harm-no', 'wants-talk', 'time-weeks', 'format-in_person', 'access-public'];
    for (const id of ids) {
      await p.locator(`#sp-${id}`).check();
      const next = p.getByRole('button', { name: t.next, exact: true });
      if (await next.count()) await next.click();
      else await p.getByRole('button', { name: t.seeResults }).click();
    }
  },
};

for (const lang of LANGUAGES) {
  // Colours do not change with the language: dark mode in English, and in
  // Arabic, whose layout runs the other way.
  for (const colorScheme of ['en', 'ar'].includes(lang) ? ['light', 'dark'] : ['light']) {
    test.describe(`${lang}, ${colorScheme}`, () => {
      test.use({ locale: BROWSER[lang], colorScheme });
      for (const [name, reach] of Object.entries(SCREENS)) {
        test(`axe finds nothing on ${name}`, async ({ page }) => {
          await open(page);
          await reach(page, T[lang], lang);
          await expect(page.locator('.signpost h1')).toBeVisible();
          expect(await axe(page)).toEqual([]);
          if (colorScheme === 'light') {
            for (const [w, h] of [[390, 844], [1280, 800]]) {
              await page.setViewportSize({ width: w, height: h });
              await page.screenshot({ path: `${SHOTS}${name}-${lang}-${w}x${h}.png`, fullPage: true });
            }
          } else {
            await page.screenshot({ path: `${SHOTS}${name}-${lang}-dark-390x844.png`, fullPage: true });
          }
        });
      }
    });
  }
}

test.describe('320 px wide, and 200% zoom', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const name of ['welcome', 'compare', 'question_scale', 'results', 'crisis']) {
    test(`no horizontal scrolling on ${name}`, async ({ page }) => {
      await open(page);
      await SCREENS[name](page, T.en, 'en');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
  test('200% zoom of a 640 px window reflows too', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 800 });
    await open(page);
    await page.evaluate(() => { document.documentElement.style.zoom = '2'; });
    await SCREENS.compare(page, T.en);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('touch targets are at least 24 by 24 CSS pixels', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await SCREENS.question_scale(page, T.en);
  const small = await page.evaluate(() => [...document.querySelectorAll('.signpost button, .signpost input, .signpost a')]
    .map((el) => {
      const target = el.matches('input') && el.labels?.[0] ? el.closest('.sp-choice') ?? el : el;
      const r = target.getBoundingClientRect();
      return { what: el.outerHTML.slice(0, 60), w: r.width, h: r.height };
    })
    .filter((r) => r.w < 24 || r.h < 24));
  expect(small).toEqual([]);
});

test('reduced motion and forced colours keep the guide usable', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
  await open(page);
  await SCREENS.crisis(page, T.en);
  await expect(page.locator('.sp-crisis')).toBeVisible();
  const border = await page.locator('.sp-crisis').evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(border).not.toBe('none');
  expect(await axe(page)).toEqual([]);
});
