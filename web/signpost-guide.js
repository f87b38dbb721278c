// <signpost-guide>: the guide as a custom element for any website.
//
//   <script type="module" src="https://YOUR-GUIDE-HOST/signpost/v1/signpost-guide.js"></script>
//   <signpost-guide lang="es" config="#clinic-config"></signpost-guide>
//
// The tag is defined at once, so the host page never waits on WebAssembly;
// the wasm loads on first use, once per page, from beside this file.
// Each element renders into its own shadow root, so the host's CSS cannot
// reach in and the guide's cannot leak out; CSS custom properties set on
// the element (--sp-accent, ...) still theme it. Written at build time by
// scripts/post-build.mjs, which fills in the hashed file names.
//
// For a page showing a guide that is not live yet (a set-up preview), the
// element's `preview` property, read when it is connected, takes
// `{ content, crisis }`: `content`, a compiled content file's bytes
// (Uint8Array or ArrayBuffer), checked like replacement content but with
// no request for it; `crisis: true`, the crisis panel on top from the
// start, as a risk answer shows it (src/embed/element.rs, `Preview`).
//
// wasm-bindgen's glue is bundled into this file at build time, and every
// file it loads is checked against the integrity the build wrote here, so
// a host page that pins this script with `integrity` runs only the guide
// as built (HOSTING.md, "The release folder").
import * as glue from './__SIGNPOST_JS__';

const here = (name) => new URL(name, import.meta.url).href;
const WASM = here('./__SIGNPOST_WASM__');
const CSS = here('./__SIGNPOST_CSS__');
// The content checker, fetched only for a clinic's replacement content.
const CHECKER = here('./__SIGNPOST_CHECKER__');
// The built-in content's language files (`es=URL …`; the wasm embeds English
// without the support options' pages, which English's file brings).
const LANGUAGES = '__SIGNPOST_LANGUAGES__'.split(' ').filter(Boolean)
  .map((pair) => pair.replace(/=(.*)/, (_, name) => `=${here(`./${name}`)}`)).join(' ');
// The welcome screen and the first question, prerendered at build time
// (English, the built-in content).
const WELCOME = __SIGNPOST_WELCOME__;
const QUESTION = __SIGNPOST_QUESTION__;
// Longest wait for the stylesheet before the screen shows unstyled.
const STYLE_TIME_LIMIT_MS = 3000;
// After this long without the guide, say so (the fallback is already shown).
const START_TIME_LIMIT_MS = 15000;

// Subresource Integrity of each file this script loads, by address.
const INTEGRITY = Object.fromEntries(Object.entries(__SIGNPOST_INTEGRITY__).map(([name, sri]) => [here(`./${name}`), sri]));

let wasm;
const start = () => (wasm ??= glue.default({ module_or_path: fetch(WASM, { integrity: INTEGRITY[WASM] }) }).then(() => glue));

// If the guide crashes, every element on the page shows the way to urgent
// help instead (they share one WebAssembly instance).
const CRASH = __SIGNPOST_CRASH__;
const connected = new Set();
let broken = false;
/// Shows an element's screen, hidden until its stylesheet applies.
const reveal = (box) => box.style.removeProperty('visibility');
// A host page that enforces Trusted Types (require-trusted-types-for
// 'script') takes HTML only from a policy: the build-time screens, and
// nothing else, go through one named `signpost` (HOSTING.md). Where the
// host does not allow it, `put` fails and the fallback, built node by
// node, shows instead: never a blank element.
let policy;
try { policy = self.trustedTypes?.createPolicy('signpost', { createHTML: (s) => s }); } catch { /* not allowed */ }
/// Puts a build-time screen in `box`; true if the page took it.
const put = (box, html) => {
  try {
    box.innerHTML = policy ? policy.createHTML(html) : html;
    return true;
  } catch (e) {
    console.error('Signpost: Trusted Types refused a screen (allow the policy "signpost"); showing the way to urgent help.', e);
  }
};
const showCrash = (el) => {
  const root = el.shadowRoot?.lastChild;
  if (!root) return;
  const config = readConfig(el.getAttribute('config'));
  const lang = guessLanguage(el.getAttribute('lang'), config, Object.keys(FALLBACK));
  if (put(root, CRASH)) {
    urgentIn(root.firstChild, lang, FALLBACK[lang]);
    root.firstChild?.append(crisisNumbers(NUMBERS, lang, config, FALLBACK[lang], true, INTEGRITY[NUMBERS]));
  }
  else {
    // The same, node by node: urgent help, the numbers, the clinic's own.
    const box = fallback(lang, config, true, true);
    box.className = 'signpost sp-panic';
    box.setAttribute('role', 'alert');
    box.querySelector('.sp-urgent').className = '';
    root.replaceChildren(box);
  }
  reveal(root); // seen at once, styled or not
};
// __CRASH_JS__
const crashed = watchForCrash([import.meta.url, WASM].map((u) => u.split('/').pop()), () => {
  broken = true;
  connected.forEach(showCrash);
});

