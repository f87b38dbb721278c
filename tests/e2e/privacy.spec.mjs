// Privacy, proved in a real browser: no request after the first render,
// no storage without consent, a strict CSP with no violations.
import { test, expect, open, answerAll, BEREAVED } from './fixtures.mjs';

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
    const atFirstRender = requests.length;
    expect(requests.every((u) => u.startsWith(baseURL))).toBe(true);
    await everyScreen(page);
    expect(requests.slice(atFirstRender), 'requests after the first render').toEqual([]);
    await expect(page.locator('.sp-privacy-check')).toContainText('0 network requests since the guide opened');
    expect(await page.evaluate(violations)).toEqual([]);
    expect(await (await fetch(`${baseURL}/__csp-report`)).json()).toEqual([]);
  });

  test('the privacy check counts a request the page makes', async ({ page }) => {
    await open(page);
    await page.evaluate(() => fetch('./manifest.webmanifest'));
    await expect(page.locator('.sp-privacy-check')).toContainText('1 network requests on this page');
  });

  test('nothing is stored without consent; remember and forget', async ({ page, context }) => {
    const stored = () => page.evaluate(async () => ({
      local: { ...localStorage },
      session: sessionStorage.length,
      indexedDb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).filter((k) => !k.startsWith('signpost-')),
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

  test('external links open safely', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);
    const unsafe = await page.locator('a[target="_blank"]:not([rel~="noopener"][rel~="noreferrer"])').count();
    expect(unsafe).toBe(0);
  });
});
