// The clinic studio (studio.html): a form around the engine's own checks
// (crates/studio, compiled to WebAssembly), a live preview of the real
// custom element, and the outputs a clinic needs. Nothing leaves the page;
// nothing is stored unless "Keep a draft" is ticked. Written into dist/ by
// scripts/post-build.mjs, which fills in the module's hashed name, the
// release version and the integrity of signpost-guide.js.
import init, * as engine from './__STUDIO_GLUE__';

const VERSION = '__VERSION__';
const GUIDE_INTEGRITY = '__GUIDE_INTEGRITY__';
const DRAFT_KEY = 'signpost-studio-draft';
// The colours a clinic is most likely to set; every pair they form is
// checked (crates/studio, `contrast`).
const COLOURS = [
  ['--sp-accent', 'Accent: links, buttons, chosen answers'],
  ['--sp-accent-text', 'Text on the accent colour'],
  ['--sp-text', 'Text'],
  ['--sp-surface', 'Cards and answers'],
  ['--sp-bg', 'Page background'],
  ['--sp-urgent-bg', 'Crisis panel background'],
  ['--sp-urgent-text', 'Crisis panel numbers'],
  ['--sp-focus', 'Keyboard focus ring'],
];
// The guide's dark defaults (styles/main.css), for the dark preview: the
// preview cannot change the studio user's own colour-scheme preference.
const DARK = {
  '--sp-color-scheme': 'dark', '--sp-bg': '#16191d', '--sp-surface': '#1f2329', '--sp-text': '#e8eaed',
  '--sp-muted': '#b4bac2', '--sp-accent': '#8cc4f0', '--sp-accent-strong': '#b5daf7', '--sp-accent-text': '#0b1b28',
  '--sp-accent-soft': '#1c3447', '--sp-border': '#3d444d', '--sp-control-border': '#8a939e', '--sp-focus': '#ffb38a',
  '--sp-urgent-bg': '#3a211a', '--sp-urgent-border': '#ffb38a', '--sp-urgent-text': '#ffc9a8',
  '--sp-danger': '#ff9d95', '--sp-danger-bg': '#3b1e21', '--sp-note-bg': '#252a31',
};

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
let info;
let compiled = null;
let previewTimer;
// Storage is touched only once "Keep a draft" is ticked (and to remove the
// draft when it is unticked).
let drafted = false;

