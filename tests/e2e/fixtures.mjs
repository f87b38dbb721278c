// Shared fixtures: every test records the requests its page makes and fails
// if any goes anywhere but the test server.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  requests: async ({ page, baseURL }, use) => {
    const seen = [];
    page.on('request', (r) => seen.push(r.url()));
    await use(seen);
    const foreign = seen.filter((u) => !u.startsWith(baseURL) && !u.startsWith('data:'));
    expect(foreign, 'requests to other hosts').toEqual([]);
  },
});

export { expect };
