// Privacy, proved in a real browser: no request after the first render,
// no storage without consent, a strict CSP with no violations.
import { test, expect, open, answerAll, BEREAVED } from './fixtures.mjs';
import { CLINIC_GUIDE } from '../../playwright.config.mjs';
import { GUIDE_HSTS, GUIDE_PERMISSIONS } from '../../scripts/static-server.mjs';

const violations = () => window.__cspViolations;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

/// Every screen, in a full flow: explore, each option, compare, helper,
/// audiences, urgent help, the questions, results, take-away, restart.
async function everyScreen(page) {
  await page.getByRole('button', { name: 'Explore the kinds of support' }).click();
  for (const name of await page.locator('.sp-card h2').allTextContents()) {
    await page.getByRole('button', { name: `Read about ${name}` }).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Compare them side by side' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'What matters in any helper' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  const audiences = await page.locator('.sp-more button').count();
  for (let i = 0; i < audiences; i++) {
    await page.locator('.sp-more button').nth(i).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED.slice(0, 7));
  await page.getByLabel('Several days').check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await answerAll(page, BEREAVED.slice(8));
  await page.getByRole('button', { name: 'Download summary' }).click();
  await page.getByRole('button', { name: 'Start again and clear my answers' }).click();
}

test.describe('standalone page', () => {
  test.use({ acceptDownloads: true });

  test('no request after the first render, on any screen; no CSP violation', async ({ page, requests, baseURL }) => {
    const csp = (await page.request.get('/')).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"]) expect(csp).toContain(d);

    await open(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // No other language's file for an English visitor
    // (src/content/languages.rs).
    // (English's own file, the prose its wasm leaves out, is fetched as
    // the guide starts, before its first render, like the directory.)
    expect(requests.filter((u) => /\/content-(?!en-)[a-z]{2}-[0-9a-f]+\.bin$/.test(u))).toEqual([]);
    const atFirstRender = requests.length;
    expect(requests.every((u) => u.startsWith(baseURL))).toBe(true);
    await everyScreen(page);
    expect(requests.slice(atFirstRender), 'requests after the first render').toEqual([]);
    await expect(page.locator('.sp-privacy-check')).toContainText('Connections from this page to the internet since the guide opened: 0.');
    expect(await page.evaluate(violations)).toEqual([]);
    expect(await (await fetch(`${baseURL}/__csp-report`)).json()).toEqual([]);
  });

  test('without the policy header, the page\'s <meta> policy still refuses an injected inline script', async ({ page }) => {
    // A host that cannot set headers (HOSTING.md): the page as served, minus
    // its Content-Security-Policy header, plus a script an attacker got in.
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      for (const h of ['content-security-policy', 'content-encoding', 'content-length']) delete headers[h];
      const html = (await response.text()).replace('</body>', '<script>window.__injected = true;</script></body>');
      await route.fulfill({ status: response.status(), headers, body: html });
    });
    await open(page);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
    expect(await page.evaluate(violations)).toEqual(['script-src-elem inline']);
  });

  test('powerful features are off in the page, copying is not; https is asked for', async ({ page }) => {
    const headers = (await page.request.get('/')).headers();
    expect(headers['permissions-policy']).toBe(GUIDE_PERMISSIONS);
    expect(headers['strict-transport-security']).toBe(GUIDE_HSTS);
    await open(page);
    const allowed = (feature) => page.evaluate((f) => document.featurePolicy.allowsFeature(f), feature);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
      expect(await allowed(feature), feature).toBe(false);
    }
    expect(await allowed('clipboard-write')).toBe(true);
  });

  test('the privacy check counts a request the page makes', async ({ page }) => {
    await open(page);
    await page.evaluate(() => fetch('./manifest.webmanifest'));
    await expect(page.locator('.sp-privacy-check')).toContainText('Connections from this page to the internet since the guide opened: 1 ');
  });

  test('nothing is stored without consent; remember and forget', async ({ page, context }) => {
    const stored = () => page.evaluate(async () => ({
      local: { ...localStorage },
      session: sessionStorage.length,
      indexedDb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).filter((k) => !k.startsWith('signpost:')),
    }));
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);
    expect(await context.cookies()).toEqual([]);
    expect(await stored()).toEqual({ local: {}, session: 0, indexedDb: 0, caches: [] });

    await page.getByRole('checkbox', { name: 'Remember my answers on this device' }).check();
    const kept = await stored();
    expect(Object.keys(kept.local)).toEqual(['signpost.answers.v1']);
    expect(kept.local['signpost.answers.v1']).toContain('concerns=|grief');
    // A reload brings the visitor back to their results.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
    await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Counselling');

    await page.getByRole('button', { name: 'Forget my answers' }).click();
    expect(await stored()).toEqual({ local: {}, session: 0, indexedDb: 0, caches: [] });
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  });

  test('the request fixture sees the service worker\'s own requests', async ({ page, requests }) => {
    await open(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Only the worker fetches questions.html here (for its precache): the
    // page itself never loads it.
    expect(requests.some((u) => u.endsWith('/questions.html')), requests.join('\n')).toBe(true);
  });
});

test.describe('a configured external link', () => {
  // The demo clinic's guide: its configuration has the clinic's web address.
  // The clinic's site, opened by the test's click, is answered by a route.
  test.use({ baseURL: CLINIC_GUIDE, otherOrigins: ['https://riverside-clinic.example/'] });

  test('opens safely, and an address that hides its characters is refused', async ({ page, context }) => {
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);
    const link = page.getByRole('link', { name: 'https://riverside-clinic.example/' });
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute('target', '_blank');
    expect((await link.getAttribute('rel')).split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    // Every link that opens a new window does so without an opener.
    expect(await page.locator('a[target="_blank"]:not([rel~="noopener"][rel~="noreferrer"])').count()).toBe(0);
    // The new window cannot reach back (no request leaves: it is blocked).
    await context.route('https://riverside-clinic.example/**', (route) => route.fulfill({ body: '<title>clinic</title>', contentType: 'text/html' }));
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    expect(await popup.evaluate(() => window.opener)).toBe(null);
    await popup.close();

    // A right-to-left override would make the address read as another one.
    // On the context: the page is now the service worker's to fetch.
    await context.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('"https://riverside-clinic.example/"', '"https://riverside-clinic.example/\\u202egnp.exe"');
      await route.fulfill({ response, body: html });
    });
    const messages = [];
    page.on('console', (m) => messages.push(m.text()));
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);
    await expect(page.locator('a[href^="https://riverside-clinic.example"]')).toHaveCount(0);
    expect(messages.some((m) => m.includes('clinic.web: contains control or bidirectional-override characters')), messages.join('\n')).toBe(true);
  });
});