function buildForm() {
  for (const c of info.countries) c.name = countryName(c.code);
  info.countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const c of info.countries) $('country').append(el('option', { value: c.code, textContent: `${c.name} (${c.code})` }));
  const offered = $('offered');
  for (const o of info.options) {
    const id = `offer-${o.id}`;
    offered.append(el('div', { className: 'choice' },
      el('input', { type: 'checkbox', id, value: o.id, checked: true, name: 'offered' }),
      el('label', { htmlFor: id, textContent: o.name })));
  }
  const locale = document.querySelector('[data-path="locale"]');
  const previewLangs = $('preview-langs');
  for (const l of info.locales) {
    const id = `locale-${l.tag}`;
    locale.append(el('div', { className: 'choice' },
      el('input', { type: 'radio', name: 'locale', id, value: l.tag }),
      el('label', { htmlFor: id, textContent: l.name, lang: l.lang, dir: l.dir })));
    previewLangs.append(el('div', { className: 'choice' },
      el('input', { type: 'radio', name: 'preview-lang', id: `lang-${l.tag}`, value: l.tag, checked: l.tag === 'en' }),
      el('label', { htmlFor: `lang-${l.tag}`, textContent: l.name, lang: l.lang, dir: l.dir })));
  }
  for (const l of info.locales) {
    const set = el('fieldset', { className: 'contacts', id: `contacts-${l.tag}` },
      el('legend', { textContent: `Your own crisis lines for visitors reading ${l.name}` }),
      el('p', { className: 'hint', textContent: 'Shown after the emergency number and beside the built-in lines, never instead of them.' }),
      el('ol', { className: 'rows' }));
    set.dataset.path = `crisis_contacts.${l.tag}`;
    set.append(el('button', { type: 'button', textContent: `Add a line for ${l.name}`, onclick: () => { addContact(l.tag); update(); set.querySelector('li:last-child input')?.focus(); } }));
    $('contacts').append(set);
    const services = el('fieldset', { className: 'contacts', id: `services-${l.tag}` },
      el('legend', { textContent: `Your own services for visitors reading ${l.name}` }),
      el('p', { className: 'hint', textContent: 'Ways into your non-urgent help (a self-referral form, a booking line). Listed first, before the country’s public ones, in the results and the summary. Each needs a phone or an https:// page.' }),
      el('ol', { className: 'rows' }));
    services.dataset.path = `services.${l.tag}`;
    services.append(el('button', { type: 'button', textContent: `Add a service for ${l.name}`, onclick: () => { addContact(l.tag, {}, SERVICE); update(); services.querySelector('li:last-child input')?.focus(); } }));
    $('services').append(services);
  }
  for (const [name, label] of COLOURS) {
    const id = `colour-${name.slice(5)}`;
    const picker = el('input', { type: 'color', id, value: '#000000', disabled: true });
    picker.setAttribute('aria-label', `${label}: colour`);
    const row = el('div', { className: 'colour' },
      el('input', { type: 'checkbox', id: `${id}-set` }),
      el('label', { htmlFor: `${id}-set`, textContent: `Set: ${label}` }),
      picker);
    row.dataset.path = `theme.${name}`;
    row.dataset.name = name;
    row.querySelector('input[type=checkbox]').addEventListener('change', (e) => { row.querySelector('input[type=color]').disabled = !e.target.checked; });
    $('colours').append(row);
  }
  $('form').addEventListener('input', update);
  $('form').addEventListener('change', update);
  $('host').addEventListener('input', update);
  for (const name of ['width', 'scheme', 'preview-lang']) {
    for (const input of document.querySelectorAll(`input[name="${name}"]`)) input.addEventListener('change', preview);
  }
  $('show-crisis').addEventListener('click', showCrisis);
  $('use-content').addEventListener('change', preview);
  $('download-config').addEventListener('click', () => download('signpost.config.json', $('config-out').value, 'application/json'));
  $('import-config').addEventListener('change', importConfig);
  for (const b of document.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copy(b));
  $('content-files').addEventListener('change', checkContent);
  $('download-content').addEventListener('click', () => compiled && download('clinic-content.bin', compiled.bytes, 'application/octet-stream'));
}

// A crisis line or one of the clinic's services: a row of fields each.
const CONTACT = { key: 'crisis_contacts', id: 'contacts', prefix: 'contact', fields: [['name', 'Name'], ['phone', 'Phone', { type: 'tel' }], ['country', 'Country']], row: 'line' };
const SERVICE = { key: 'services', id: 'services', prefix: 'service', fields: [['name', 'Name'], ['phone', 'Phone', { type: 'tel' }], ['web', 'Web page (https://)', { type: 'url' }]], row: 'service' };

function addContact(tag, value = {}, kind = CONTACT) {
  const list = $(`${kind.id}-${tag}`).querySelector('.rows');
  const i = list.children.length;
  const field = ([key, label, props = {}]) => {
    const id = `${kind.prefix}-${tag}-${i}-${key}`;
    const input = key === 'country'
      ? el('select', { id }, el('option', { value: '', textContent: 'Choose…' }), ...info.countries.map((c) => el('option', { value: c.code, textContent: c.name })))
      : el('input', { id, ...props });
    input.value = value[key] ?? '';
    input.dataset.path = `${kind.key}.${tag}[${i}].${key}`;
    input.dataset.key = key;
    return el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: label }), input);
  };
  const row = el('li', {},
    ...kind.fields.map(field),
    el('button', { type: 'button', className: 'quiet', textContent: `Remove ${kind.row} ${i + 1}`, onclick: () => { row.remove(); renumber(tag, kind); update(); $(`${kind.id}-${tag}`).querySelector('button:last-of-type')?.focus(); } }));
  list.append(row);
}

function renumber(tag, kind) {
  [...$(`${kind.id}-${tag}`).querySelectorAll('.rows > li')].forEach((row, i) => {
    for (const input of row.querySelectorAll('[data-key]')) input.dataset.path = `${kind.key}.${tag}[${i}].${input.dataset.key}`;
    row.querySelector('button').textContent = `Remove ${kind.row} ${i + 1}`;
  });
}

