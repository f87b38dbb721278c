import { test, expect } from './fixtures.mjs';

test('the welcome screen is rendered by WebAssembly, not by static HTML', async ({ page, request, requests }) => {
  const served = await (await request.get('/')).text();
  expect(served).not.toContain('Find the kind of support that suits you');

  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto('/');
  expect((await wasm).headers()['content-type']).toBe('application/wasm');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(requests.length).toBeGreaterThan(0);
});

test('the language switch turns the page into Spanish', async ({ page, requests }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Encuentre el tipo de apoyo que le conviene');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
});

test.describe('with a Spanish-speaking browser', () => {
  test.use({ locale: 'es-MX' });
  test('the guide starts in Spanish', async ({ page, requests }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Encuentre el tipo de apoyo que le conviene');
  });
});
