// "Leave quickly" and the Escape key (issue 23, item 7; HOSTING.md, "Leave
// quickly"): on every screen; the remembered answers are gone at once, even
// while the next page is still loading; the page is replaced by the neutral
// address (the configuration's exit_url, else the default) with nothing
// added to Back; on the guide's page, in the custom element (the host page
// is replaced) and in the iframe (through the host script, the sandbox
// token, or as a last resort the frame alone). The neutral pages are stubs
// (page.route): no request leaves the machine.
import { test, expect, open, answerAll, openStudio, CALM, RISK } from './fixtures.mjs';
import { CLINIC, CLINIC_GUIDE } from '../../playwright.config.mjs';

const DEFAULT_EXIT = 'https://www.bbc.co.uk/weather';
// demo/guide/signpost.config.json: the iframe's guide.
const CLINIC_EXIT = 'https://www.bbc.com/weather';
const KEY = 'signpost.answers.v1';
const LEAVE = { name: 'Leave quickly', exact: true };

/// Answers `url` with a stub page. With `hold`, the answer waits until the
/// returned function is called: the guide's page is still there, leaving.
async function neutral(page, url, { hold = false } = {}) {
  let release;
  const held = new Promise((r) => { release = r; });
  if (!hold) release();
  await page.route(url, async (route) => {
    await held;
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather</h1></html>' });
  });
  return release;
}

/// The state of the guide the moment its document starts to leave, before
/// the browser even asks for the next page (`beforeunload`, in every frame):
/// the storage key and whether the guide is still shown. Resolves with the
/// first report from a document of `origin` that holds a guide.
function watchLeaving(key) {
  addEventListener('beforeunload', () => {
    const host = document.querySelector('#signpost, signpost-guide');
    const guide = (host?.shadowRoot ?? host)?.querySelector('.signpost');
    if (guide) console.log(`leaving: ${JSON.stringify({ origin: location.origin, key: localStorage.getItem(key), shown: !guide.hidden })}`);
  });
}
async function leavingState(page, origin) {
  await page.addInitScript(watchLeaving, KEY);
  return page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`leaving: {"origin":"${origin}"`), timeout: 0 })
    .then((m) => {
      const { key, shown } = JSON.parse(m.text().slice('leaving: '.length));
      return { key, shown };
    });
}

/// Opens the clinic's page `path` changed by `edit`. Written over the real
/// page (setContent), not served by page.route: a routed page counts as a
/// public address, and Chromium's local-network checks would then block
/// the guide's files on the loopback test server.
async function clinicPage(page, path, edit = (html) => html) {
  const html = edit(await (await fetch(`${CLINIC}${path}`)).text());
  await page.goto(path);
  await page.setContent(html);
  // Writing the document dropped the window's listeners.
  await page.evaluate(watchLeaving, KEY);
}

