// Issue 23, item 6 (docs/safety/hazard-log.md, H6): every failure screen
// (no WebAssembly, a crash), on the page, questions.html, the iframe and
// the custom element, lists the clinic's crisis contacts and the built-in
// numbers of the pinned or device-suggested country as tappable links.
import { readFileSync } from 'node:fs';
import { test, expect, open } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

const noWasm = (page) => page.route('**/*.wasm', (route) => route.abort());

test.describe('failure screens list the crisis numbers', () => {
  test.use({ allowPageErrors: true });

  for (const path of ['/', '/?step=questions']) {
    test(`${path} without WebAssembly: the device's country (United States), emergency number first`, async ({ page, requests }) => {
      await noWasm(page);
      await page.goto(path);
      const fallback = page.locator('#signpost .sp-fallback .sp-main');
      await expect(fallback.getByText('Numbers for United States:')).toBeVisible();
      const links = fallback.locator('a.sp-contact');
      await expect(links.first()).toHaveAttribute('href', 'tel:911');
      // 988, and the Veterans Crisis Line (988, then 1).
      await expect(fallback.locator('a[href="tel:988"]').first()).toBeVisible();
      await expect(fallback.locator('a[href="sms:988"]').first()).toBeVisible();
      expect(requests.some((u) => /\/directory-[0-9a-f]{15,16}\.txt$/.test(u))).toBe(true);
    });
  }

  test('the page\'s crash screen lists them too', async ({ page }) => {
    await page.addInitScript(() => {
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function (name, ...rest) {
        if (name === 'footer') throw new DOMException('broken on purpose', 'NotSupportedError');
        return create.call(this, name, ...rest);
      };
    });
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: 'Sorry, this guide stopped working' });
    await expect(alert).toBeVisible();
    await expect(alert.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
  });

  test('every visit fetches the directory once, as the guide starts: the same request for everyone', async ({ page }) => {
    // The page's own requests (the service worker precaches it once more).
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await open(page);
    await expect(page.locator('.sp-privacy-check')).toContainText('since the guide opened: 0.');
    await page.getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.locator('.sp-main a[href="tel:988"]')).toBeVisible();
    expect(requests.filter((u) => /\/directory-[0-9a-f]+\.txt$/.test(u))).toHaveLength(1);
  });
});

test.describe('on a clinic\'s site', () => {
  test.use({ allowPageErrors: true, baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

  test('the custom element without WebAssembly: the clinic\'s contact, then the device\'s country', async ({ page }) => {
    await noWasm(page);
    await page.goto('/');
    const element = page.locator('signpost-guide');
    const fallback = element.locator('.sp-fallback');
    await expect(fallback.locator('a[href="tel:911"]')).toBeVisible();
    await expect(fallback.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
    await expect(fallback.locator('a[href="tel:116123"]')).toContainText('Samaritans');
  });

  test('the iframe without WebAssembly: the pinned country (United Kingdom) and the clinic\'s contacts', async ({ page }) => {
    await noWasm(page);
    await page.goto('/frame.html');
    const frame = page.frameLocator('iframe[data-signpost-frame]');
    const fallback = frame.locator('#signpost .sp-fallback .sp-main');
    await expect(fallback.getByText('Numbers for United Kingdom:')).toBeVisible();
    await expect(fallback.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:999');
    await expect(fallback.locator('a[href="tel:02079460999"]')).toContainText('Riverside crisis team');
  });
});

// Issue 24, item 7: web/numbers.js dials numbers as the engine does
// (signpost_engine::directory::dial), on the cases both are tested with.
test('the failure screens\' tel: normaliser keeps the shared cases', () => {
  const source = readFileSync(new URL('../../web/numbers.js', import.meta.url), 'utf8');
  const dial = new Function(`${source}\nreturn dial;`)();
  const cases = JSON.parse(readFileSync(new URL('../fixtures/dial.json', import.meta.url), 'utf8'));
  expect(cases.length).toBeGreaterThan(5);
  for (const [input, out] of cases) expect(dial(input), input).toBe(out);
});

// The directory file never arrives (a bad deploy, a filtering proxy): the
// guide still gives the number any mobile phone dials, and the clinic's.
test('without the directory file the guide still gives a number to tap', async ({ page }) => {
  await page.route('**/directory-*.txt', (route) => route.abort());
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await open(page);
  await page.getByRole('button', { name: 'Need help now?' }).click();
  const first = page.locator('.sp-main a.sp-contact').first();
  await expect(first).toHaveAttribute('href', 'tel:112');
  await expect(first).toContainText('from any mobile phone');
  await expect.poll(() => errors.join('\n')).toContain('the crisis directory');
});
