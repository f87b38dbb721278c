// A clinic's page that enforces Trusted Types (issue 27, item 4): such a
// page refuses HTML strings, so the custom element's build-time screens go
// through its own policy, `signpost`, where the host allows it (HOSTING.md);
// where it does not, the element shows the way to urgent help built node by
// node. Never a blank element, and no TypeError escapes.
import { test, expect } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

const POLICIES = {
  'allows the policy "signpost"': "require-trusted-types-for 'script'; trusted-types signpost",
  'allows no policy': "require-trusted-types-for 'script'; trusted-types 'none'",
};
const [ALLOWED, NONE] = Object.values(POLICIES);
const URGENT = 'If you are in danger now or might hurt yourself, call your local emergency number.';

/// The clinic's page (demo/clinic/index.html) under the Trusted Types
/// policy `csp`: a <meta> CSP, enforced together with the server's. Written
/// over a page without the guide (setContent), so the element's script
/// first runs under the policy; not served by page.route: a routed page
/// counts as a public address, and Chromium's local-network checks would
/// then block the guide's files on the loopback test server
/// (leave.spec.mjs). The element is added once the page has loaded (one
/// written by setContent would not be upgraded), with the clinic's own
/// fallback inside it.
async function clinicPage(page, csp) {
  const demo = await (await fetch(`${CLINIC}/index.html`)).text();
  const script = demo.match(/<script type="module"[^>]*><\/script>/)[0];
  const config = demo.match(/<script type="application\/json" id="clinic-config">[\s\S]*?<\/script>/)[0];
  await page.goto('/no-page-here');
  await page.setContent(`<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${csp}">
    <title>Clinic</title>${script}</head><body><main>${config}</main></body></html>`);
  // The page does refuse HTML strings.
  expect(await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'accepted';
    } catch (e) {
      return e.name;
    }
  })).toBe('TypeError');
  await page.evaluate(() => {
    const guide = document.createElement('signpost-guide');
    guide.setAttribute('lang', 'en');
    guide.setAttribute('config', '#clinic-config');
    const own = document.createElement('p');
    own.textContent = 'Call Riverside on 020 7946 0000 (weekdays 9 to 5) to talk to us about support.';
    guide.append(own);
    document.querySelector('main').append(guide);
  });
}

/// Holds the guide's WebAssembly until the returned function is called.
async function holdWasm(context) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

/// Uncaught errors from Trusted Types (none may escape).
const trustedTypeErrors = (page) => {
  const errors = [];
  page.on('pageerror', (e) => /Trusted|innerHTML/.test(e.message) && errors.push(e.message));
  return errors;
};

test('allowed its policy, the element shows its welcome at once, and the guide works', async ({ page, context }) => {
  const release = await holdWasm(context);
  await clinicPage(page, ALLOWED);
  const guide = page.locator('signpost-guide');
  // The prerendered welcome and first question, before any WebAssembly.
  await expect(guide.locator('[data-start="welcome"] h1')).toHaveText('Find the kind of support that suits you');
  await expect(guide.locator('.sp-fallback .sp-urgent')).toHaveText(URGENT);
  await guide.getByRole('button', { name: 'Start the questions' }).click();
  await expect(guide.locator('[data-start="questions"] h1')).toHaveText(/^Question 1 of/);
  release();
  // The guide takes over, and works.
  await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toHaveText(/^Question 1 of/);
  await guide.getByLabel('Grief or a loss').check();
  await guide.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText(/^Question 2 of/);
});

test('allowed no policy, the element shows the way to urgent help at once, then the guide', async ({ page, context }) => {
  const refused = page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('Trusted Types refused'));
  const release = await holdWasm(context);
  await clinicPage(page, NONE);
  await refused;
  const guide = page.locator('signpost-guide');
  // Not blank: what the guide is, the way to urgent help, the clinic's
  // contacts and its own fallback (inside the tag).
  await expect(guide.locator('.sp-fallback h1')).toHaveText('Signpost: a private guide to mental-health support');
  await expect(guide.getByText(URGENT)).toBeVisible();
  await expect(guide.getByRole('link', { name: /Samaritans \(24 hours, free\)/ })).toHaveAttribute('href', 'tel:116123');
  await expect(guide.getByText('Call Riverside on 020 7946 0000')).toBeVisible();
  release();
  // The guide draws node by node (Yew): it can start here too.
  await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
  await guide.getByRole('button', { name: 'Start the questions' }).click();
  await guide.getByLabel('Grief or a loss').check();
  await guide.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText(/^Question 2 of/);
});

for (const [name, csp] of Object.entries(POLICIES)) {
  test.describe(`on a page that ${name}`, () => {
    test.use({ allowPageErrors: true });

    test('without WebAssembly, the element shows the way to urgent help with the numbers', async ({ page }) => {
      const errors = trustedTypeErrors(page);
      const failed = page.waitForEvent('console', (m) => m.text().includes('the guide could not start'));
      await page.route('**/*_bg.wasm', (route) => route.abort());
      await clinicPage(page, csp);
      await failed;
      const guide = page.locator('signpost-guide');
      await expect(guide.getByText(URGENT)).toBeVisible();
      await expect(guide.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
      await expect(guide.getByRole('link', { name: /Samaritans \(24 hours, free\)/ })).toHaveAttribute('href', 'tel:116123');
      await expect(guide.getByText('Call Riverside on 020 7946 0000')).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('when the guide crashes, the element shows the way to urgent help with the numbers', async ({ page }) => {
      const errors = trustedTypeErrors(page);
      const crashed = page.waitForEvent('console', (m) => m.text().startsWith('Signpost crashed'));
      // The browser refuses to create the guide's <footer>: the guide
      // crashes as it starts (crash.spec.mjs).
      await page.addInitScript(() => {
        const create = Document.prototype.createElement;
        Document.prototype.createElement = function (tag, ...rest) {
          if (tag === 'footer') throw new DOMException('broken on purpose', 'NotSupportedError');
          return create.call(this, tag, ...rest);
        };
      });
      await clinicPage(page, csp);
      await crashed;
      const message = page.locator('signpost-guide').getByRole('alert');
      await expect(message).toHaveClass(/sp-panic/);
      if (csp === ALLOWED) await expect(message.locator('h1')).toHaveText('Sorry, this guide stopped working');
      await expect(message.getByText(URGENT)).toBeVisible();
      await expect(message.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
      await expect(message.getByRole('link', { name: /Samaritans \(24 hours, free\)/ })).toHaveAttribute('href', 'tel:116123');
      expect(errors).toEqual([]);
    });
  });
}