/// Each language's rows of one kind, as the configuration writes them.
function readRows(kind) {
  const out = {};
  for (const l of info.locales) {
    const rows = [...$(`${kind.id}-${l.tag}`).querySelectorAll('.rows > li')].map((row) => {
      const entry = {};
      for (const input of row.querySelectorAll('[data-key]')) if (input.value.trim()) entry[input.dataset.key] = input.value.trim();
      return entry;
    });
    if (rows.length) out[l.tag] = rows;
  }
  return out;
}

/// The configuration the form describes (keys left empty are left out).
function readForm() {
  const config = { schema_version: 1 };
  const clinic = {};
  for (const key of ['name', 'phone', 'email', 'web']) {
    const v = $(`clinic-${key}`).value.trim();
    if (v) clinic[key] = v;
  }
  if (Object.keys(clinic).length) config.clinic = clinic;
  const contacts = readRows(CONTACT);
  if (Object.keys(contacts).length) config.crisis_contacts = contacts;
  const services = readRows(SERVICE);
  if (Object.keys(services).length) config.services = services;
  if ($('country').value) config.country = $('country').value;
  if ($('emergency').value.trim()) config.emergency_number = $('emergency').value.trim();
  const boxes = [...document.querySelectorAll('input[name="offered"]')];
  if (boxes.some((b) => !b.checked)) config.offered = boxes.filter((b) => b.checked).map((b) => b.value);
  const locale = document.querySelector('input[name="locale"]:checked')?.value;
  if (locale) config.locale = locale;
  const theme = {};
  for (const row of $('colours').children) {
    if (row.querySelector('input[type=checkbox]').checked) theme[row.dataset.name] = row.querySelector('input[type=color]').value;
  }
  for (const input of document.querySelectorAll('[data-theme]')) if (input.value.trim()) theme[input.dataset.theme] = input.value.trim();
  if (Object.keys(theme).length) config.theme = theme;
  if ($('content-url').value.trim()) config.content = $('content-url').value.trim();
  const origins = $('content-origins').value.split(/[\s,]+/).filter(Boolean);
  if (origins.length) config.content_origins = origins;
  if ($('remember').checked) config.remember_in_element = true;
  if ($('exit-url').value.trim()) config.exit_url = $('exit-url').value.trim();
  return config;
}

function fillForm(config) {
  const c = config.clinic ?? {};
  for (const key of ['name', 'phone', 'email', 'web']) $(`clinic-${key}`).value = c[key] ?? '';
  $('country').value = config.country ?? '';
  $('emergency').value = config.emergency_number ?? '';
  for (const l of info.locales) {
    $(`contacts-${l.tag}`).querySelector('.rows').replaceChildren();
    for (const entry of config.crisis_contacts?.[l.tag] ?? []) addContact(l.tag, entry);
    $(`services-${l.tag}`).querySelector('.rows').replaceChildren();
    for (const entry of config.services?.[l.tag] ?? []) addContact(l.tag, entry, SERVICE);
  }
  for (const b of document.querySelectorAll('input[name="offered"]')) b.checked = !config.offered || config.offered.includes(b.value);
  const locale = document.querySelector(`input[name="locale"][value="${config.locale ?? ''}"]`) ?? $('locale-auto');
  locale.checked = true;
  for (const row of $('colours').children) {
    const value = config.theme?.[row.dataset.name];
    row.querySelector('input[type=checkbox]').checked = Boolean(value);
    row.querySelector('input[type=color]').disabled = !value;
    if (value && /^#[0-9a-f]{6}$/i.test(value)) row.querySelector('input[type=color]').value = value;
  }
  for (const input of document.querySelectorAll('[data-theme]')) input.value = config.theme?.[input.dataset.theme] ?? '';
  $('content-url').value = config.content ?? '';
  $('content-origins').value = (config.content_origins ?? []).join(' ');
  $('remember').checked = config.remember_in_element === true;
  $('exit-url').value = config.exit_url ?? '';
}

function update() {
  const config = readForm();
  const json = JSON.stringify(config, null, 2);
  const host = hostUrl();
  showProblems([...JSON.parse(engine.check_config(json)), ...host.problems]);
  showContrast(JSON.parse(engine.contrast(JSON.stringify(config.theme ?? {}))));
  showDirectory(config.country);
  $('config-out').value = json;
  snippets(config, host);
  keepDraft(json);
  // The preview follows once typing pauses, not on every key; until then
  // it is marked busy.
  $('stage').setAttribute('aria-busy', 'true');
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 250);
}

