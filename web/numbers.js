// The failure screens' crisis numbers (no WebAssembly, a crash): the
// clinic's contacts from its configuration at once, then the built-in
// directory's numbers for the pinned country (else the device's time zone,
// else its languages' region), from directory-<hash>.txt, which
// src/bin/prerender.rs writes from the guide's own directory
// (signpost_engine::directory::Directory::to_text) and the service worker
// precaches. Inlined by scripts/post-build.mjs into the boot
// script and into signpost-guide.js. DOM construction only: configuration
// values are text, never markup. `t` is the language's fallback text
// (web/fallback-text.json; of it, the boot script carries only the labels
// read here). Without `load` (the loading screen) only the clinic's
// contacts show and nothing is fetched. `integrity`: the element's pin of
// the directory file (the page's own origin needs none).
// Characters that could disguise a name or number (controls, bidi).
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/// The configured crisis contacts for `lang` (else English's), checked as
/// the guide checks them: plain names, phone numbers of digits and + - ( ) .
const crisisContacts = (config, lang) => {
  const lists = config?.crisis_contacts;
  const list = Array.isArray(lists?.[lang]) ? lists[lang] : Array.isArray(lists?.en) ? lists.en : [];
  return list.filter((c) => typeof c?.name === 'string' && typeof c?.phone === 'string'
    && c.name.trim() && c.name.length <= 100 && !HIDDEN.test(c.name)
    && /^[0-9 +\-().]{2,40}$/.test(c.phone.trim()) && /[0-9]{2}/.test(c.phone.replace(/\D/g, '')));
};
/// Digits and a leading + (or *, as %2A) for a tel: or sms: link; after a + a trunk
/// prefix "(0)" goes. The same rule as signpost_engine::directory::dial
/// (tests/fixtures/dial.json holds the cases both are tested on).
const dial = (number) => {
  const n = number.trimStart();
  const plus = n.startsWith('+');
  return (plus ? '+' : n.startsWith('*') ? '%2A' : '') + (plus ? n.replaceAll('(0)', '') : n).replace(/[^0-9]/g, '');
};
const crisisNumbers = (url, lang, config, t, load, integrity = '') => {
  const make = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const box = make('div', 'sp-contacts-block');
  const list = make('ul', 'sp-contacts');
  list.setAttribute('aria-label', t.lines);
  const add = (name, number, how, detail) => {
    const a = make('a', 'sp-contact');
    if (how === 'chat') {
      a.href = number;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    } else {
      a.href = how === 'sms' ? `sms:${dial(number)}${detail ? `?&body=${encodeURIComponent(detail)}` : ''}` : `tel:${dial(number)}`;
    }
    const shown = how === 'chat' ? t.chat : how === 'sms' ? t.text_to.replace('{body}', detail ?? '').replace('{number}', t.dir === 'rtl' ? `\u2066${number}\u2069` : number) : number;
    const phone = make('span', 'sp-contact__phone', shown);
    if (!how || how === 'mobile') phone.dir = 'ltr'; // "116 123" stays in order in Arabic
    a.append(make('span', 'sp-contact__name', name), ' ', phone);
    if (how === 'mobile') a.append(' ', make('span', 'sp-contact__detail', t.from_mobile));
    const li = make('li');
    li.append(a);
    list.append(li);
  };
  for (const c of crisisContacts(config, lang)) add(c.name.trim(), c.phone.trim());
  box.append(list);
  if (load) fetch(url, { integrity }).then((r) => r.text()).then((text) => {
    // Directory::to_text: "C" a country, "L" its lines, "M" the mobile number.
    const all = { c: [] };
    for (const f of text.split('\n').map((l) => l.split('\t'))) {
      if (f[0] === 'M') all.m = f[1];
      if (f[0] === 'C') all.c.push({ c: f[1], e: f[3], z: f[4], l: [] });
      if (f[0] === 'L') all.c.at(-1)?.l.push({ n: f[1], p: f[4], s: f[5], b: f[6], w: f[7] });
    }
    const countries = all.c;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const regions = navigator.languages.map((l) => l.split(/[-_]/)[1]?.toUpperCase());
    const find = (code) => countries.find((c) => c.c === code);
    const here = find(config?.country)
      ?? countries.find((c) => (c.z ?? '').split(' ').includes(zone))
      ?? regions.map(find).find(Boolean);
    const mine = list.firstChild;
    const first = (fn) => { fn(); list.insertBefore(list.lastChild, mine); };
    const numbers = (here?.e ?? '').split(' ').filter(Boolean);
    for (const n of numbers) first(() => add(t.emergency, n.split(':').pop()));
    if (!numbers.length && all?.m) first(() => add(t.emergency, all.m, 'mobile'));
    if (!here) return;
    let name = here.c;
    try { name = new Intl.DisplayNames([lang], { type: 'region' }).of(here.c) ?? name; } catch { /* the code */ }
    box.prepend(make('p', 'sp-contacts__country', t.numbers_for.replace('{country}', name)));
    for (const l of here.l ?? []) {
      if (l.p) add(l.n, l.p);
      if (l.s) add(l.n, l.s, 'sms', l.b);
      if (l.w?.startsWith('https://')) add(l.n, l.w, 'chat');
    }
  }).catch(() => { /* offline and not cached: the advice above stands */ });
  return box;
};
