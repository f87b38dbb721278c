// End-to-end tests against the release build in dist/ (or SIGNPOST_DIST),
// served on loopback.
// The browser is Debian's Chromium (never a downloaded one), started with
// background networking off so it reaches no host but 127.0.0.1.
import { defineConfig } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT ?? 4173);
// The guide's files: the release build, or (the package layer of
// scripts/test) the guide folder of the unpacked release package.
export const DIST = process.env.SIGNPOST_DIST ?? 'dist';
// The demo clinic: its website on one origin, embedding the guide (with the
// demo configuration) from another.
export const CLINIC = 'http://127.0.0.1:4174';
export const CLINIC_GUIDE = 'http://127.0.0.1:4175';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e/results',
  reporter: [['list']],
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-US',
    // The crisis numbers follow the device's time zone: fix it, so every
    // test that does not choose one sees the United States' numbers.
    timezoneId: 'America/New_York',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/static-server.mjs ${DIST} ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: `node scripts/static-server.mjs ${DIST} 4175 --config demo/guide/signpost.config.json`,
      url: `${CLINIC_GUIDE}/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: `node scripts/static-server.mjs demo/clinic 4174 --host-of ${CLINIC_GUIDE}`,
      url: `${CLINIC}/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
  ],
});
