// The clinic studio (studio.html): a clinic's administrator fills the form,
// sees the engine's own messages, fixes them, previews the real guide,
// copies the code, and finds the configured guide on their own site.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, axe, SHOTS, openStudio, studioSettled } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

// The proof of a whole content's safeguards, in the studio's wasm: about
// 15 s natively since the follow-up screening (issue 28), slower here.
const PROOF_MS = 120_000;

const CONTENT = new URL('../../content/', import.meta.url);
const contentFiles = () => readdirSync(CONTENT).filter((f) => f.endsWith('.toml'))
  .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(new URL(name, CONTENT)) }));

const preview = (page) => page.locator('#stage signpost-guide');

test('the studio is in no visit: no page names it and the offline precache leaves it out', async ({ request }) => {
  for (const path of ['/', '/questions.html', '/signpost-guide.js']) {
    expect(await (await request.get(path)).text(), path).not.toContain('studio');
  }
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toContain('PRECACHE');
  expect(sw).not.toContain('studio');
});

test.describe('a clinic sets up its guide', () => {
  test.use({ otherOrigins: [CLINIC, CLINIC_GUIDE], permissions: ['clipboard-read', 'clipboard-write'] });

  test('a problem shows beside its field until fixed; the preview and the copied code carry the settings to the clinic\'s own site', async ({ page, baseURL }) => {
    await openStudio(page);
    await page.getByLabel('Name (required)').fill('Riverside Clinic');
    const email = page.getByLabel('Email', { exact: true });
    await email.fill('not-an-email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    const message = page.locator(`#${await email.getAttribute('aria-describedby')}`);
    await expect(message).toContainText('"not-an-email" is not an email address');
    await expect(page.locator('#problems')).toContainText('clinic.email');
    await email.fill('help@riverside.example');
    await expect(email).not.toHaveAttribute('aria-invalid');
    await expect(page.locator('#problems')).not.toContainText('clinic.email');

    await page.getByLabel('Country whose numbers every visitor sees').selectOption('GB');
    await expect(page.locator('#directory')).toContainText('999');
    await page.getByRole('button', { name: 'Add a line for English' }).click();
    await page.locator('#contact-en-0-name').fill('Riverside crisis team');
    await page.locator('#contact-en-0-phone').fill('020 7946 0999');
    await page.locator('#contact-en-0-country').selectOption('GB');
    // The clinic's own way into its services (issue 28), checked as typed.
    await page.getByRole('button', { name: 'Add a service for English' }).click();
    await page.locator('#service-en-0-name').fill('Riverside talking therapies');
    const web = page.locator('#service-en-0-web');
    await web.fill('http://riverside.example/refer');
    await expect(web).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#problems')).toContainText('services.en[0].web');
    await web.fill('https://riverside.example/refer');
    await expect(web).not.toHaveAttribute('aria-invalid');

    // The preview is the real guide with these settings.
    await studioSettled(page);
    await expect(preview(page).locator('h1')).toHaveText('Find the kind of support that suits you');
    // The crisis panel a risk answer adds, on top, with the clinic's line
    // and its colours.
    const panel = preview(page).locator('.sp-crisis');
    await expect(panel).toHaveCount(0);
    await page.getByRole('button', { name: 'Show the crisis panel' }).click();
    await expect(page.getByRole('button', { name: 'Show the crisis panel' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByText('Riverside crisis team')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Emergency 999 United Kingdom' })).toBeVisible();
    await expect(preview(page).locator('h1')).toHaveText('Find the kind of support that suits you');
    await page.getByLabel('Set: Crisis panel background').check();
    await page.getByLabel('Crisis panel background: colour').fill('#fff8e1');
    await studioSettled(page);
    await expect(panel).toHaveCSS('background-color', 'rgb(255, 248, 225)');
    // It stays as the settings change.
    await page.getByRole('group', { name: 'Language', exact: true }).getByRole('radio', { name: 'Español' }).check();
    await expect(preview(page).locator('h1')).toHaveText('Encuentre el tipo de apoyo que le conviene');
    await expect(panel).toBeVisible();
    await page.getByRole('button', { name: 'Show the crisis panel' }).click();
    await studioSettled(page);
    await expect(panel).toHaveCount(0);
    await expect(preview(page).locator('h1')).toHaveText('Encuentre el tipo de apoyo que le conviene');

    // The code, pinned to this release, pasted into a page of the clinic's
    // site (another origin, whose CSP allows the guide's) with the guide's
    // files where the form says.
    await page.getByLabel('Address of the guide\'s files on your server').fill(`${CLINIC_GUIDE}/`);
    await page.getByRole('button', { name: 'Copy the custom element code' }).click();
    await expect(page.locator('#copy-status')).toContainText('Copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+"/);
    expect(snippet).toContain('"name":"Riverside crisis team"');
    expect(snippet).toContain('"services":{"en":[{"name":"Riverside talking therapies","web":"https://riverside.example/refer"}]}');
    await page.goto(`${CLINIC}/`);
    await page.setContent(`<!doctype html><html lang="en"><head><title>Riverside Clinic</title></head><body><h1>Riverside Clinic</h1>${snippet}</body></html>`);
    const guide = page.locator('signpost-guide');
    await expect(guide.locator('.signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    await guide.getByRole('button', { name: 'Need help now?' }).first().click();
    await expect(guide.getByRole('link', { name: /020 7946 0999/ })).toBeVisible();
    await expect(guide.getByText('Riverside crisis team')).toBeVisible();
  });

  test('a colour pair without enough contrast is caught and named, the crisis panel\'s included', async ({ page }) => {
    await openStudio(page);
    await expect(page.locator('#contrast-summary')).toHaveText('Every colour pair passes WCAG AA contrast, in light and dark mode.');
    await page.getByLabel('Set: Crisis panel background').check();
    await page.getByLabel('Crisis panel background: colour').fill('#8a3009');
    await expect(page.locator('#contrast-summary')).toContainText('--sp-urgent-text on --sp-urgent-bg (crisis panel: phone numbers, light mode');
    await expect(page.locator('#contrast tr.fails').first()).toBeVisible();
    // The guide itself would refuse these colours: the engine says so too.
    await expect(page.locator('#problems')).toContainText('the crisis panel would be hard to read');
    await page.getByLabel('Set: Crisis panel background').uncheck();
    await expect(page.locator('#contrast-summary')).toHaveText('Every colour pair passes WCAG AA contrast, in light and dark mode.');
  });

  test('replacement content: a broken set is refused with its message; a good one is proven, previewed and compiled', async ({ page }) => {
    test.setTimeout(3 * PROOF_MS);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await openStudio(page);
    const edited = (from, to) => contentFiles().map((f) => f.name === 'guide.toml'
      ? { ...f, buffer: Buffer.from(f.buffer.toString().replace(from, to)) } : f);
    const title = preview(page).locator('.signpost:not(.sp-fallback) h1');
    await page.getByLabel('Content files').setInputFiles(edited('schema_version = 3', 'schema_version = 9'));
    await expect(page.locator('#content-result')).toContainText('Refused');
    await expect(page.locator('#content-result')).toContainText('schema_version');
    await expect(page.getByRole('button', { name: 'Download the compiled content' })).toBeHidden();
    await expect(page.getByLabel('Show this content in the preview')).toBeHidden();
    await expect(title).toHaveText('Find the kind of support that suits you');

    // A good set, its welcome reworded: the preview runs it, checked again
    // by the guide itself, with no request for it.
    await page.getByLabel('Content files').setInputFiles(edited('en = "Find the kind of support that suits you"', 'en = "Riverside: find the support that suits you"'));
    await expect(page.locator('#content-result')).toContainText(/Valid\. \d+ clinical safeguards proven over \d+ possible sets of answers/, { timeout: PROOF_MS });
    await expect(page.locator('#preview-source')).toContainText('your own content');
    await expect(title).toHaveText('Riverside: find the support that suits you', { timeout: 20_000 });
    // With the crisis panel too, and back to the built-in content on request.
    await page.getByRole('button', { name: 'Show the crisis panel' }).click();
    await expect(preview(page).locator('.sp-crisis')).toBeVisible({ timeout: 20_000 });
    await expect(title).toHaveText('Riverside: find the support that suits you');
    await page.getByLabel('Show this content in the preview').uncheck();
    await expect(title).toHaveText('Find the kind of support that suits you');
    await expect(page.locator('#preview-source')).toContainText('built-in content');
    const studio = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(`${studio}/`) && !u.startsWith('blob:'))).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the compiled content' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 3).toString()).toBe('SPC');
    // The compiled file checks again as it is.
    await page.getByLabel('Content files').setInputFiles({ name: 'clinic-content.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.locator('#content-result')).toContainText('Valid.', { timeout: 20_000 });
  });

  test('the guide\'s address is checked and written into the code as an address, never as markup (issue 27, item 8)', async ({ page }) => {
    await openStudio(page);
    const host = page.getByLabel('Address of the guide\'s files on your server');
    const code = page.locator('#snippet-element');
    const version = /\/(\d+\.\d+\.\d+)\/signpost-guide\.js/.exec(await code.inputValue())[1];
    // Markup in the address stays in the address, percent-encoded.
    await host.fill('https://guide.example.org/x"><script>alert(1)</script>/');
    await expect.poll(() => code.inputValue()).toContain('https://guide.example.org/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E/signpost-guide.js');
    for (const id of ['#snippet-element', '#snippet-frame']) {
      // (The address's own "x" followed by a quote: not any "x" before a
      // quote, which an integrity value may end with.)
      expect(await page.locator(id).inputValue(), id).not.toMatch(/"><script>|<\/script>\/|example\.org\/x"/);
    }
    // Not https, a script address, a query: an error beside the field, and
    // the example address in the code.
    for (const bad of ['http://guide.example.org/', 'javascript:alert(1)//', 'https://guide.example.org/?a=1', 'https://user:pw@guide.example.org/', 'guide.example.org']) {
      await host.fill(bad);
      await expect(host, bad).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#${(await host.getAttribute('aria-describedby')).split(' ')[0]}`)).toContainText(bad);
      await expect.poll(() => code.inputValue()).toContain(`https://guide.example.org/${version}/signpost-guide.js`);
      if (bad.includes(':')) expect(await page.locator('#snippet-frame').inputValue()).not.toContain(bad);
    }
    // A good address outside this release's folder: a warning, and used.
    await host.fill('https://guide.example.org/signpost');
    await expect(host).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#problems')).toContainText(`does not end in /${version}/`);
    await expect.poll(() => code.inputValue()).toContain('https://guide.example.org/signpost/signpost-guide.js');
    await host.fill(`https://guide.example.org/${version}`);
    await expect(host).not.toHaveAttribute('aria-invalid');
    await expect.poll(() => code.inputValue()).toContain(`https://guide.example.org/${version}/signpost-guide.js`);
  });

  test('a configuration file is imported into the form and downloaded again', async ({ page }) => {
    await openStudio(page);
    const demo = readFileSync(new URL('../../demo/guide/signpost.config.json', import.meta.url));
    await page.getByLabel('Import a configuration file').setInputFiles({ name: 'signpost.config.json', mimeType: 'application/json', buffer: demo });
    await expect(page.locator('#import-status')).toContainText('Imported signpost.config.json');
    const config = JSON.parse(demo);
    await expect(page.getByLabel('Name (required)')).toHaveValue(config.clinic.name);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download signpost.config.json' }).click(),
    ]);
    const again = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(again.clinic).toEqual(config.clinic);
    expect(again.crisis_contacts).toEqual(config.crisis_contacts);
  });

  test('nothing is stored unless a draft is kept; the draft comes back and goes when unticked', async ({ page }) => {
    await openStudio(page);
    await page.getByLabel('Name (required)').fill('Riverside Clinic');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.getByLabel('Keep a draft of these settings in this browser').check();
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(1);
    await openStudio(page);
    await expect(page.getByLabel('Name (required)')).toHaveValue('Riverside Clinic');
    await page.getByLabel('Keep a draft of these settings in this browser').uncheck();
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
  });
});

test.describe('the studio\'s accessibility', () => {
  test('axe finds nothing, with problems showing and a contrast failure', async ({ page }) => {
    await openStudio(page);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Email', { exact: true }).fill('nope');
    await page.getByLabel('Set: Accent: links, buttons, chosen answers').check();
    await page.getByLabel('Accent: links, buttons, chosen answers: colour').fill('#dddddd');
    await expect(page.locator('#contrast tr.fails').first()).toBeVisible();
    await studioSettled(page);
    expect(await axe(page)).toEqual([]);
  });

  test('reflows at 320 px with no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await openStudio(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(320);
  });

  test('on a phone the preview follows the form; on a desktop it sits beside it (screenshots in target/e2e/screenshots)', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openStudio(page);
    await page.getByLabel('Name (required)').fill('Riverside Clinic');
    await studioSettled(page);
    const form = await page.locator('#form').boundingBox();
    let stage = await page.locator('#stage').boundingBox();
    expect(stage.y).toBeGreaterThan(form.y + form.height - 1);
    await page.screenshot({ path: `${SHOTS}studio-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await studioSettled(page);
    stage = await page.locator('#stage').boundingBox();
    expect(stage.x).toBeGreaterThan(600);
    await page.screenshot({ path: `${SHOTS}studio-desktop.png` });
  });

  test('every setting is reached and used by keyboard', async ({ page }) => {
    await openStudio(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the settings' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Name (required)')).toBeFocused();
    await page.keyboard.type('Riverside Clinic');
    await expect(page.locator('#config-out')).toHaveValue(/"name": "Riverside Clinic"/);
  });
});
