// Offline after the first visit, and a new build replacing the old cache.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, answerAll, BEREAVED } from './fixtures.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST } from '../../playwright.config.mjs';

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

test('after one visit the guide works offline, the whole flow included', async ({ page, context }) => {
  await open(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    return keys.length === 1 ? (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname) : keys;
  });
  expect(cached).toEqual(expect.arrayContaining(['/', '/questions.html', '/manifest.webmanifest']));
  expect(cached.some((p) => p.endsWith('_bg.wasm'))).toBe(true);
  // Only what an offline visit needs: not the checker module, nor the
  // scripts host pages load.
  expect(cached.filter((p) => /signpost-check|signpost-guide\.js|signpost-frame\.js|sw\.js/.test(p))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED);
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Counselling');
  await context.setOffline(false);
});

test.describe('a first visit', () => {
  test.use({ baseURL: 'http://127.0.0.1:4182' });

  test('downloads each file once: the offline precache comes from the HTTP cache, after the guide started', async ({ page }) => {
    const { server, sent } = await startServer(DIST, 4182, { record: true });
    try {
      await open(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      // The worker was registered after the guide's own downloads.
      const order = sent.map((r) => r.path);
      expect(order.indexOf('/sw.js')).toBeGreaterThan(order.findIndex((p) => p.endsWith('_bg.wasm')));
      const bodies = new Map();
      for (const r of sent.filter((r) => r.status === 200)) bodies.set(r.path, (bodies.get(r.path) ?? 0) + 1);
      const twice = [...bodies].filter(([, n]) => n > 1).map(([p]) => p);
      expect(twice, 'downloaded twice').toEqual([]);
      expect([...bodies.keys()].filter((p) => /signpost-check/.test(p)), 'the checker module').toEqual([]);
      // The page itself was revalidated (a 304), not downloaded again.
      expect(sent.filter((r) => r.path === '/').map((r) => r.status)).toEqual([200, 304]);
    } finally {
      server.close();
    }
  });
});

test.describe('a new build', () => {
  test.use({ baseURL: 'http://127.0.0.1:4181' });

  test('replaces the old cache', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-update-'));
    cpSync(DIST, dir, { recursive: true });
    const { server } = await startServer(dir, 4181);
    try {
      await open(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      const first = await page.evaluate(() => caches.keys());
      expect(first).toHaveLength(1);

      // "Deploy" a new build: a changed page and a new worker version.
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      const version = /const VERSION = '([0-9a-f]+)'/.exec(sw)[1];
      writeFileSync(join(dir, 'sw.js'), sw.replace(version, 'feedfacefeedface'));
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      writeFileSync(join(dir, 'index.html'), html.replace('a private guide to mental-health support', 'a private guide (new build)'));

      await page.reload();
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toEqual(['signpost:/:feedfacefeedface']);
      const fresh = await page.evaluate(async () => (await (await caches.open('signpost:/:feedfacefeedface')).match('./')).text());
      expect(fresh).toContain('a private guide (new build)');
    } finally {
      server.close();
    }
  });
});

test.describe('a slow network', () => {
  test.use({ baseURL: 'http://127.0.0.1:4185' });

  test('a page the network is slow to send comes from the cache after about 3 s, and the cache still gets the network\'s copy (issue 27, item 6)', async ({ page }) => {
    let stall = null;
    const { server } = await startServer(DIST, 4185, { hold: (path) => (path === '/' ? stall : null) });
    let release = () => {};
    try {
      await open(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      const cachedDate = () => page.evaluate(async () => {
        const keys = await caches.keys();
        return (await (await caches.open(keys[0])).match('./'))?.headers.get('date') ?? '';
      });
      const before = await cachedDate();
      stall = new Promise((resolve) => { release = resolve; });
      const started = Date.now();
      // The server holds the page back; the worker answers from its cache.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
      console.log(`cached page after ${Date.now() - started} ms`);
      await page.getByRole('button', { name: 'Need help now?' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
      // The page the network sends at last is kept for the next visit.
      release();
      stall = null;
      await expect.poll(cachedDate).not.toBe(before);
    } finally {
      release();
      server.close();
    }
  });
});

/// A copy of the guide (dist/) served on `port` (with index.html's inline
/// configuration set to `config`, when given), for tests that change it.
async function deployment(port, config) {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-sw-'));
  cpSync(DIST, dir, { recursive: true });
  const setConfig = (c) => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(
      /(<script type="application\/json" id="signpost-config">)[\s\S]*?(<\/script>)/,
      (_, a, b) => `${a}${JSON.stringify(c)}${b}`,
    );
    writeFileSync(join(dir, 'index.html'), html);
  };
  if (config) setConfig(config);
  const { server } = await startServer(dir, port);
  return { dir, setConfig, close: () => server.close() };
}

const crisis = (phone) => ({ schema_version: 1, crisis_contacts: { en: [{ name: 'Crisis line', phone }] } });

// Each test serves its own copy of the guide on its own port (they run in parallel).
test.describe('the service worker never pins stale safety information: the crisis number', () => {
  test.use({ baseURL: 'http://127.0.0.1:4182' });

  test('a corrected crisis number reaches a returning visitor; offline still works', async ({ page, context }) => {
    const site = await deployment(4182, crisis('111 111'));
    try {
      await open(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      await page.getByRole('button', { name: 'Need help now?' }).click();
      await expect(page.locator('.sp-main')).toContainText('111 111');

      // The clinic corrects the number in index.html (no new build). The
      // worker goes to the network first; only a network slower than 3 s
      // gets the kept copy for this visit (and the new one for the next:
      // 'a slow network' below), which a loaded machine can meet.
      site.setConfig(crisis('222 222'));
      let visits = 0;
      await expect.poll(async () => {
        visits += 1;
        await page.reload();
        await page.getByRole('button', { name: 'Need help now?' }).click();
        return page.locator('.sp-main').innerText();
      }, { intervals: [0], timeout: 20_000 }).toContain('222 222');
      expect(visits, 'the corrected number by the next visit at the latest').toBeLessThanOrEqual(2);

      // Offline, the newest page seen is the one kept.
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('button', { name: 'Need help now?' }).click();
      await expect(page.locator('.sp-main')).toContainText('222 222');
      await context.setOffline(false);
    } finally {
      site.close();
    }
  });

});

test.describe('the service worker answers only the guide\'s own pages', () => {
  test.use({ baseURL: 'http://127.0.0.1:4183' });

  test('a page beside the guide, and questions.html, are served as themselves', async ({ page }) => {
    const site = await deployment(4183);
    writeFileSync(join(site.dir, 'other.html'), '<!doctype html><title>Other</title><h1>The clinic\'s other page</h1>');
    try {
      await open(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      await page.goto('/other.html');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('The clinic\'s other page');
      await expect(page.locator('#signpost')).toHaveCount(0);
      await page.goto('/questions.html');
      // Its own page, which sends the visitor to index.html's first
      // question.
      await expect(page).toHaveURL(/\/\?step=questions$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of/);
    } finally {
      site.close();
    }
  });

});

test.describe('the service worker\'s caches', () => {
  test.use({ baseURL: 'http://127.0.0.1:4184' });

  test('two deployments on one origin keep their own caches', async ({ page }) => {
    const site = await deployment(4184);
    // A second deployment beside the first, at /v2/, from a later release
    // (another worker version).
    cpSync(DIST, join(site.dir, 'v2'), { recursive: true });
    const sw = join(site.dir, 'v2', 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'cafecafecafecafe'"));
    try {
      await open(page, '/');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await controlled(page);
      await open(page, '/v2/');
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/v2/sw.js'));
      const keys = await page.evaluate(() => caches.keys());
      expect(keys.sort()).toEqual([expect.stringMatching(/^signpost:\/:[0-9a-f]{16}$/), 'signpost:/v2/:cafecafecafecafe']);
      // Both deployments still work offline from their own caches.
      await page.context().setOffline(true);
      await open(page, '/');
      await open(page, '/v2/');
      await page.context().setOffline(false);
    } finally {
      site.close();
    }
  });
});
