// Offline after the first visit, and a new build replacing the old cache.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, answerAll, BEREAVED } from './fixtures.mjs';
import { startServer } from '../../scripts/static-server.mjs';

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

test('after one visit the guide works offline, the whole flow included', async ({ page, context }) => {
  await open(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    return keys.length === 1 ? (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname) : keys;
  });
  expect(cached).toEqual(expect.arrayContaining(['/', '/questions.html', '/manifest.webmanifest', '/signpost-check.wasm']));
  expect(cached.some((p) => p.endsWith('_bg.wasm'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED);
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Counselling');
  await context.setOffline(false);
});

test.describe('a new build', () => {
  test.use({ baseURL: 'http://127.0.0.1:4181' });

  test('replaces the old cache', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-update-'));
    cpSync('dist', dir, { recursive: true });
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
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toEqual(['signpost-feedfacefeedface']);
      const fresh = await page.evaluate(async () => (await (await caches.open('signpost-feedfacefeedface')).match('./')).text());
      expect(fresh).toContain('a private guide (new build)');
    } finally {
      server.close();
    }
  });
});
