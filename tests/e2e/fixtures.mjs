// Shared fixtures. Every test records the requests its browser context
// makes (its pages, their frames and their service workers) and fails if
// any goes anywhere but the test server, and fails on any uncaught error
// in the page.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export const SHOTS = fileURLToPath(new URL('../../target/e2e/screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export const test = base.extend({
  // Set by tests that break the page on purpose.
  allowPageErrors: [false, { option: true }],
  // Origins besides the page's own that a test's page may use.
  otherOrigins: [[], { option: true }],
  requests: [async ({ page, context, baseURL, allowPageErrors, otherOrigins }, use) => {
    const seen = [];
    const errors = [];
    // On the context, not the page: a service worker's own fetches (its
    // precache, a network-first page) are reported only there.
    context.on('request', (r) => seen.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await use(seen);
    const allowed = [baseURL, ...otherOrigins, 'data:', 'blob:'];
    const foreign = seen.filter((u) => !allowed.some((a) => u.startsWith(a)));
    expect(foreign, 'requests to other hosts').toEqual([]);
    if (!allowPageErrors) expect(errors, 'uncaught errors in the page').toEqual([]);
  }, { auto: true }],
});

export { expect };

/// The guide has started (the wasm replaced the plain-HTML fallback).
export async function open(page, path = '/') {
  await page.goto(path);
  await live(page);
}

/// Waits until the guide has taken over the page's prerendered screen
/// (src/embed/page.rs removes data-start from the root when it mounts).
export async function live(page) {
  await expect(page.locator('#signpost:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
}

/// The clinic studio is ready: its wasm (the whole engine with the prover,
/// about 1.7 MB, built for speed) has compiled and the form is filled, and
/// the preview's guide has taken over its prerendered screen. Compiling
/// that wasm took over 5 s on a loaded machine (CI failed there), so the
/// wait is for the event with room, not the default 5 s, and the test gets
/// that room on top of its own time.
export const STUDIO_READY_MS = 25_000;
export async function openStudio(page) {
  test.info().setTimeout(test.info().timeout + STUDIO_READY_MS);
  await page.goto('/studio.html');
  await expect(page.locator('body[data-ready]')).toBeAttached({ timeout: STUDIO_READY_MS });
  await studioSettled(page);
}

/// The studio's preview shows the form's settings: no change is waiting,
/// and the guide has taken over its prerendered screen.
export async function studioSettled(page) {
  await expect(page.locator('#stage:not([aria-busy]) signpost-guide div:not([data-start]) > .signpost:not(.sp-fallback) h1')).toBeVisible();
}

/// Runs axe-core with the WCAG 2.0-2.2 A and AA rules; returns violations.
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

export const next = (page) => page.getByRole('button', { name: 'Next', exact: true }).click();

/// Answers by visible label, pressing Next (or "See my results") after each.
export async function answerAll(page, labels) {
  for (const label of labels) {
    if (label === null) {
      await page.getByRole('button', { name: 'Skip this question' }).click();
      continue;
    }
    for (const l of [].concat(label)) await page.getByLabel(l, { exact: true }).check();
    const more = page.getByRole('button', { name: 'Next', exact: true });
    if (await more.count()) await more.click();
    else await page.getByRole('button', { name: 'See my results' }).click();
  }
}

/// A bereaved visitor coping day to day who wants to talk (persona 1).
export const BEREAVED = [
  'Grief or a loss', 'One to six months', 'A little: I mostly manage',
  'Several days', 'Several days', 'Several days', 'Several days',
  'Not at all', 'No', 'Someone to listen and help me talk things through',
  'About an hour a week for a few weeks or months', 'In person', 'A free or public service',
];

/// A calm visitor's answers (persona 1) and the same with a risk answer:
/// anything but "Not at all" to the safety question (PHQ-9 item 9).
export const CALM = BEREAVED;
export const RISK = BEREAVED.map((a, i) => (i === 7 ? 'Several days' : a));
