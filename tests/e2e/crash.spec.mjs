// A crash of the guide's WebAssembly never leaves a frozen or blank guide:
// the visitor sees a plain message with the way to urgent help. The crash
// is real: the browser refuses to create the questionnaire's <fieldset>, so
// Yew's rendering fails inside the wasm (a panic, compiled to a trap in the
// release build).
import { test, expect, open } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

// From the moment `window.__breakGuide` is true (or at once, with
// `always`), the page refuses to create `tag` elements.
const refuseToCreate = ({ tag, always }) => {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (name, ...rest) {
    if (name === tag && (always || window.__breakGuide)) throw new DOMException('broken on purpose', 'NotSupportedError');
    return create.call(this, name, ...rest);
  };
};
const breakFieldsets = [refuseToCreate, { tag: 'fieldset' }];

const crashMessage = (scope) => scope.getByRole('alert').filter({ hasText: 'Sorry, this guide stopped working' });

test.describe('when the guide crashes', () => {
  test.use({ allowPageErrors: true });

  test('the standalone page shows the crash message with urgent help, in both languages', async ({ page }) => {
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(...breakFieldsets);
    await open(page);
    await page.evaluate(() => { window.__breakGuide = true; });
    await page.getByRole('button', { name: 'Start the questions' }).click();
    const message = crashMessage(page);
    await expect(message).toBeVisible();
    await expect(message.getByText('If you are in danger now or might hurt yourself, call your local emergency number.')).toBeVisible();
    await expect(message.locator('[lang="es"]')).toContainText('llame al número de emergencias');
    // The guide is gone, not half there.
    await expect(page.getByRole('button', { name: 'Start the questions' })).toHaveCount(0);
    expect(errors.some((e) => e.startsWith('Signpost crashed'))).toBe(true);
  });

  test('a crash while the guide starts shows it too', async ({ page }) => {
    await page.addInitScript(refuseToCreate, { tag: 'footer', always: true });
    await page.goto('/');
    await expect(crashMessage(page)).toBeVisible();
    await expect(page.getByText('could not start the guide')).toHaveCount(0);
  });
});

test.describe('when the guide crashes on a clinic\'s page', () => {
  test.use({ allowPageErrors: true, baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE] });

  test('every custom element on the page shows it; the host page is left alone', async ({ page }) => {
    await page.addInitScript(...breakFieldsets);
    await page.goto('/two.html');
    const first = page.locator('#first');
    const second = page.locator('#second');
    await expect(first.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(second.getByRole('heading', { level: 1 })).toBeVisible();
    // An error of the host page's own is not the guide's crash. The crash
    // watcher's listener, added first, shows the message synchronously, so
    // once a listener added now has seen the error the verdict is in.
    await page.evaluate(() => new Promise((seen) => {
      addEventListener('error', (e) => e.error?.message === 'the host page broke' && seen());
      setTimeout(() => { throw new Error('the host page broke'); });
    }));
    await expect(crashMessage(page)).toHaveCount(0);
    await page.evaluate(() => { window.__breakGuide = true; });
    await first.getByRole('button', { name: 'Start the questions' }).click();
    await expect(crashMessage(first)).toBeVisible();
    await expect(crashMessage(second)).toBeVisible();
    // With the crisis numbers of the device's country (issue 23, H6).
    await expect(crashMessage(first).locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
    await expect(page.locator('h1').first()).toHaveText('Two guides on one page'); // the host's own page
  });
});