function showProblems(problems) {
  for (const old of document.querySelectorAll('.field-problem')) old.remove();
  // Back to each field's own hint (data-hint keeps it while a problem
  // describes the field instead).
  for (const input of document.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.hint) input.setAttribute('aria-describedby', input.dataset.hint);
    else input.removeAttribute('aria-describedby');
  }
  const list = $('problems');
  list.replaceChildren();
  problems.forEach((p, i) => {
    const id = `problem-${i}`;
    // The field whose path is the longest prefix of the problem's.
    const target = [...document.querySelectorAll('[data-path]')]
      .filter((n) => p.path === n.dataset.path || p.path.startsWith(`${n.dataset.path}.`) || p.path.startsWith(`${n.dataset.path}[`))
      .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
    const words = `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`;
    const note = el('p', { id, className: `field-problem field-problem--${p.severity}`, textContent: words });
    if (target) {
      const control = target.matches('input, select, textarea') ? target : null;
      (control?.closest('.field, .colour, .choice') ?? target).append(note);
      if (control) {
        const hint = control.dataset.hint ?? control.getAttribute('aria-describedby');
        if (hint) control.dataset.hint = hint;
        control.setAttribute('aria-invalid', String(p.severity === 'error'));
        control.setAttribute('aria-describedby', hint ? `${id} ${hint}` : id);
      }
    }
    const item = el('li', { className: `problem problem--${p.severity}` });
    const where = el('code', { textContent: p.path });
    if (target) {
      const link = el('a', { href: `#${target.id || target.querySelector('[id]')?.id || 'form'}` }, where);
      item.append(link, ` ${words}`);
    } else item.append(where, ` ${words}`);
    list.append(item);
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  $('check-summary').textContent = problems.length === 0
    ? 'No problems: this configuration is ready.'
    : `${errors} error${errors === 1 ? '' : 's'} and ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}. The guide would use a safe default for each error.`;
}

function showContrast(rows) {
  const body = $('contrast').querySelector('tbody');
  body.replaceChildren(...rows.map((r) => el('tr', { className: r.ok ? '' : 'fails' },
    el('td', { textContent: r.mode }), el('td', { textContent: r.what }),
    el('td', {}, el('code', { textContent: r.fg }), ' on ', el('code', { textContent: r.bg })),
    el('td', { textContent: r.unchecked ? 'not checked' : `${r.ratio.toFixed(2)}:1` }),
    el('td', { textContent: `${r.needed}:1` }),
    el('td', { textContent: r.ok ? 'Passes' : r.unchecked ? `Cannot check: ${r.unchecked}` : 'Fails' }))));
  const failing = rows.filter((r) => !r.ok);
  $('contrast-summary').textContent = failing.length === 0
    ? 'Every colour pair passes WCAG AA contrast, in light and dark mode.'
    : `Too little contrast: ${failing.map((r) => `${r.fg} on ${r.bg} (${r.what}, ${r.mode} mode${r.unchecked ? '' : `, ${r.ratio.toFixed(2)}:1, needs ${r.needed}:1`})`).join('; ')}.`;
  $('contrast-summary').classList.toggle('fails', failing.length > 0);
  for (const row of $('colours').children) {
    const bad = failing.some((r) => r.fg === row.dataset.name || r.bg === row.dataset.name);
    const input = row.querySelector('input[type=color]');
    if (bad && !input.disabled) input.setAttribute('aria-describedby', 'contrast-summary');
    else if (input.getAttribute('aria-describedby') === 'contrast-summary') input.removeAttribute('aria-describedby');
  }
}

/// A country's English name, from the browser (its code where it has none).
function countryName(code) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function showDirectory(code) {
  const box = $('directory');
  const country = info.countries.find((c) => c.code === code);
  if (!country) {
    box.replaceChildren(el('p', { className: 'hint', textContent: 'Each visitor sees the built-in numbers for the country their device suggests, and can choose another.' }));
    return;
  }
  box.replaceChildren(
    el('p', { className: 'hint', textContent: `Built in for ${country.name}: emergency ${country.emergency ?? 'number not listed'}; then these lines:` }),
    el('ul', {}, ...country.lines.map((l) => el('li', { textContent: `${l.name}: ${l.phone}` }))));
}

/// The guide's address for the snippets, as `new URL` writes it (quotes,
/// spaces and angle brackets percent-encoded), or the example address and
/// the problems, shown beside the field like the configuration's.
function hostUrl() {
  const example = `https://guide.example.org/${VERSION}/`;
  const raw = $('host').value.trim();
  const problem = (severity, message) => ({ severity, path: 'host', message });
  if (!raw) return { base: example, problems: [] };
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { base: example, problems: [problem('error', `"${raw}" is not a full address such as ${example}; the code below uses the example`)] };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const errors = [];
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) errors.push('must start with https:// (the guide\'s files must arrive unaltered)');
  if (url.username || url.password) errors.push('must not carry a user name or password');
  if (url.search || url.hash) errors.push('must be a folder\'s address, without ? or #');
  if (errors.length) return { base: example, problems: errors.map((e) => problem('error', `"${raw}" ${e}; the code below uses the example`)) };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const problems = url.pathname.endsWith(`/${VERSION}/`) ? [] : [problem('warning', `"${url.href}" does not end in /${VERSION}/, this release's folder: a later release uploaded there would change every page that uses this code`)];
  return { base: url.href, problems };
}

