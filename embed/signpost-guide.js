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
const here = (name) => new URL(name, import.meta.url).href;
const JS = here('./__SIGNPOST_JS__');
const WASM = here('./__SIGNPOST_WASM__');
const CSS = here('./__SIGNPOST_CSS__');
// The content checker, fetched only for a clinic's replacement content.
const CHECKER = here('./signpost-check.wasm');

let wasm;
const start = () => (wasm ??= import(JS).then(async (m) => {
  await m.default({ module_or_path: WASM });
  return m;
}));

// If the guide crashes, every element on the page shows the way to urgent
// help instead (they share one WebAssembly instance).
const CRASH = __SIGNPOST_CRASH__;
const connected = new Set();
let broken = false;
const showCrash = (el) => {
  const root = el.shadowRoot?.lastChild;
  if (root) root.innerHTML = CRASH;
};
// __CRASH_JS__
const crashed = watchForCrash([JS, WASM].map((u) => u.split('/').pop()), () => {
  broken = true;
  connected.forEach(showCrash);
});

/// The clinic's configuration: `config="#id"` names a
/// `<script type="application/json" id="id">` on the host page.
function readConfig(ref) {
  if (!ref) return null;
  const el = ref.startsWith('#') ? document.getElementById(ref.slice(1)) : null;
  if (!el) {
    console.error(`Signpost: config="${ref}" should name a <script type="application/json" id="..."> on this page; using defaults.`);
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

class SignpostGuide extends HTMLElement {
  static observedAttributes = ['lang', 'config'];
  #guide = null;
  #connection = 0;

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.firstChild) {
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = CSS;
      shadow.append(style, document.createElement('div'));
    }
    connected.add(this);
    if (broken) return showCrash(this);
    const connection = ++this.#connection;
    start().then((m) => {
      // Removed (or moved) while the wasm was loading: do nothing.
      if (connection !== this.#connection || !this.isConnected || broken) return;
      this.#guide = m.mount_element(shadow.lastChild, this.#settings());
    }).catch((e) => {
      if (e instanceof WebAssembly.RuntimeError) crashed(e);
      else console.error('Signpost: the guide could not start.', e);
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
    return { lang: this.getAttribute('lang'), config: readConfig(this.getAttribute('config')), checker: CHECKER };
  }
}

if (!customElements.get('signpost-guide')) customElements.define('signpost-guide', SignpostGuide);
