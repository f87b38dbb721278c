// Ports and settings of the cross-browser layer. Its ports are 4180-4189
// only: the Playwright suite uses 4173-4175, and both may run at once.
export const PORTS = {
  guide: 4180, // dist/ as a site serves it
  clinicGuide: 4181, // dist/ with the demo clinic's configuration
  clinic: 4182, // the demo clinic's website, embedding the guide from 4181
  offline: 4183, // dist/ again, for the visit that goes offline (stopped mid-flow)
  webkitDriver: 4184, // WebKitWebDriver
  firefoxBiDi: 4185, // Firefox's remote agent (WebDriver BiDi)
  refused: 4189, // nothing listens: the browsers' proxy for every other host
};
export const HOST = '127.0.0.1';
export const origin = (port) => `http://${HOST}:${port}`;

// The crisis numbers follow the device's time zone: fixed, so that every
// flow that does not choose one sees the United States' numbers (as in
// the Chromium suite, playwright.config.mjs).
export const TIME_ZONE = 'America/New_York';

// How long a condition may take to come true (2 shared cores; WebKit
// compiles the WebAssembly on its first visit).
export const DEADLINE_MS = Number(process.env.BROWSERS_DEADLINE_MS ?? 20_000);
