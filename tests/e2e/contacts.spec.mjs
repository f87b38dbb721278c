// Crisis contacts for every visitor, wherever they are: the country comes
// from the device (emulated locale and time zone here), never from a
// request; the emergency number is always first and tappable.
import { readFileSync } from 'node:fs';
import { test, expect, open, live, axe, answerAll, BEREAVED } from './fixtures.mjs';
import { LANGUAGES, ui } from './text.mjs';

// Issue 24: visitors in a sample of places, as their browser's language
// and time zone say (no clinic configuration): each gets its country's
// emergency number first, as a tel: link, and the crisis lines the
// directory has there. The whole directory is checked natively
// (crates/engine/tests/directory.rs); this is what a browser shows.
const PLACES = [
  { locale: 'en-US', zone: 'America/Chicago', name: 'United States', first: 'tel:911', has: ['tel:988', 'sms:988', 'tel:18007997233'] },
  { locale: 'en-GB', zone: 'Europe/London', name: 'United Kingdom', first: 'tel:999', has: ['tel:116123', 'sms:85258?body=SHOUT', 'tel:08088088000', 'tel:08082000247'] },
  { locale: 'en-IE', zone: 'Europe/Dublin', name: 'Ireland', first: 'tel:112', has: ['tel:116123', 'sms:50808?body=HELLO', 'tel:1800247247', 'tel:1800341900'] },
  { locale: 'es-ES', zone: 'Europe/Madrid', name: 'España', first: 'tel:112', has: ['tel:024', 'tel:717003717', 'tel:016'] },
  { locale: 'es-MX', zone: 'America/Mexico_City', name: 'México', first: 'tel:911', has: ['tel:8009112000'] },
  { locale: 'en-CA', zone: 'America/Toronto', name: 'Canada', first: 'tel:911', has: ['tel:988', 'tel:18006686868'] },
  { locale: 'en-IN', zone: 'Asia/Calcutta', name: 'India', first: 'tel:112', has: ['tel:14416'] },
  { locale: 'en-AU', zone: 'Australia/Sydney', name: 'Australia', first: 'tel:000', has: ['tel:131114', 'tel:1800737732'] },
  { locale: 'de-DE', zone: 'Europe/Berlin', name: 'Deutschland', first: 'tel:112', has: ['tel:116016'] },
  { locale: 'fr-FR', zone: 'Europe/Paris', name: 'France', first: 'tel:112', has: ['tel:3114', 'tel:3919'] },
  { locale: 'pt-BR', zone: 'America/Sao_Paulo', name: 'Brasil', first: 'tel:190', has: ['tel:188', 'tel:180'] },
  { locale: 'ja-JP', zone: 'Asia/Tokyo', name: 'Japan', first: null, has: ['tel:0120279338'] },
  { locale: 'ko-KR', zone: 'Asia/Seoul', name: 'South Korea', first: 'tel:119', has: ['tel:109', 'tel:1366'] },
  { locale: 'en-ZA', zone: 'Africa/Johannesburg', name: 'South Africa', first: null, has: ['tel:0800428428'] },
  // No entry of its own in crisis.toml: the emergency number still.
  { locale: 'ne-NP', zone: 'Asia/Kathmandu', name: 'Nepal', first: null, has: [] },
];

