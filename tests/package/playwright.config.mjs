// The package layer's browser test (tests/package/browser.spec.mjs): the
// guide served by each of HOSTING.md's recipes, from the unpacked package.
// The same browser and settings as the end-to-end suite; the servers are
// started by the spec itself (ports 4291-4298), so no webServer here.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.mjs';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../target/package/results',
  webServer: undefined,
});