/// A page of `origin` visited first, so Back has somewhere to go.
async function visitBefore(page, origin) {
  await page.route(`${origin}/__before`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Before</title><p>Before</p>' }));
  await page.goto(`${origin}/__before`);
}

/// Lands on `url` with as many history entries as before, and Back goes to
/// the page before the guide, not to the guide.
async function leftFor(page, url, entries) {
  // Polls the address rather than waiting on one navigation: after a click
  // in the iframe, the frame (sandbox token) and the host script both
  // replace the clinic's page with the same address, and the later
  // navigation aborts the earlier one (net::ERR_ABORTED).
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
  expect(await page.evaluate(() => history.length), 'no entry added to the history').toBe(entries);
  await page.goBack();
  expect(page.url(), 'Back skips the guide').toMatch(/\/__before$/);
}

test.describe('the guide\'s own page', () => {
  test.use({ otherOrigins: ['https://www.bbc.co.uk', 'https://neutral.example'] });

  test('Leave quickly is on the welcome, a question, the urgent page and the results with a crisis panel, first for Tab, with its Escape hint', async ({ page }) => {
    await open(page);
    const leave = page.getByRole('link', LEAVE);
    const check = async () => {
      await expect(leave).toBeVisible();
      await expect(leave).toHaveAttribute('href', DEFAULT_EXIT);
      await expect(leave).toHaveAccessibleDescription('or press Esc');
      await expect(leave).toHaveAttribute('aria-keyshortcuts', 'Escape');
      // WCAG 2.2 target size (2.5.8): at least 24 by 24 CSS pixels.
      const box = await leave.boundingBox();
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    };
    await check();
    // First for Tab on a fresh page.
    await page.keyboard.press('Tab');
    await expect(leave).toBeFocused();
    await expect(leave).toHaveCSS('outline-style', 'solid');
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of /);
    await check();
    await page.getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
    await check();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await answerAll(page, RISK);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
    await expect(page.locator('.sp-crisis')).toBeVisible();
    await check();

    // Spanish: its own words.
    await open(page, '/?lang=es');
    await expect(page.getByRole('link', { name: 'Salir rápido', exact: true })).toHaveAccessibleDescription('o pulse Esc');
  });

  test('a click forgets the remembered answers at once, then replaces the page: nothing added to Back', async ({ page, baseURL }) => {
    await visitBefore(page, baseURL);
    const release = await neutral(page, DEFAULT_EXIT, { hold: true });
    const leaving = leavingState(page, baseURL);
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, CALM);
    await page.getByRole('checkbox', { name: /Remember my answers/ }).check();
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('link', LEAVE).click({ noWaitAfter: true });
    // As the page starts to leave (the neutral page is held back): the key
    // is already gone and the screen hidden.
    expect(await leaving).toEqual({ key: null, shown: false });
    release();
    await leftFor(page, DEFAULT_EXIT, entries);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY), 'nothing remembered').toBeNull();
  });

  test('Escape on a question does the same', async ({ page, baseURL }) => {
    await visitBefore(page, baseURL);
    await neutral(page, DEFAULT_EXIT);
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await page.getByLabel('Grief or a loss').check();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    await leftFor(page, DEFAULT_EXIT, entries);
  });

  test('Escape that closes an open list of countries leaves the visitor where they were; the next one leaves', async ({ page }) => {
    await neutral(page, DEFAULT_EXIT);
    await open(page);
    await page.getByRole('button', { name: 'Need help now?' }).click();
    // The list is filled when the directory file arrives; a picker opened
    // before that closes as its options change.
    await expect(page.locator('.sp-contacts__checked').first()).toBeVisible();
    const countries = page.getByLabel('Show numbers for');
    await countries.click();
    await expect.poll(() => countries.evaluate((s) => s.matches(':open'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => countries.evaluate((s) => s.matches(':open'))).toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
    expect(page.url()).not.toContain('bbc');
    await page.keyboard.press('Escape');
    await page.waitForURL(DEFAULT_EXIT);
  });

  /// index.html with `config` as its inline configuration.
  async function withConfig(page, config) {
    await page.route((url) => url.pathname === '/' || url.pathname.endsWith('/index.html'), async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /(<script type="application\/json" id="signpost-config">)[\s\S]*?(<\/script>)/,
        (_, a, b) => `${a}${config}${b}`,
      );
      await route.fulfill({ response, body: html });
    });
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    await open(page);
    return messages;
  }

  test('the clinic\'s neutral address is used', async ({ page }) => {
    await neutral(page, 'https://neutral.example/today');
    await withConfig(page, '{ "schema_version": 1, "exit_url": "https://neutral.example/today" }');
    await expect(page.getByRole('link', LEAVE)).toHaveAttribute('href', 'https://neutral.example/today');
    await page.getByRole('link', LEAVE).click();
    await page.waitForURL('https://neutral.example/today');
  });

  test('a neutral address that is not https:// is refused by name and the default used', async ({ page }) => {
    const messages = await withConfig(page, '{ "schema_version": 1, "exit_url": "http://neutral.example/" }');
    expect(messages.some((m) => m.startsWith('error: ') && m.includes('exit_url: "http://neutral.example/" must be a full https:// address of a neutral page')), messages.join('\n')).toBe(true);
    await expect(page.getByRole('link', LEAVE)).toHaveAttribute('href', DEFAULT_EXIT);
  });
});

