// The package layer's browser test (tests/package/browser.spec.mjs): the
// guide served by each of HOSTING.md's recipes, from the unpacked package.
// The same browser and settings as the end-to-end suite; the servers are
// started by the spec itself (ports 4291-4299), so no webServer here. nginx
// serves https with a throwaway certificate (servers.mjs): the browser
// ignores certificate errors (a service worker is refused over a
// certificate the browser does not trust, even with ignoreHTTPSErrors).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.mjs';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../target/package/results',
  webServer: undefined,
  use: {
    ...base.use,
    launchOptions: { ...base.use.launchOptions, args: [...base.use.launchOptions.args, '--ignore-certificate-errors'] },
  },
});
