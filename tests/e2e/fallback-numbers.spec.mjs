// Issue 23, item 6 (docs/safety/hazard-log.md, H6): every failure screen
// (no WebAssembly, a crash), on the page, questions.html, the iframe and
// the custom element, lists the clinic's crisis contacts and the built-in
// numbers of the pinned or device-suggested country as tappable links.
import { test, expect } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

const noWasm = (page) => page.route('**/*.wasm', (route) => route.abort());

test.describe('failure screens list the crisis numbers', () => {
  test.use({ allowPageErrors: true });

  for (const path of ['/', '/questions.html']) {
    test(`${path} without WebAssembly: the device's country (United States), emergency number first`, async ({ page, requests }) => {
      await noWasm(page);
      await page.goto(path);
      const fallback = page.locator('#signpost .sp-fallback .sp-main');
      await expect(fallback.getByText('Numbers for United States:')).toBeVisible();
      const links = fallback.locator('a.sp-contact');
      await expect(links.first()).toHaveAttribute('href', 'tel:911');
      await expect(fallback.locator('a[href="tel:988"]')).toBeVisible();
      await expect(fallback.locator('a[href="sms:988"]')).toBeVisible();
      expect(requests.some((u) => /\/numbers-[0-9a-f]{16}\.json$/.test(u))).toBe(true);
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

  test('a normal visit never fetches the numbers file', async ({ page, requests }) => {
    await page.goto('/');
    await expect(page.locator('#signpost:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
    expect(requests.some((u) => /\/numbers-/.test(u))).toBe(false);
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
