// Signpost's service worker: the standalone page (and so the iframe) works
// offline after the first visit, and never pins stale safety information.
// The precache list and the version are written at build time from the
// hashed file names (scripts/post-build.mjs), never by hand: only what an
// offline visit needs (never the checker module, nor the scripts for host
// pages). The boot script registers it once the guide is idle.
//  - The guide's pages (index.html, questions.html) are network-first: the
//    inline configuration (crisis numbers) lives in them, so a clinic's
//    correction reaches every returning visitor who is online. The cache
//    answers when the network cannot, or has not within NETWORK_WAIT_MS
//    (a bad connection would otherwise leave the visitor waiting for the
//    browser's own timeout); the network's page still updates the cache.
//  - Only the guide's own pages and files are answered; any other page in
//    the worker's scope (the clinic's site, if the guide sits at its root)
//    goes to the network untouched.
//  - Caches are named after the deployment's path, so two deployments on
//    one origin (/signpost/v1/, /signpost/v2/) never delete each other's.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// The other languages' content files: kept only by the visitors who read
// them, so an English visit stores none (English's, the prose its wasm
// leaves out, is in the precache).
const LANGUAGES = __LANGUAGES__;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `signpost:${SCOPE.pathname}:`;
const CACHE = PREFIX + VERSION;
const at = (path) => new URL(path, SCOPE).pathname;
// A page's path -> its cache key.
const PAGES = new Map([[at('./'), './'], [at('./index.html'), './'], [at('./questions.html'), './questions.html']]);
const FILES = new Set(PRECACHE.map(at).filter((p) => !PAGES.has(p)));
const LANGUAGE_FILES = new Set(LANGUAGES.map(at));
/// A language's file, from the cache, else fetched and kept.
const language = (request) => caches.open(CACHE).then(async (cache) => {
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
});

// The page names the language it shows (web/boot.js), which it fetched
// before this worker was there: kept now, from the HTTP cache.
self.addEventListener('message', (event) => {
  const keep = typeof event.data?.keep === 'string' && new URL(event.data.keep, SCOPE);
  if (keep && keep.origin === SCOPE.origin && LANGUAGE_FILES.has(keep.pathname)) event.waitUntil(language(new Request(keep)).catch(() => {}));
});

// A hashed name is immutable (its content is in its name): the copy the
// page just downloaded, in the HTTP cache, is the right one, so the
// precache costs no second download. Anything else (the pages, the
// manifest, the icon) is revalidated with the server ('no-cache': a 304 if
// unchanged), so a stale copy is never kept offline until the next
// deployment.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const NETWORK_WAIT_MS = 3000;
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((f) =>
        new Request(new URL(f, SCOPE), { cache: HASHED.test(f) ? 'default' : 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const key = PAGES.get(url.pathname);
    if (!key) return; // not the guide's page: not ours to answer
    const network = fetch(request);
    const cache = caches.open(CACHE);
    // Keep the newest page (and its configuration) for offline use, even
    // when the cached copy was shown first.
    event.waitUntil(network.then(async (response) => {
      if (response.ok && response.type === 'basic' && !response.redirected) {
        await (await cache).put(key, response.clone());
      }
    }).catch(() => {}));
    event.respondWith((async () => {
      const cached = cache.then((c) => c.match(key));
      let timer;
      const slow = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_WAIT_MS); })
        .then(async () => (await cached) ?? network);
      try {
        return await Promise.race([network, slow]);
      } catch (offline) {
        return (await cached) ?? Promise.reject(offline);
      } finally {
        clearTimeout(timer);
      }
    })());
    return;
  }
  if (LANGUAGE_FILES.has(url.pathname)) {
    event.respondWith(language(request));
    return;
  }
  if (!FILES.has(url.pathname)) return;
  // The guide's files: hashed names (or replaced with the next version).
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit ?? fetch(request)));
});
