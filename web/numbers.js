// The failure screens' crisis numbers (no WebAssembly, a crash): the
// clinic's contacts from its configuration at once, then the built-in
// directory's numbers for the pinned country (else the device's time zone,
// else its languages' region), from numbers-<hash>.json, which
// src/bin/prerender.rs writes from the guide's own directory and the
// service worker precaches. Inlined by scripts/post-build.mjs into the boot
// script and into signpost-guide.js. DOM construction only: configuration
// values are text, never markup. `t` is the language's fallback text
// (web/fallback-text.json). Without `load` (the loading screen) only the
// clinic's contacts show and nothing is fetched.
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
const crisisNumbers = (url, lang, config, t, load) => {
  const make = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const box = make('div', 'sp-contacts-block');
  const list = make('ul', 'sp-contacts');
  list.setAttribute('aria-label', t[3]);
  const add = (name, number, sms, body) => {
    const a = make('a', 'sp-contact');
    const digits = number.replace(/[^0-9+]/g, '');
    a.href = sms ? `sms:${digits}${body ? `?&body=${encodeURIComponent(body)}` : ''}` : `tel:${digits}`;
    a.append(make('span', 'sp-contact__name', name), ' ',
      make('span', 'sp-contact__phone', sms ? t[6].replace('{body}', body ?? '').replace('{number}', number) : number));
    const li = make('li');
    li.append(a);
    list.append(li);
  };
  for (const c of crisisContacts(config, lang)) add(c.name.trim(), c.phone.trim());
  box.append(list);
  if (load) fetch(url).then((r) => r.json()).then((all) => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const regions = navigator.languages.map((l) => l.split('-')[1]?.toUpperCase());
    const code = [config?.country].find((c) => Object.hasOwn(all, c ?? ''))
      ?? Object.keys(all).find((c) => all[c].z.includes(zone))
      ?? regions.find((c) => Object.hasOwn(all, c ?? ''));
    const here = all[code];
    if (!here) return;
    const name = (n) => n[lang] ?? n.en;
    box.prepend(make('p', 'sp-contacts__country', t[5].replace('{country}', name(here.n))));
    const mine = list.firstChild;
    for (const number of here.e) {
      add(t[4], number);
      list.insertBefore(list.lastChild, mine);
    }
    for (const l of here.l) {
      if (l.p) add(name(l.n), l.p);
      if (l.s) add(name(l.n), l.s, true, l.b);
    }
  }).catch(() => { /* offline and not cached: the advice above stands */ });
  return box;
};
