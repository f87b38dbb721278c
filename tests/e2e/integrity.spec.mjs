// Issue 27, items 1 and 5: the custom element, pinned by the host with
// `integrity`, runs only the files the build hashed; and a crafted content
// file on the guide's host is refused by name, never a crash.
//
// Each changed file here stays a valid file of its kind (a custom section
// on the WebAssembly, a rule on the stylesheet, a byte after the content,
// a line after the directory), so only the integrity check can refuse it:
// without the check each would be used.
import { test, expect } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

/// Serves `pattern` on the guide's origin changed by `edit` (bytes in,
/// bytes out).
async function tamper(context, pattern, edit) {
  await context.route(pattern, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: edit(await response.body()) });
  });
}

const errors = (page) => {
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'error') seen.push(m.text()); });
  return seen;
};

test.describe('the custom element on the clinic\'s page', () => {
  test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

  test('a changed WebAssembly file is refused: the fallback with the way to urgent help shows', async ({ page, context }) => {
    // A custom section (id 0, 5 bytes: the name "test"): still a valid module.
    await tamper(context, `${CLINIC_GUIDE}/**/*_bg.wasm`, (b) => Buffer.concat([b, Buffer.from([0, 5, 4, 0x74, 0x65, 0x73, 0x74])]));
    const console = errors(page);
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await expect(guide.locator('.sp-fallback')).toContainText('emergency');
    await expect.poll(() => console.join('\n')).toContain('the guide could not start');
    await expect(guide.getByRole('button', { name: 'Start the questions' })).toHaveCount(0);
  });

  test('a changed stylesheet is refused; the guide runs unstyled rather than as someone else styled it', async ({ page, context }) => {
    await tamper(context, `${CLINIC_GUIDE}/**/main-*.css`, (b) => Buffer.concat([b, Buffer.from('h1{color:rgb(1,2,3)}')]));
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await expect(guide.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    expect(await guide.locator('h1').first().evaluate((h) => getComputedStyle(h).color)).not.toBe('rgb(1, 2, 3)');
    expect(await guide.evaluate((g) => g.shadowRoot.querySelector('link[rel=stylesheet]').sheet)).toBeNull();
  });

  test('a changed language file is refused: the guide starts in English and says why', async ({ page, context }) => {
    await tamper(context, `${CLINIC_GUIDE}/**/content-es-*.bin`, (b) => Buffer.concat([b, Buffer.from([0])]));
    const console = errors(page);
    await page.goto('/two.html');
    const second = page.locator('#second'); // lang="es"
    await expect(second.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    await expect.poll(() => console.join('\n')).toContain('Español could not be loaded');
  });

  test('a changed crisis directory (the United States\' 911 made 000) is refused: every list keeps the number any mobile phone dials', async ({ page, context }) => {
    await tamper(context, `${CLINIC_GUIDE}/**/directory-*.txt`, (b) => {
      const changed = b.toString().replace(/^(C\tUS\t[^\t]*\t)911\t/m, '$1000\t');
      expect(changed, 'the US row was changed').not.toBe(b.toString());
      return Buffer.from(changed);
    });
    const console = errors(page);
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await guide.getByRole('button', { name: 'Need help now?' }).click();
    await expect.poll(() => console.join('\n')).toContain('the crisis directory');
    await expect(guide.locator('.sp-main a[href="tel:112"]').first()).toBeVisible();
    await expect(guide.locator('a[href="tel:000"]')).toHaveCount(0);
  });
});

test.describe('the guide\'s own page', () => {
  test('a crafted language file (conditions nested 90,000 deep) is refused by name; the guide starts in English', async ({ page }) => {
    // As crates/engine/tests/compiled.rs crafts it: one { risk = true }
    // condition wrapped in `not` again and again, still a well-formed file
    // (and under the 1 MiB a content file may be).
    const RISK_TRUE = Buffer.from([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    const NOT = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await page.route('**/content-es-*.bin', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      const at = body.indexOf(RISK_TRUE);
      expect(at, 'a { risk = true } condition in the Spanish file').toBeGreaterThan(0);
      await route.fulfill({ response, body: Buffer.concat([body.subarray(0, at), ...Array(90_000).fill(NOT), body.subarray(at)]) });
    });
    const console = errors(page);
    await page.goto('/?lang=es');
    await expect(page.locator('#signpost:not([data-start]) > .signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    await expect.poll(() => console.join('\n')).toContain('conditions nest more than 64 deep');
    await expect(page.locator('.sp-panic')).toHaveCount(0);
  });
});