const escapeScript = (json) => json.replaceAll('<', '\\u003c');
// An attribute value: `new URL` leaves & in paths; nothing else needs it.
const escapeAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function snippets(config, host) {
  const base = escapeAttribute(host.base);
  const json = escapeScript(JSON.stringify(config));
  $('snippet-element').value = [
    `<script type="module" src="${base}signpost-guide.js" integrity="${GUIDE_INTEGRITY}" crossorigin="anonymous"></script>`,
    `<script type="application/json" id="clinic-config">${json}</script>`,
    `<signpost-guide config="#clinic-config">`,
    '  <p>If the guide cannot start: in danger now, call your local emergency number.</p>',
    '</signpost-guide>',
  ].join('\n');
  $('snippet-frame').value = [
    '<iframe class="signpost-frame" title="Signpost: find the kind of support that suits you"',
    `  src="${base}?embed=frame"`,
    '  sandbox="allow-scripts allow-same-origin allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox allow-top-navigation-to-custom-protocols allow-top-navigation-by-user-activation"',
    '  allow="clipboard-write" referrerpolicy="no-referrer" data-signpost-frame></iframe>',
    // "Leave quickly" replaces the whole page only through this script
    // (HOSTING.md, "Leave quickly").
    `<script src="${base}signpost-frame.js" defer></script>`,
  ].join('\n');
  $('snippet-frame-config').value = `<script type="application/json" id="signpost-config">${json}</script>`;
}

function preview() {
  const config = readForm();
  const dark = document.querySelector('input[name="scheme"]:checked').value === 'dark';
  // What a visitor in dark mode sees: the guide's own dark palette, since
  // the theme's colours apply in light mode only (src/embed/mod.rs).
  if (dark && config.theme) {
    config.theme = Object.fromEntries(Object.entries(config.theme).filter(([k]) => !engine.is_theme_colour(k)));
  }
  // Never the content at the configured address: fetching it (from the
  // clinic's server) would be a request, and the studio makes none. Content
  // checked below is handed to the element as bytes instead.
  delete config.content;
  delete config.content_origins;
  const own = compiled && $('use-content').checked;
  $('preview-source').textContent = own
    ? `The preview uses your own content (${compiled.name}), checked below.`
    : 'The preview uses the guide\'s built-in content. Your own content can be checked and previewed below.';
  $('preview-config').textContent = JSON.stringify(config);
  const stage = $('stage');
  const width = document.querySelector('input[name="width"]:checked').value;
  stage.className = `stage stage--${width}`;
  // A new element each time: it reads its configuration once it mounts,
  // and a theme colour taken away must go too.
  const guide = document.createElement('signpost-guide');
  guide.setAttribute('lang', document.querySelector('input[name="preview-lang"]:checked').value);
  guide.setAttribute('config', '#preview-config');
  stage.dataset.scheme = dark ? 'dark' : 'light';
  if (dark) for (const [k, v] of Object.entries(DARK)) guide.style.setProperty(k, v);
  // Read by the element as it connects (web/signpost-guide.js): the checked
  // content's bytes, and the crisis panel a risk answer would add.
  guide.preview = {
    content: own ? compiled.bytes : undefined,
    crisis: $('show-crisis').getAttribute('aria-pressed') === 'true',
  };
  stage.replaceChildren(guide);
  stage.removeAttribute('aria-busy');
}

