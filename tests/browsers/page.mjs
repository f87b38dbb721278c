// What the flows ask of a page, run inside it in either engine: these
// functions are sent as source (each engine's driver puts LIB in front),
// so they use nothing from Node. They see into open shadow roots (the
// custom element) and never wait: the runner polls them with a deadline.

export const LIB = String.raw`
const deep = (selector, root = document) => {
  const found = [];
  const walk = (r) => {
    for (const el of r.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
};
const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
// The guide once the WebAssembly has taken over the prerendered screen
// (src/embed removes data-start from the screen's parent when it mounts).
const liveGuide = () => deep('.signpost:not(.sp-fallback)').find((g) => g.parentElement && !g.parentElement.hasAttribute('data-start') && shown(g));
`;

/// What the page shows now: the runner's conditions are tested on this.
/// `label` (optional) also reports whether that answer is ticked.
export function pageState(label) {
  const guide = liveGuide();
  const h1 = guide ? deep('h1', guide).find(shown) : null;
  const crisis = guide ? deep('.sp-crisis', guide).find(shown) : null;
  const contact = crisis ? deep('a.sp-contact', crisis)[0] : null;
  const suggestion = guide ? deep('.sp-suggestion h3', guide)[0] : null;
  const input = label ? (deep('label').filter(shown).find((l) => text(l) === label)?.control ?? deep('input').find((i) => i.id === label)) : null;
  return {
    live: !!guide,
    html: { lang: document.documentElement.lang, dir: document.documentElement.dir || getComputedStyle(document.documentElement).direction },
    guideLang: guide?.getAttribute('lang') ?? null,
    h1: text(h1),
    crisis: crisis ? { country: text(deep('.sp-contacts__country', crisis)[0]), first: contact?.getAttribute('href') ?? null } : null,
    crisisAboveTitle: !!(crisis && h1) && crisis.getBoundingClientRect().top < h1.getBoundingClientRect().top,
    suggestion: text(suggestion),
    checked: input ? input.checked : null,
    url: location.href,
  };
}

/// The element a visitor would click: a visible button by its name, or a
/// visible answer by its label. Null until there is one. Scrolled to the
/// middle of the window first, as a visitor would: WebKitWebDriver's click
/// scrolls only the element's own document, so an answer low in an iframe
/// could sit below the host page's window, where its click is lost.
export function target(kind, name) {
  const candidates = {
    button: () => deep('button').find((b) => shown(b) && (b.getAttribute('aria-label') ?? text(b)) === name),
    label: () => deep('label').find((l) => shown(l) && text(l) === name),
    lang: () => deep('button.sp-lang__button').find((b) => shown(b) && b.getAttribute('lang') === name),
    // An answer by its input's id (the same in every language).
    id: () => deep('input').find((i) => i.id === name && shown(i.labels?.[0] ?? i)),
  };
  if (!candidates[kind]) throw new Error(`unknown kind ${kind}`);
  const el = candidates[kind]() ?? null;
  el?.scrollIntoView({ block: 'center' });
  return el;
}

/// The service worker, if this engine has one for the page: 'none' (no
/// navigator.serviceWorker), 'waiting' (registered, not yet in control)
/// or 'controlling'.
export async function serviceWorker() {
  if (!('serviceWorker' in navigator)) return 'none';
  const ready = await Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
  if (!ready) return 'waiting';
  return navigator.serviceWorker.controller ? 'controlling' : 'waiting';
}

/// Throws an uncaught error and logs a console error, to prove the error
/// watch sees both (the harness's self-test).
export function makeErrors(tag) {
  console.error(`${tag} console error`);
  setTimeout(() => { throw new Error(`${tag} uncaught error`); });
  return true;
}