test.describe('the custom element on the clinic\'s page', () => {
  test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE, 'https://www.bbc.co.uk'] });

  test('a click replaces the clinic\'s page; Back does not return to it', async ({ page }) => {
    await visitBefore(page, CLINIC);
    await neutral(page, DEFAULT_EXIT);
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of /);
    const entries = await page.evaluate(() => history.length);
    await guide.getByRole('link', LEAVE).click();
    await leftFor(page, DEFAULT_EXIT, entries);
  });

  test('Escape inside the guide does the same', async ({ page }) => {
    await visitBefore(page, CLINIC);
    await neutral(page, DEFAULT_EXIT);
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await guide.getByRole('button', { name: 'Need help now?' }).click();
    await expect(guide.getByRole('heading', { level: 1 })).toBeFocused();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    await leftFor(page, DEFAULT_EXIT, entries);
  });

  test('before the WebAssembly arrives, the prerendered Leave quickly and Escape replace the clinic\'s page too', async ({ page, context }) => {
    await context.route('**/*_bg.wasm', () => new Promise(() => {})); // never arrives
    await visitBefore(page, CLINIC);
    await neutral(page, DEFAULT_EXIT);
    await page.goto('/index.html');
    const guide = page.locator('signpost-guide');
    await expect(guide.locator('[data-start] h1')).toHaveText('Find the kind of support that suits you');
    const entries = await page.evaluate(() => history.length);
    await guide.getByRole('link', LEAVE).click();
    await leftFor(page, DEFAULT_EXIT, entries);
    await page.goto('/index.html');
    await expect(guide.locator('[data-start] h1')).toBeVisible();
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await expect(guide.locator('#sp-title')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.waitForURL(DEFAULT_EXIT);
  });

  test('where the element remembers answers, leaving removes them from the site\'s storage at once', async ({ page }) => {
    const release = await neutral(page, DEFAULT_EXIT, { hold: true });
    const leaving = leavingState(page, CLINIC);
    await clinicPage(page, '/index.html', (html) => html.replace('"schema_version": 1,', '"schema_version": 1, "remember_in_element": true,'));
    const guide = page.locator('signpost-guide');
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(guide, CALM);
    await guide.getByRole('checkbox', { name: /Remember my answers/ }).check();
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
    await guide.getByRole('link', LEAVE).click({ noWaitAfter: true });
    expect(await leaving).toEqual({ key: null, shown: false });
    release();
    await page.waitForURL(DEFAULT_EXIT);
  });
});

