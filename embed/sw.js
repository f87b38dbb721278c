// Signpost's service worker: the standalone page (and so the iframe) works
// offline after the first visit. The precache list and the version are
// written at build time from the hashed file names (scripts/post-build.mjs),
// never by hand. Cache-first for the guide's own files; a new build has a
// new version, which installs its files and deletes the old caches.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `signpost-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // Default cache mode: the files the page just loaded come from the HTTP
      // cache instead of being downloaded twice.
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('signpost-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Only this guide's own files; anything else is not ours to answer.
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page itself is looked up without its query (?lang=es&embed=frame).
    const isPage = event.request.mode === 'navigate';
    const hit = await cache.match(isPage ? new URL('./', scope).href : event.request, { ignoreSearch: isPage });
    return hit ?? fetch(event.request);
  })());
});
