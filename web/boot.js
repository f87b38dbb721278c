// The standalone page's boot script. scripts/post-build.mjs fills it in and
// writes it as boot-<hash>.js, loaded by index.html with
// its integrity in place of Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline', nonces or hashes. It
// inlines web/crash.js, web/numbers.js and web/prerendered.js at their
// `// __NAME__` lines, puts the hashed file names in place of
// __SIGNPOST_JS__ (the glue), __SIGNPOST_WASM__ and __SIGNPOST_NUMBERS__
// (the crisis directory), and in place of __SIGNPOST_FALLBACK__ the
// crisis numbers' labels of web/fallback-text.json in every language, with
// the title and intro of each language but English. These lines go, and
// the rest is minified.

// Starts the standalone guide (web/boot.js, filled in by scripts/post-build.mjs).
// __CRASH_JS__
const root = document.getElementById('signpost');
// __NUMBERS_JS__
// __PRERENDERED_JS__
const FALLBACK = __SIGNPOST_FALLBACK__;
const asked = new URLSearchParams(location.search).get('lang');
let config = {};
try { config = JSON.parse(document.getElementById('signpost-config')?.textContent || '{}') ?? {}; } catch { /* the guide reports it and uses its defaults */ }
// The languages' content files, as the build names them on the page
// (English's brings the prose the wasm leaves out, fetched by the guide).
const files = Object.fromEntries((root?.dataset.languages ?? '').split(' ').filter(Boolean).map((p) => p.split('=')));
/// A failure screen's way to urgent help in the guide's language: its
/// urgent line (the page's HTML has English's and Spanish's) and the
/// crisis numbers.
const showNumbers = (at) => {
  const lang = guessLanguage(asked, config, Object.keys(FALLBACK));
  urgentIn(at, lang, FALLBACK[lang]);
  at?.append(crisisNumbers('./__SIGNPOST_NUMBERS__', lang, config, FALLBACK[lang], true));
};
// On the guide's own page any WebAssembly frame is the guide's.
const crashed = watchForCrash(['__SIGNPOST_JS__', '__SIGNPOST_WASM__', 'wasm://'], () => {
  root?.replaceChildren(document.getElementById('signpost-crash').content.cloneNode(true));
  showNumbers(root?.querySelector('.sp-panic'));
});
// With a clinic's replacement content the prerendered screen (built-in
// content) is not what the guide will show: the plain page stands in.
if (root?.hasAttribute('data-start') && config.content) {
  root.removeAttribute('data-start');
  root.replaceChildren(document.getElementById('signpost-fallback').content.cloneNode(true));
}
// Until the guide starts (data-start is on the root), the prerendered
// screen's buttons still work. The first question is a template of
// index.html, shown at once for ?step=questions (questions.html sends
// visitors there).
const question = () => {
  const template = document.getElementById('signpost-question');
  if (!template) return false;
  root.replaceChildren(template.content.cloneNode(true));
};
if (root?.dataset.start === 'welcome' && new URLSearchParams(location.search).get('step') === 'questions' && question() !== false) {
  root.dataset.start = 'questions';
}
root?.addEventListener('click', (event) => {
  // The way to urgent help is on the page already: show it at once.
  if (earlyClick(root, event, question) === 'urgent') root.querySelector('.sp-fallback')?.scrollIntoView();
});
// A visitor in another language than English (the wasm embeds English):
// their content file downloads beside the guide's code rather than after
// it, and the prerendered screen (English) gives way to what the guide is,
// in their language, until the guide starts in it; the urgent-help lines
// below it stay, and data-start too. A guess only: the guide fetches the
// same URL, which the preload answers, or what it decided if it differs.
try {
  const tag = guessLanguage(asked, config, ['en', ...Object.keys(files)]);
  if (tag !== 'en' && files[tag] && !config.content) {
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: files[tag], crossOrigin: 'anonymous' });
    document.head.append(link);
    const text = FALLBACK[tag];
    if (text?.title && root.hasAttribute('data-start')) {
      const make = (name, props, ...children) => {
        const node = Object.assign(document.createElement(name), props);
        node.append(...children);
        return node;
      };
      const main = make('main', { className: 'sp-main' }, make('h1', { textContent: text.title }), make('p', { textContent: text.intro }));
      if (text.urgent) main.append(make('p', { className: 'sp-urgent' }, make('strong', { textContent: text.urgent })));
      root.replaceChildren(make('div', { className: 'signpost sp-fallback', lang: text.lang ?? tag, dir: text.dir ?? 'ltr' }, main), root.lastElementChild);
    }
  }
} catch { /* a guess only: the guide fetches what it needs */ }
try {
  const { default: init } = await import('./__SIGNPOST_JS__');
  // With the integrity of index.html's preload of it: checked, and the
  // preloaded copy used.
  await init({ module_or_path: fetch(new URL('./__SIGNPOST_WASM__', import.meta.url), { integrity: '__SIGNPOST_WASM_SRI__' }) });
} catch (e) {
  if (e instanceof WebAssembly.RuntimeError) {
    crashed(e); // a crash while starting
  } else {
    // No WebAssembly, or a failed download: the prerendered screen cannot
    // work, so the plain page (what the guide is, urgent help) replaces it.
    console.error('Signpost: the guide could not start.', e);
    root?.removeAttribute('data-start');
    root?.replaceChildren(document.getElementById('signpost-fallback').content.cloneNode(true));
    showNumbers(root?.querySelector('.sp-main'));
  }
}
// Offline use: the worker is registered once the page has loaded and the
// guide is idle, so its precache never competes with the guide's own
// downloads (and, from the HTTP cache, downloads nothing twice).
if ('serviceWorker' in navigator) {
  // The worker keeps the language file of the language shown, for an
  // offline visit in it (sw.js).
  const keep = (registration) => {
    const file = files[document.documentElement.lang.split('-')[0]];
    if (file) (registration.active ?? registration.installing ?? registration.waiting)?.postMessage({ keep: file });
  };
  const register = () => navigator.serviceWorker.register('./sw.js')
    .then(() => navigator.serviceWorker.ready).then(keep)
    .catch((e) => console.warn('Signpost: offline use is not available here.', e));
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register));
  if (document.readyState === 'complete') idle(); else addEventListener('load', idle, { once: true });
}