// The visitor's browser language picks the guide's, where it has it.
const anyOf = (key) => new RegExp(`^(${LANGUAGES.map((l) => ui(l)[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ \u00a0]/g, '\\s')).join('|')})$`);
const urgent = async (page) => {
  await page.getByRole('button', { name: anyOf('urgent_link') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(anyOf('urgent_title'));
};

for (const place of PLACES) {
  test(`a visitor in ${place.name} (${place.locale}, ${place.zone}) gets its numbers as tel: links`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: place.locale, timezoneId: place.zone });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await open(page);
    const before = requests.length;
    await urgent(page);
    const list = page.locator('.sp-main .sp-contacts-block');
    await expect(list.locator('.sp-contacts__country')).toContainText(place.name);
    const hrefs = await list.locator('a.sp-contact').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The emergency number comes first, and is a number to tap.
    expect(hrefs[0]).toMatch(/^tel:\d{2,6}$/);
    if (place.first) expect(hrefs[0]).toBe(place.first);
    for (const h of place.has) expect(hrefs).toContain(h);
    for (const h of hrefs) expect(h).toMatch(/^(tel:\+?\d{2,15}|sms:\d{2,15}(\?body=[\w%]+)?|https:\/\/\S+)$/);
    // Web chats leave the guide: a new tab, no opener, no referrer.
    for (const rel of await list.locator('a[href^="https:"]').evaluateAll((as) => as.map((a) => `${a.target} ${a.rel}`))) {
      expect(rel).toBe('_blank noopener noreferrer');
    }
    await expect(list.locator('.sp-contacts__checked')).toContainText(/20\d\d/);
    // Every country and territory can be chosen.
    expect(await list.locator('select option').count()).toBeGreaterThanOrEqual(250);
    // Finding the country asked nothing of the network.
    expect(requests.slice(before)).toEqual([]);
    await context.close();
  });
}

test('no country on the device: the number any mobile phone dials and the country choice; choosing updates every page and the summary', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'en', timezoneId: 'UTC' });
  const page = await context.newPage();
  await open(page);
  await urgent(page);
  const block = page.locator('.sp-main .sp-contacts-block');
  await expect(block).toContainText('Choose your country below for its crisis lines.');
  await expect(block.locator('a.sp-contact')).toHaveCount(1);
  await expect(block.locator('a.sp-contact')).toHaveAttribute('href', 'tel:112');
  await expect(block.locator('a.sp-contact')).toContainText('from any mobile phone');
  const choose = block.getByLabel('Show numbers for');
  await choose.selectOption({ label: 'Ireland' });
  await expect(block).toContainText('Numbers for Ireland');
  await expect(block.locator('a[href="tel:112"]')).toBeVisible();
  // Another page that speaks of crisis follows.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.locator('.sp-more button').first().click();
  await expect(page.locator('.sp-main .sp-contacts-block')).toContainText('Numbers for Ireland');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  // The crisis panel and the summary too.
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED.slice(0, 7));
  await page.getByLabel('Several days').check();
  const panel = page.getByRole('region', { name: 'You do not have to face this alone' });
  await expect(panel).toContainText('Numbers for Ireland');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await answerAll(page, BEREAVED.slice(8));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download summary' }).click();
  const summary = readFileSync(await (await download).path(), 'utf8');
  expect(summary).toContain('Numbers for Ireland');
  expect(summary).toContain('Emergency: 112 (Ireland)');
  await context.close();
});

for (const lang of ['en', 'es']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing on the crisis panel, ${lang}, ${colorScheme}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({
        baseURL, colorScheme, locale: lang === 'en' ? 'en-GB' : 'es-ES', timezoneId: lang === 'en' ? 'Europe/London' : 'Europe/Madrid',
      });
      const page = await context.newPage();
      await open(page);
      await page.locator('.sp-welcome button.sp-button--primary, .sp-actions .sp-button--primary').first().click();
      await page.locator('#sp-concerns-grief').check();
      for (const id of ['concerns', 'duration-months', 'impact-some', 'phq4_1-not_at_all', 'phq4_2-not_at_all', 'phq4_3-not_at_all', 'phq4_4-not_at_all']) {
        if (id !== 'concerns') await page.locator(`#sp-${id}`).check();
        await page.locator('.sp-button--primary').click();
      }
      await page.locator('#sp-safety-several_days').check();
      const panel = page.locator('.sp-crisis');
      await expect(panel).toContainText(lang === 'en' ? 'Numbers for United Kingdom' : 'Números para España');
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }
}

test('offline, a returning visitor still gets their country\'s numbers, and nothing is requested to find them', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await open(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  const requests = [];
  page.on('requestfailed', (r) => requests.push(r.url()));
  await page.reload();
  await live(page);
  await urgent(page);
  const list = page.locator('.sp-main .sp-contacts-block');
  await expect(list).toContainText('Numbers for United Kingdom');
  await expect(list.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:999');
  await expect(list.locator('a[href="sms:85258?body=SHOUT"]')).toBeVisible();
  expect(requests).toEqual([]);
  await context.close();
});
