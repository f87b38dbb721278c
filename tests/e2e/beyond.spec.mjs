// Beyond the screeners (issue 28), in every language: the follow-up GAD-7
// and PHQ-9 after a positive short screen, with exact scores; things to do
// now and ways into services in the results; a safety plan written,
// printed and downloaded with nothing leaving the device. Answers are
// chosen by id and labels read from the content (text.mjs), so each walk is
// the same test in every language.
import { readFile } from 'node:fs/promises';
import { test, expect, open, axe } from './fixtures.mjs';
import { LANGUAGES, ui } from './text.mjs';

const title = (page) => page.getByRole('heading', { level: 1 });

// A browser in each language, in a country whose public routes are in the
// directory (content/crisis.toml).
const VISITORS = {
  en: { locale: 'en-GB', timezoneId: 'Europe/London' },
  es: { locale: 'es-CL', timezoneId: 'America/Santiago' },
  fr: { locale: 'fr-FR', timezoneId: 'Europe/Paris' },
  pt: { locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' },
  de: { locale: 'de-DE', timezoneId: 'Europe/Berlin' },
  // No Arabic-speaking country has public routes in the directory yet: an
  // Arabic reader in the United Kingdom.
  ar: { locale: 'ar', timezoneId: 'Europe/London' },
};

// Both short screens positive; the offers taken; GAD-7 items 3-7 "several
// days" (1 each) and PHQ-9 items 3-8 "more than half the days" (2 each).
// Published scoring: GAD-7 = 3 + 3 + 5 x 1 = 11 (moderate, 10-14); PHQ-9 =
// 3 + 3 + 6 x 2 + 0 = 18 (moderately severe, 15-19); PHQ-4 = 12.
const FOLLOW_UP = [
  'concerns-worry', 'duration-months', 'impact-a_lot',
  'phq4_1-nearly_every_day', 'phq4_2-nearly_every_day', 'phq4_3-nearly_every_day', 'phq4_4-nearly_every_day',
  'gad7_offer-yes', ...[3, 4, 5, 6, 7].map((i) => `gad7_${i}-several_days`),
  'phq9_offer-yes', ...[3, 4, 5, 6, 7, 8].map((i) => `phq9_${i}-more_than_half`),
  'safety-not_at_all', 'harm-no', 'wants-talk', 'time-weeks', 'format-in_person', 'access-public',
];
// The short screens negative: no offer.
const CALM = ['concerns-grief', 'duration-months', 'impact-some', 'phq4_1-several_days', 'phq4_2-not_at_all',
  'phq4_3-several_days', 'phq4_4-not_at_all', 'safety-not_at_all', 'harm-no', 'wants-talk', 'time-weeks',
  'format-in_person', 'access-public'];

async function walk(page, t, ids) {
  await page.getByRole('button', { name: t.start }).click();
  for (const id of ids) {
    await page.locator(`#sp-${id}`).check();
    const next = page.getByRole('button', { name: t.next, exact: true });
    if (await next.count()) await next.click();
    else await page.getByRole('button', { name: t.see_results }).click();
  }
  await expect(title(page)).toHaveText(t.results_title);
}

const score = (t, n, total) => t.mood_score.replace('{n}', n).replace('{total}', total);

for (const lang of LANGUAGES) {
  const visitor = VISITORS[lang];
  test.describe(`in ${lang} (${visitor.locale})`, () => {
    test.use({ ...visitor, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });

    test('a positive short screen offers the GAD-7 and the PHQ-9; the results give their exact scores, things to do now and ways in', async ({ page }) => {
      const t = ui(lang);
      await open(page);
      await walk(page, t, FOLLOW_UP);
      const mood = page.locator('.sp-mood');
      await expect(mood).toHaveCount(3);
      await expect(page.locator('#sp-mood-phq4 ~ .sp-mood__numbers')).toContainText(score(t, 12, 12));
      await expect(page.locator('#sp-mood-gad7 ~ .sp-mood__numbers')).toContainText(score(t, 11, 21));
      await expect(page.locator('#sp-mood-phq9 ~ .sp-mood__numbers')).toContainText(score(t, 18, 27));
      // Two or three things to do now; worry and low mood among them.
      const care = page.getByRole('region', { name: t.self_care_title });
      const actions = care.getByRole('listitem');
      expect(await actions.count()).toBeGreaterThanOrEqual(2);
      expect(await actions.count()).toBeLessThanOrEqual(3);
      // Ways into services: the country's public routes, each a link.
      const routes = page.getByRole('region', { name: t.routes_title });
      await expect(routes.getByRole('listitem').first()).toBeVisible();
      await expect(routes.getByRole('link').first()).toHaveAttribute('href', /^(https:|tel:)/);
      expect(await axe(page)).toEqual([]);
      // The summary says the same.
      await page.getByRole('button', { name: t.copy }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(score(t, 11, 21));
      expect(copied).toContain(score(t, 18, 27));
      expect(copied).toContain(t.self_care_title);
      expect(copied).toContain(t.routes_title);
    });

    test('a negative short screen offers nothing more and shows the PHQ-4 alone', async ({ page }) => {
      const t = ui(lang);
      await open(page);
      await walk(page, t, CALM);
      await expect(page.locator('.sp-mood')).toHaveCount(1);
      await expect(page.locator('#sp-mood-phq4 ~ .sp-mood__numbers')).toContainText(score(t, 2, 12));
      await expect(page.getByRole('region', { name: t.self_care_title }).getByRole('listitem')).toHaveCount(2);
    });

    test('after a risk answer, a safety plan is written, printed, copied and downloaded on the device alone', async ({ page, requests }) => {
      const t = ui(lang);
      await open(page);
      await page.getByRole('button', { name: t.start }).click();
      for (const id of CALM.slice(0, 7)) {
        await page.locator(`#sp-${id}`).check();
        await page.getByRole('button', { name: t.next, exact: true }).click();
      }
      await page.locator('#sp-safety-several_days').check();
      const panel = page.getByRole('region', { name: t.crisis_title });
      await expect(panel).toBeVisible();
      const before = requests.length;
      await panel.getByRole('button', { name: t.plan_offer }).click();
      await expect(title(page)).toHaveText(t.plan_title);
      await expect(title(page)).toBeFocused();
      // The crisis contacts stay on top, and the plan lists them too.
      await expect(panel).toBeVisible();
      const steps = page.locator('textarea');
      await expect(steps).toHaveCount(6);
      // What the visitor writes is text, never markup.
      const words = ['When I stop sleeping', 'A walk', 'My sister\'s kitchen', 'Sam 0700 900 123',
        '<img src=x onerror="document.title=1">', 'Give the pills to Sam'];
      for (const [i, w] of words.entries()) await steps.nth(i).fill(w);
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      expect(await axe(page)).toEqual([]);
      // Printed: every word in full, no text box, no button.
      await page.emulateMedia({ media: 'print' });
      for (const w of words) await expect(page.locator('.sp-plan__printed').filter({ hasText: w })).toBeVisible();
      await expect(steps.first()).toBeHidden();
      await page.emulateMedia({ media: 'screen' });
      // Copied and downloaded: the same text, with the crisis numbers.
      await page.getByRole('button', { name: t.plan_copy }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      for (const w of words) expect(copied).toContain(w);
      expect(copied).toContain(t.plan_professionals);
      const emergency = (await page.locator('.sp-plan__step .sp-contact__phone').first().textContent()).trim();
      expect(copied).toContain(emergency);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: t.plan_download }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('safety-plan.txt');
      expect(await readFile(await file.path(), 'utf8')).toBe(copied);
      // Nothing left the device, and nothing was stored.
      expect(requests.slice(before)).toEqual([]);
      expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
      // Back returns to the question; the plan is still in memory.
      await page.getByRole('button', { name: t.back, exact: true }).first().click();
      await panel.getByRole('button', { name: t.plan_offer }).click();
      await expect(steps.first()).toHaveValue(words[0]);
    });
  });
}

test('the urgent-help page offers the safety plan to everyone; Back keeps what was written', async ({ page }) => {
  const t = ui('en');
  await open(page);
  await page.getByRole('button', { name: t.urgent_link }).click();
  await page.getByRole('button', { name: t.plan_offer }).click();
  await expect(title(page)).toHaveText(t.plan_title);
  await page.locator('textarea').first().fill('Not sleeping');
  await page.getByRole('button', { name: t.back, exact: true }).first().click();
  await expect(title(page)).toHaveText(t.urgent_title);
  await page.getByRole('button', { name: t.plan_offer }).click();
  await expect(page.locator('textarea').first()).toHaveValue('Not sleeping');
});
