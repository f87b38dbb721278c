// The demo clinic's website (one origin) embedding the guide (another
// origin) as a custom element and as an iframe.
import { test, expect } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

const cspReports = async (origin) => (await fetch(`${origin}/__csp-report`)).json();

test('the custom element works across origins, themed by the host, configured inline', async ({ page }) => {
  await page.goto('/index.html');
  const guide = page.locator('signpost-guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
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

test('the iframe sizes itself through postMessage and keeps the guide on its own origin', async ({ page }) => {
  const messages = [];
  await page.exposeFunction('recordMessage', (m) => messages.push(m));
  await page.addInitScript(() => addEventListener('message', (e) => window.recordMessage(e.data)));
  await page.goto('/frame.html');
  const frame = page.frameLocator('iframe.frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  const iframe = page.locator('iframe.frame');
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(700);
  const before = (await iframe.boundingBox()).height;
  // A longer screen grows the frame.
  await frame.getByRole('button', { name: 'Explore the kinds of support' }).click();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before);
  // The messages carry the height and nothing else.
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(Object.keys(m)).toEqual(['signpostHeight']);
  // The host page cannot read the guide's document.
  const readable = await page.evaluate(() => {
    try { return !!document.querySelector('iframe.frame').contentDocument; } catch { return false; }
  });
  expect(readable).toBe(false);
  expect(await cspReports(CLINIC)).toEqual([]);
  expect(await cspReports(CLINIC_GUIDE)).toEqual([]);
});

test('no request after the first render in either embed, through a whole flow', async ({ page, requests }) => {
  const flow = async (guide) => {
    await guide.getByRole('button', { name: 'Explore the kinds of support' }).click();
    await guide.getByRole('button', { name: 'Compare them side by side' }).click();
    await guide.getByRole('button', { name: 'Back', exact: true }).click();
    await guide.getByRole('button', { name: 'Back', exact: true }).click();
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await guide.getByLabel('Grief or a loss').check();
    await guide.getByRole('button', { name: 'Next', exact: true }).click();
    for (let i = 0; i < 12; i++) {
      await guide.locator('fieldset input').first().check();
      const next = guide.getByRole('button', { name: 'Next', exact: true });
      if (await next.count()) await next.click();
      else await guide.getByRole('button', { name: 'See my results' }).click();
    }
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Your results');
  };

  await page.goto('/index.html');
  const element = page.locator('signpost-guide');
  await expect(element.getByRole('heading', { level: 1 })).toBeVisible();
  let before = requests.length;
  await flow(element);
  expect(requests.slice(before), 'custom element: requests after the first render').toEqual([]);

  await page.goto('/frame.html');
  const frame = page.frameLocator('iframe.frame');
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(300); // let the frame's service worker settle
  before = requests.length;
  await flow(frame);
  expect(requests.slice(before), 'iframe: requests after the first render').toEqual([]);
});