// "Show the crisis panel" is a toggle: while pressed, every new preview
// opens with the panel a risk answer adds, in the clinic's colours.
function showCrisis() {
  const button = $('show-crisis');
  button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
  preview();
  $('stage').scrollIntoView({ block: 'start' });
}

function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url));
}

async function copy(button) {
  const text = $(button.dataset.copy).value;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = `Copied: ${button.textContent.replace(/^Copy /, '')}.`;
  } catch {
    $(button.dataset.copy).select();
    $('copy-status').textContent = 'Copying was refused by the browser: the code is selected, press Ctrl+C (or ⌘C).';
  }
}

async function importConfig(event) {
  const file = event.target.files[0];
  if (!file) return;
  try {
    const config = JSON.parse(await file.text());
    if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error('not a JSON object');
    fillForm(config);
    update();
    $('import-status').textContent = `Imported ${file.name}. Any problem in it is listed under "Check".`;
  } catch (e) {
    $('import-status').textContent = `${file.name} could not be imported: ${e.message}.`;
  }
}

async function checkContent(event) {
  const files = [...event.target.files];
  const result = $('content-result');
  // Whatever was previewed before goes: the preview shows only content
  // that has just passed.
  const previewed = compiled && $('use-content').checked;
  compiled = null;
  $('download-content').hidden = true;
  $('use-content-row').hidden = true;
  if (previewed) preview();
  if (!files.length) return;
  result.replaceChildren(el('p', { textContent: 'Checking, and proving the safeguards over every possible set of answers…' }));
  // Let the message paint before the proof takes the thread.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  let checked;
  if (files.length === 1 && files[0].name.endsWith('.bin')) {
    checked = engine.check_compiled(new Uint8Array(await files[0].arrayBuffer()));
  } else {
    const texts = await Promise.all(files.map((f) => f.text()));
    checked = engine.compile(files.map((f) => f.name), texts);
  }
  const report = JSON.parse(checked.report);
  if (!report.ok) {
    result.replaceChildren(
      el('p', { className: 'problem', textContent: `Refused: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}. The guide would not use this content.` }),
      el('ul', {}, ...report.problems.map((p) => el('li', { textContent: p }))));
    return;
  }
  compiled = { bytes: checked.bytes, name: files.length === 1 ? files[0].name : `${files.length} files` };
  const s = report.summary;
  result.replaceChildren(
    el('p', { className: 'ok', textContent: `Valid. ${report.safeguards.count} clinical safeguards proven over ${report.safeguards.answer_sets} possible sets of answers.` }),
    el('p', { textContent: `${s.questions} questions; languages ${s.locales.join(', ')}; options: ${s.options.join(', ')}.` }),
    el('p', {}, 'It is shown in the ', el('a', { href: '#preview-title', textContent: 'preview' }), ' now.'),
    el('p', { className: 'hint', textContent: 'Upload the compiled file beside the guide and set "content" in the configuration to its address.' }));
  $('use-content').checked = true;
  $('use-content-row').hidden = false;
  $('download-content').hidden = false;
  preview();
}

function keepDraft(json) {
  try {
    if ($('keep-draft').checked) {
      localStorage.setItem(DRAFT_KEY, json);
      drafted = true;
    } else if (drafted) {
      localStorage.removeItem(DRAFT_KEY);
      drafted = false;
    }
  } catch { /* storage refused: the draft is simply not kept */ }
}

function restoreDraft() {
  try {
    const draft = localStorage.getItem(DRAFT_KEY);
    if (!draft) return;
    fillForm(JSON.parse(draft));
    $('keep-draft').checked = true;
    drafted = true;
  } catch { /* no draft */ }
}

// Start: every declaration above is initialised before this runs.
await init({ module_or_path: new URL('./__STUDIO_WASM__', import.meta.url) });
info = JSON.parse(engine.builtin_info());
$('exit-url').placeholder = info.exit_url;
$('exit-url-default').textContent = info.exit_url;
$('host').value = `https://guide.example.org/${VERSION}/`;
buildForm();
restoreDraft();
update();
$('loading').remove();
document.body.dataset.ready = '';