/// The clinic's configuration: `config="#id"` names a
/// `<script type="application/json" id="id">` on the host page. Nothing
/// else is read: an element that is not a JSON script (injected HTML, say)
/// is refused.
function readConfig(ref) {
  if (!ref) return null;
  const el = ref.startsWith('#') ? document.getElementById(ref.slice(1)) : null;
  if (!el) {
    console.error(`Signpost: config="${ref}" should name a <script type="application/json" id="..."> on this page; using defaults.`);
    return null;
  }
  if (el.localName !== 'script' || el.type.trim().toLowerCase() !== 'application/json') {
    console.error(`Signpost: config="${ref}" names a <${el.localName}>, not a <script type="application/json">; using defaults.`);
    return null;
  }
  if (el.textContent.length > 64 * 1024) {
    console.error(`Signpost: the configuration in ${ref} is larger than 64 KiB; using defaults.`);
    return null;
  }
  try {
    return JSON.parse(el.textContent);
  } catch (e) {
    console.error(`Signpost: the configuration in ${ref} is not valid JSON (${e.message}); using defaults.`);
    return null;
  }
}

// Shown from the moment the element connects until the guide replaces it,
// and for good when the WebAssembly cannot start (a CSP without
// 'wasm-unsafe-eval', a failed or blocked download, a wrong MIME type, an
// old browser): what the guide is, and the way to urgent help. The
// clinic's own fallback, written inside the tag, shows through the slot.
// web/fallback-text.json (the guide's languages): also the page's, for a
// visitor in another language than English until the guide starts.
const FALLBACK = __SIGNPOST_FALLBACK__;
// The failure screens' numbers (web/numbers.js, inlined at build).
const NUMBERS = here('./__SIGNPOST_NUMBERS__');
// __NUMBERS_JS__
// The language guess, early clicks (web/prerendered.js, inlined at build).
// __PRERENDERED_JS__
/// The fallback; `brief`: only the way to urgent help, below a prerendered
/// screen that already says what the guide is.
function fallback(lang, config, brief = false, failed = false) {
  const t = FALLBACK[lang];
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const main = el('div', 'sp-main');
  if (!brief) main.append(el('h1', '', t.title), el('p', '', t.intro));
  const urgent = el('p', 'sp-urgent');
  urgent.append(el('strong', '', t.urgent));
  main.append(urgent);
  main.append(crisisNumbers(NUMBERS, lang, config, t, failed, INTEGRITY[NUMBERS]));
  // The clinic's own fallback content (children of <signpost-guide>).
  main.append(document.createElement('slot'));
  const box = el('div', 'signpost sp-fallback');
  box.lang = t.lang ?? lang; // pt-BR
  box.dir = t.dir ?? 'ltr';
  // The way to urgent help never waits on the stylesheet (the element's
  // screen stays hidden until it applies): unstyled beats unseen.
  box.style.visibility = 'visible';
  box.append(main);
  return box;
}

