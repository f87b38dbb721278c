// The guide in Chromium, served from the unpacked package by each recipe of
// HOSTING.md (nginx, Apache, Caddy, the `_headers` file), with the clinic's
// origin put in frame-ancestors as HOSTING.md says: the standalone page
// starts under the recipe's policy and works offline after one visit; the
// custom element on the clinic's origin loads the guide's files (CORS,
// application/wasm) and starts; the iframe shows on the clinic's origin and
// is refused on any other. tests/package/recipes.mjs must have unpacked
// the package first (the package layer of scripts/test runs it first).
import { createServer } from 'node:http';
import { test, expect, open, live } from '../e2e/fixtures.mjs';
import { PORTS, origin, startRecipe, version } from './servers.mjs';

const STEP_TWO = /^Question 2 of /;

/// The clinic's website: a page with the custom element and one with the
/// iframe, under README's recommended host-page policies.
function clinic(port, guideOrigin) {
  const guide = `${guideOrigin}/${version}/`;
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
<link rel="icon" href="data:,">${body}`;
  const pages = {
    '/element.html': page(`<script type="module" src="${guide}signpost-guide.js"></script></head>
<body><main><h1>Clinic</h1><signpost-guide lang="en"><p>Call the clinic.</p></signpost-guide></main></body></html>`),
    '/frame.html': page(`</head><body><main><h1>Clinic</h1>
<iframe title="Signpost" src="${guide}?lang=en&amp;embed=frame" width="800" height="640"
  sandbox="allow-scripts allow-same-origin allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox allow-top-navigation-to-custom-protocols"
  allow="clipboard-write" referrerpolicy="no-referrer"></iframe></main></body></html>`),
  };
  const csp = [
    `script-src 'self' ${guideOrigin} 'wasm-unsafe-eval'`, `style-src 'self' ${guideOrigin}`,
    `connect-src 'self' ${guideOrigin}`, `frame-src ${guideOrigin}`, "img-src 'self' data:", "object-src 'none'", "base-uri 'none'",
  ].join('; ');
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://h').pathname];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' }).end(body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

const violations = (page) => page.evaluate(() => window.__cspViolations);

for (const server of ['nginx', 'apache', 'caddy', 'headers']) {
  const guideOrigin = origin(server);
  const clinicPort = PORTS[server] + 4;
  const clinicOrigin = `http://127.0.0.1:${clinicPort}`;
  // The same clinic under another origin: not in frame-ancestors.
  const otherOrigin = `http://localhost:${clinicPort}`;

  test.describe(`served by ${server === 'headers' ? 'a _headers host' : server}`, () => {
    test.describe.configure({ mode: 'serial' });
    let running;
    let site;
    test.beforeAll(async () => {
      running = await startRecipe(server, { frameAncestors: clinicOrigin });
      site = await clinic(clinicPort, guideOrigin);
    });
    test.afterAll(async () => {
      await running?.close();
      site?.close();
    });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(() => {
        window.__cspViolations = [];
        addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
    });

    test.describe('the standalone page', () => {
      test.use({ baseURL: guideOrigin });

      test('starts under the recipe\'s policy, and works offline after one visit', async ({ page, context }) => {
        await open(page, `/${version}/`);
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        expect(await violations(page)).toEqual([]);
        await context.setOffline(true);
        await page.reload();
        await live(page);
        await page.getByRole('button', { name: 'Start the questions' }).click();
        await page.getByLabel('Grief or a loss', { exact: true }).check();
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(STEP_TWO);
        await context.setOffline(false);
      });
    });

    test.describe('on the clinic\'s website', () => {
      test.use({ baseURL: clinicOrigin, otherOrigins: [guideOrigin, otherOrigin] });

      test('the custom element loads the guide\'s files from the guide\'s origin and starts', async ({ page }) => {
        const wasm = page.waitForResponse((r) => r.url().endsWith('_bg.wasm'));
        await page.goto('/element.html');
        expect((await wasm).headers()['content-type']).toBe('application/wasm');
        const guide = page.locator('signpost-guide');
        await expect(guide.locator('div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
        await guide.getByRole('button', { name: 'Start the questions' }).click();
        await guide.getByLabel('Grief or a loss', { exact: true }).check();
        await guide.getByRole('button', { name: 'Next', exact: true }).click();
        await expect(guide.getByRole('heading', { level: 1 })).toHaveText(STEP_TWO);
        expect(await violations(page)).toEqual([]);
      });

      test('the iframe shows on the origin frame-ancestors names, and is refused on another', async ({ page }) => {
        await page.goto('/frame.html');
        const frame = page.frameLocator('iframe');
        await expect(frame.locator('#signpost:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
        await frame.getByRole('button', { name: 'Start the questions' }).click();
        await frame.getByLabel('Grief or a loss', { exact: true }).check();
        await frame.getByRole('button', { name: 'Next', exact: true }).click();
        await expect(frame.getByRole('heading', { level: 1 })).toHaveText(STEP_TWO);
        expect(await violations(page)).toEqual([]);

        // The same page on an origin the policy does not name. The page's
        // load event waits for its frame: the guide's page (which has
        // #signpost in its HTML) or the browser's error page.
        await page.goto(`${otherOrigin}/frame.html`, { waitUntil: 'load' });
        const child = page.mainFrame().childFrames()[0];
        expect(child.url()).not.toContain(guideOrigin);
        await expect(frame.locator('#signpost')).toHaveCount(0);
      });
    });
  });
}