test.describe('the iframe on the clinic\'s page', () => {
  test.use({ baseURL: CLINIC, otherOrigins: [CLINIC_GUIDE, 'https://www.bbc.com'] });

  /// frame.html with `edit` applied (HOSTING.md's table: the host script,
  /// the sandbox token, both or neither).
  const withoutScript = (html) => html.replace(/<script src="[^"]*signpost-frame\.js" defer><\/script>/, '');
  const withoutToken = (html) => html.replace(' allow-top-navigation-by-user-activation', '');
  const guideFrame = (page) => page.frames().find((f) => f.url().startsWith(CLINIC_GUIDE));
  // The clinic's CSP reports, kept here, not on the shared test server
  // (embed.spec.mjs expects none there): a frame replacing itself with a
  // page the clinic's frame-src refuses is reported.
  let reports;
  test.beforeEach(async ({ page }) => {
    reports = [];
    await page.route(`${CLINIC}/__csp-report`, async (route) => {
      reports.push(route.request().postData() ?? '');
      await route.fulfill({ status: 204 });
    });
  });
  test.afterEach(async ({ page }, info) => {
    if (!info.title.startsWith('neither')) expect(reports, 'the frame did not also replace itself').toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  async function openFrame(page, edit) {
    if (edit) await clinicPage(page, '/frame.html', edit);
    else await page.goto('/frame.html');
    const frame = page.frameLocator('iframe.frame');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
    return frame;
  }

  test('the recommended snippet: a click replaces the clinic\'s page with the configured address, after the answers are forgotten', async ({ page }) => {
    await visitBefore(page, CLINIC);
    const release = await neutral(page, CLINIC_EXIT, { hold: true });
    const leaving = leavingState(page, CLINIC_GUIDE);
    const frame = await openFrame(page);
    await frame.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(frame, CALM);
    await frame.getByRole('checkbox', { name: /Remember my answers/ }).check();
    const inFrame = guideFrame(page);
    await expect.poll(() => inFrame.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
    const entries = await page.evaluate(() => history.length);
    await frame.getByRole('link', LEAVE).click({ noWaitAfter: true });
    expect(await leaving).toEqual({ key: null, shown: false });
    release();
    await leftFor(page, CLINIC_EXIT, entries);
  });

  test('the recommended snippet: Escape replaces the clinic\'s page', async ({ page }) => {
    await visitBefore(page, CLINIC);
    await neutral(page, CLINIC_EXIT);
    const frame = await openFrame(page);
    await frame.getByRole('button', { name: 'Start the questions' }).click();
    await frame.getByLabel('Grief or a loss').check();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    await leftFor(page, CLINIC_EXIT, entries);
  });

  test('the host script alone: Escape still replaces the clinic\'s page (the sandbox forbids the frame to)', async ({ page }) => {
    await visitBefore(page, CLINIC);
    await neutral(page, CLINIC_EXIT);
    const frame = await openFrame(page, withoutToken);
    await frame.getByRole('button', { name: 'Need help now?' }).click();
    await expect(frame.getByRole('heading', { level: 1 })).toBeFocused();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    await leftFor(page, CLINIC_EXIT, entries);
  });

  test('the sandbox token alone: a click replaces the clinic\'s page', async ({ page }) => {
    await visitBefore(page, CLINIC);
    await neutral(page, CLINIC_EXIT);
    const frame = await openFrame(page, withoutScript);
    const entries = await page.evaluate(() => history.length);
    await frame.getByRole('link', LEAVE).click();
    await leftFor(page, CLINIC_EXIT, entries);
  });

  test('neither: the frame alone is replaced; the message the page got names only the neutral address', async ({ page }) => {
    await neutral(page, CLINIC_EXIT);
    const frame = await openFrame(page, (html) => withoutToken(withoutScript(html)));
    await page.evaluate(() => {
      window.hostMessages = [];
      addEventListener('message', (e) => window.hostMessages.push(JSON.stringify(e.data)));
    });
    await frame.getByRole('button', { name: 'Start the questions' }).click();
    await frame.getByLabel('Grief or a loss').check();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    // The guide's frame went to the neutral page, which this page's CSP
    // (frame-src: the guide's origin only) refuses: the browser's error
    // page stands in its place, and the refusal is reported.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(CLINIC_GUIDE))).toBe(false);
    await expect.poll(() => reports.join(' ')).toContain('https://www.bbc.com');
    expect(reports.join(' ')).toContain('frame-src');
    expect(page.url()).toBe(`${CLINIC}/frame.html`);
    expect(await page.evaluate(() => history.length), 'the frame was replaced, not added to').toBe(entries);
    expect(await page.evaluate(() => window.hostMessages)).toEqual([JSON.stringify({ signpostExit: CLINIC_EXIT })]);
  });
});

test.describe('the clinic studio\'s preview', () => {
  test('Leave quickly and Escape start the preview again and stay on the studio', async ({ page }) => {
    await openStudio(page);
    const guide = page.locator('#stage signpost-guide');
    await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toHaveText('Find the kind of support that suits you');
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of /);
    await guide.getByRole('link', LEAVE).click();
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
    await guide.getByRole('button', { name: 'Start the questions' }).click();
    await expect(guide.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
    expect(page.url()).toMatch(/\/studio\.html$/);
  });

  test('the neutral page is a setting with the engine\'s message beside it; the iframe snippet carries what it needs', async ({ page }) => {
    await openStudio(page);
    const field = page.getByLabel('Neutral page (an https:// address)');
    await expect(field).toHaveAttribute('placeholder', DEFAULT_EXIT);
    await field.fill('http://weather.example/');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${(await field.getAttribute('aria-describedby')).split(' ')[0]}`))
      .toContainText('"http://weather.example/" must be a full https:// address of a neutral page');
    await field.fill('https://weather.example/');
    await expect(field).not.toHaveAttribute('aria-invalid');
    await expect(page.locator('#config-out')).toHaveValue(/"exit_url": "https:\/\/weather\.example\/"/);
    const snippet = await page.locator('#snippet-frame').inputValue();
    expect(snippet).toContain('allow-top-navigation-by-user-activation');
    expect(snippet).toContain('data-signpost-frame');
    expect(snippet).toMatch(/<script src="[^"]*signpost-frame\.js" defer><\/script>/);
  });
});