// "Leave quickly" before the guide starts: the clinic's neutral address if
// it is an https:// page (as crates/engine/src/clinic/config.rs checks it), else
// the prerendered link's own (the default). No storage has been touched
// yet; the host page is replaced, so Back does not return to it.
const NEUTRAL = /^https:\/\/[A-Za-z0-9.:[\]-]*[A-Za-z0-9][A-Za-z0-9.:[\]-]*([/?#][^\s\\]*)?$/;
const exitUrl = (config, link) => (typeof config?.exit_url === 'string' && NEUTRAL.test(config.exit_url) ? config.exit_url : link.href);

/// The `preview` property (above), read once when the element connects:
/// its bytes as a Uint8Array of this page; anything else is refused by name.
function readPreview(preview) {
  if (!preview || typeof preview !== 'object') return undefined;
  let { content } = preview;
  try {
    // (Not instanceof: bytes from another frame are welcome too.)
    if (Object.prototype.toString.call(content) === '[object ArrayBuffer]') content = new Uint8Array(content);
    else if (ArrayBuffer.isView(content)) content = new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
    else if (content != null) throw new TypeError('it is not a Uint8Array or an ArrayBuffer');
  } catch (e) {
    console.error(`Signpost: preview.content cannot be read (${e.message}); it is ignored.`);
    content = undefined;
  }
  return { content, crisis: preview.crisis === true };
}

class SignpostGuide extends HTMLElement {
  static observedAttributes = ['lang', 'config'];
  #guide = null;
  #connection = 0;
  #preview;

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.firstChild) {
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.crossOrigin = 'anonymous';
      style.integrity = INTEGRITY[CSS];
      style.href = CSS;
      // A stylesheet in a shadow root does not hold back rendering: until
      // it applies, the screen would flash in the host page's fonts, then
      // jump. It stays hidden until then, or until the stylesheet fails,
      // a slow one takes too long, or the guide starts without it: unstyled
      // beats unseen. (The way to urgent help below it is never hidden.)
      const box = document.createElement('div');
      box.style.visibility = 'hidden';
      const show = () => reveal(box);
      style.addEventListener('load', show, { once: true });
      style.addEventListener('error', show, { once: true });
      setTimeout(show, STYLE_TIME_LIMIT_MS);
      shadow.append(style, box);
      // Already parsed for this page (another element, a reconnection).
      if (style.sheet) show();
    }
    connected.add(this);
    if (broken) return showCrash(this);
    this.#preview = readPreview(this.preview);
    const settings = this.#settings();
    // Before any WebAssembly is fetched: the welcome screen, prerendered at
    // build time, with the way to urgent help below it; or, where the
    // prerendered English screen would not be what the guide shows (another
    // language, a clinic's replacement content, a page whose Trusted Types
    // refuse it), the fallback alone. The guide replaces it when it mounts
    // (src/embed/element.rs).
    const box = shadow.lastChild;
    const lang = guessLanguage(settings.lang, settings.config, Object.keys(FALLBACK));
    const prerendered = lang === 'en' && !settings.config?.content && !settings.preview?.content;
    const screen = (html, start) => {
      if (!put(box, html)) return false;
      box.dataset.start = start;
      box.append(fallback(lang, settings.config, true));
    };
    delete box.dataset.step;
    delete box.dataset.press;
    if (!prerendered || screen(WELCOME, 'welcome') === false) box.replaceChildren(fallback(lang, settings.config));
    // Until the guide mounts, the prerendered buttons work (earlyClick).
    const preview = this.#preview;
    const leave = (link) => { if (!preview) location.replace(exitUrl(settings.config, link)); };
    box.onkeydown = (event) => {
      const link = box.querySelector('[data-sp-leave]');
      const alone = !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.isComposing);
      if (event.key === 'Escape' && alone && link && !event.defaultPrevented) leave(link);
    };
    box.onclick = (event) => {
      const link = event.target.closest?.('[data-sp-leave]');
      if (link) {
        event.preventDefault();
        leave(link);
        return;
      }
      earlyClick(box, event, () => screen(QUESTION, 'questions'));
    };
    const connection = ++this.#connection;
    const slow = setTimeout(() => console.error(`Signpost: the guide has not started after ${START_TIME_LIMIT_MS / 1000} seconds; showing the way to urgent help instead.`), START_TIME_LIMIT_MS);
    start().then((m) => {
      clearTimeout(slow);
      // Removed (or moved) while the wasm was loading: do nothing.
      if (connection !== this.#connection || !this.isConnected || broken) return;
      box.onclick = null;
      box.onkeydown = null;
      this.#guide = m.mount_element(box, this.#settings());
      reveal(box);
    }).catch((e) => {
      clearTimeout(slow);
      if (e instanceof WebAssembly.RuntimeError) return crashed(e);
      console.error('Signpost: the guide could not start; showing the way to urgent help instead.', e);
      // The prerendered screen's buttons cannot work now: the fallback alone.
      if (connection !== this.#connection || !this.isConnected) return;
      box.onclick = null;
      box.onkeydown = null;
      delete box.dataset.start;
      box.replaceChildren(fallback(lang, settings.config, false, true));
    });
  }

  disconnectedCallback() {
    connected.delete(this);
    this.#connection++;
    if (broken) return;
    this.#guide?.destroy();
    this.#guide = null;
    this.shadowRoot?.lastChild?.replaceChildren();
  }

  attributeChangedCallback() {
    if (!broken) this.#guide?.update(this.#settings());
  }

  #settings() {
    // `preview` is an own property, not a class field: one set before the
    // element was upgraded (this module loading after the page's) stays.
    return { lang: this.getAttribute('lang'), config: readConfig(this.getAttribute('config')), checker: CHECKER, languages: LANGUAGES, directory: NUMBERS, integrity: INTEGRITY, preview: this.#preview };
  }
}

if (!customElements.get('signpost-guide')) customElements.define('signpost-guide', SignpostGuide);
