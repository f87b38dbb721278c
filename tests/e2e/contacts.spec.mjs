// Crisis contacts for every visitor, wherever they are: the country comes
// from the device (emulated locale and time zone here), never from a
// request; the emergency number is always first and tappable.
import { readFileSync } from 'node:fs';
import { test, expect, open, live, axe, answerAll, BEREAVED } from './fixtures.mjs';

// The directory as the guide ships it (content/crisis.toml): each country's
// code, English name, first time zone and emergency numbers.
const DIRECTORY = (() => {
  const text = readFileSync(new URL('../../content/crisis.toml', import.meta.url), 'utf8');
  return text.split('[[crisis_directory]]').slice(1).map((block) => ({
    code: block.match(/country = "([A-Z]{2})"/)[1],
    name: block.match(/name = \{ en = "([^"]+)"/)[1],
    zone: block.match(/time_zones = \["([^"]+)"/)[1],
    emergency: [...block.matchAll(/\[\[crisis_directory\.emergency\]\]\nnumber = "([^"]+)"/g)].map((m) => m[1]),
  }));
})();

const urgent = async (page) => {
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
};

test('the directory lists every well-known country', () => {
  expect(DIRECTORY.map((c) => c.code).sort()).toEqual(['AU', 'CA', 'DE', 'ES', 'FR', 'GB', 'IE', 'MX', 'NZ', 'US']);
});

for (const country of DIRECTORY) {
  test(`a visitor in ${country.name} gets its numbers as tel: links`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: country.zone });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await open(page);
    const before = requests.length;
    await urgent(page);
    const list = page.locator('.sp-main .sp-contacts-block');
    await expect(list).toContainText(`Numbers for ${country.name}`);
    const hrefs = await list.locator('a.sp-contact').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const n of country.emergency) expect(hrefs).toContain(`tel:${n.replace(/[^\d+]/g, '')}`);
    // The emergency number comes first.
    expect(hrefs[0]).toBe(`tel:${country.emergency[0].replace(/[^\d+]/g, '')}`);
    for (const h of hrefs) expect(h).toMatch(/^(tel:\+?\d{2,15}|sms:\d{2,15}(\?body=[\w%]+)?)$/);
    // Finding the country asked nothing of the network.
    expect(requests.slice(before)).toEqual([]);
    await context.close();
  });
}

test('an unknown region gets the emergency advice and the country choice; choosing updates every page and the summary', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const page = await context.newPage();
  await open(page);
  await page.getByRole('button', { name: 'English' }).click();
  await urgent(page);
  const block = page.locator('.sp-main .sp-contacts-block');
  await expect(block).toContainText('We have no numbers for your country here.');
  await expect(block.locator('a.sp-contact')).toHaveCount(0);
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
