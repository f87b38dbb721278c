// The size report (a benchmark, not a test): each file of dist/ with its
// raw, gzip and brotli sizes, and two totals a first visit transfers,
// compressed as a production server would:
//  - critical: the page and every file it names, before the guide can start;
//  - with the offline precache: also the service worker and what it
//    precaches once the guide is idle. The files the page already loaded
//    come from the HTTP cache (hashed names are immutable), so only the
//    others count again.
//
// Each entry point's critical total too: the page (the welcome),
// questions.html, the iframe (the page plus the host's signpost-frame.js)
// and the custom element (signpost-guide.js and what it loads to start).
//
// With --profile WASM (the guide's wasm before wasm-opt, names kept:
// target/web/wasm-bindgen/release/signpost_bg.wasm), the wasm's bytes by
// crate and its largest functions (twiggy), and whose bytes they are,
// compressed (the guide's modules, Yew, the standard library); with
// --json FILE, everything as JSON, for comparing builds (bench/results/);
// with --compare FILE, what changed since the build that JSON describes.
//
// Usage: node scripts/size-report.mjs [dist] [--budget-kib N] [--budget-total-kib M]
//          [--profile WASM] [--json FILE] [--compare FILE]
//   Exits 1 when an entry point's critical brotli total is over N, or the
//   total with the precache over M.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const text = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : null;
};
const option = (name) => {
  const value = text(name);
  return value === null ? null : Number(value);
};
const budgetKiB = option('--budget-kib');
const totalBudgetKiB = option('--budget-total-kib');
const profileWasm = text('--profile');
const jsonOut = text('--json');
const compareWith = text('--compare');
const dist = args[0] ?? 'dist';

const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
})(dist).sort();

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const sizes = new Map(files.map((p) => {
  const raw = readFileSync(p);
  return [relative(dist, p), {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    br: brotli(raw).length,
  }];
}));

// The function bodies (with their names, from the names section) and data
// segments of a wasm: just enough of the binary format to compress each
// part of the profile on its own (twiggy gives sizes, not bytes).
function wasmParts(path) {
  const b = readFileSync(path);
  let p = 8; // magic and version
  const leb = () => {
    let r = 0, shift = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
    return r;
  };
  const name = () => { const n = leb(); p += n; return b.toString('utf8', p - n, p); };
  const limits = () => { const flags = leb(); leb(); if (flags & 1) leb(); };
  let imported = 0;
  const bodies = [], data = [], names = new Map();
  while (p < b.length) {
    const id = b[p++], end = leb() + p;
    if (id === 2) { // imports: imported functions come first in the index space
      for (let n = leb(); n > 0; n--) {
        name(); name();
        const kind = b[p++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; limits(); } else if (kind === 2) limits();
        else if (kind === 3) p += 2; else if (kind === 4) { p++; leb(); }
      }
    } else if (id === 10) { // code
      for (let n = leb(); n > 0; n--) { const len = leb(); bodies.push(b.subarray(p, p + len)); p += len; }
    } else if (id === 11) { // data: skip each active segment's offset expression
      for (let n = leb(); n > 0; n--) {
        const flags = leb();
        if (flags === 2) leb();
        if (flags !== 1) while (b[p++] !== 0x0b);
        const len = leb(); data.push(b.subarray(p, p + len)); p += len;
      }
    } else if (id === 0 && name() === 'name') {
      while (p < end) {
        const sub = b[p++], subEnd = leb() + p;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const i = leb(); names.set(i, name()); }
        p = subEnd;
      }
    }
    p = end;
  }
  return { functions: bodies.map((body, i) => ({ name: names.get(imported + i) ?? '', body })), data };
}

// A first visit loads index.html and every file of dist/ it names (the
// content checker's name in data-checker is fetched only for replacement
// content, so it does not count; of the other languages' files in
// data-languages, the critical total counts none, as for a visitor in
// English, and a line below adds each, for a visitor in another; English's
// file, the prose the wasm leaves out, is fetched as the guide starts and
// precached, so it counts with the precache, as the directory does).
const page = readFileSync(join(dist, 'index.html'), 'utf8');
const languagePairs = (/ data-languages="([^"]*)"/.exec(page)?.[1] ?? '').split(' ').filter(Boolean).map((p) => p.split('='));
const languageFiles = languagePairs.map(([, file]) => file);
// The crisis directory (data-directory) is fetched once the guide has
// started, so it counts with the precache, not before the guide can start.
const html = page.replace(/ data-checker="[^"]*"/g, '').replace(/ data-languages="[^"]*"/g, '').replace(/ data-directory="[^"]*"/g, '');
const referenced = new Set(['index.html', ...[...sizes.keys()].filter((f) => html.includes(f))]);
// Then, once the guide is idle, the worker and the files it precaches that
// the page did not load ('./' is index.html, revalidated: no body).
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(sw)?.[1] ?? 'null');
if (!precache) throw new Error('size-report: no PRECACHE list in sw.js');
const later = new Set(['sw.js', ...precache.map((f) => f.replace(/^\.\//, '')).filter((f) => f && !referenced.has(f))]);

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const row = (name, s, mark = '') =>
  `${(name + mark).padEnd(44)} ${kib(s.raw)} ${kib(s.gzip)} ${kib(s.br)}`;
console.log(`${'file (* critical, + precache)'.padEnd(44)} ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(8)} ${'br KiB'.padStart(8)}`);
const zero = () => ({ raw: 0, gzip: 0, br: 0 });
const total = zero();
const first = zero();
const offline = zero();
for (const [name, s] of sizes) {
  const isFirst = referenced.has(name);
  const isLater = later.has(name);
  console.log(row(name, s, isFirst ? ' *' : isLater ? ' +' : ''));
  for (const k of Object.keys(total)) {
    total[k] += s[k];
    if (isFirst) first[k] += s[k];
    if (isFirst || isLater) offline[k] += s[k];
  }
}
console.log(row('all files', total));
console.log(row('first visit, critical (*)', first));
// Each language's file, fetched (and kept offline) by its visitors alone,
// and the critical first visit in it.
for (const [tag, file] of languagePairs) {
  const s = sizes.get(file);
  if (tag === 'en') {
    console.log(row(`  in en: the rest of its text, after the guide starts (${file.replace(/-[0-9a-f]+\.bin$/, '')})`, s));
    continue;
  }
  console.log(row(`  in ${tag}: its file (${file.replace(/-[0-9a-f]+\.bin$/, '')})`, s));
  console.log(row(`  in ${tag}: first visit, critical`, Object.fromEntries(Object.keys(first).map((k) => [k, first[k] + s[k]]))));
}
console.log(row('first visit with offline precache (* +)', offline));

// Each entry point's critical first visit (the host page not counted).
const sum = (names) => [...names].reduce((t, f) => {
  const s = sizes.get(f);
  return s ? { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, br: t.br + s.br } : t;
}, zero());
// The element loads the wasm and the stylesheet to start; language files,
// the directory and the checker come later or never (as for the page).
const later_ = (f) => /^(content-.*\.bin|directory-.*\.txt|signpost-check-.*\.wasm)$/.test(f);
const element = readFileSync(join(dist, 'signpost-guide.js'), 'utf8');
const entries = {
  'page (index.html, the welcome)': referenced,
  'questions.html (-> ./?step=questions)': new Set(['questions.html', ...referenced]),
  'iframe (?embed=frame + signpost-frame.js)': new Set(['signpost-frame.js', ...referenced]),
  'element (signpost-guide.js)': new Set(['signpost-guide.js', ...[...sizes.keys()].filter((f) => element.includes(f) && !later_(f))]),
};
console.log('\nentry point, critical first visit');
const entryTotals = {};
for (const [name, files] of Object.entries(entries)) {
  entryTotals[name] = sum(files);
  console.log(row(`  ${name}`, entryTotals[name]));
}

// The wasm's profile: where its bytes are, before wasm-opt (which shrinks
// every part, so shares are what to compare). The names section is only in
// this copy (the shipped wasm has none).
let profile = null;
if (profileWasm) {
  const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', profileWasm], { maxBuffer: 1 << 28 }));
  const code = items.filter((it) => !/^"function names" subsection$|^"names" subsection/.test(it.name));
  const crateOf = (name) => {
    if (/^data segment/.test(name)) return '(data segments: embedded content, strings, tables)';
    // The first crate named: for a generic function, the crate that
    // defines it (yew's lifecycle for a component's view, say).
    const m = /([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]::/.exec(name);
    return m ? m[1] : '(wasm sections and unnamed)';
  };
  const crates = new Map();
  for (const it of code) crates.set(crateOf(it.name), (crates.get(crateOf(it.name)) ?? 0) + it.shallow_size);
  const all = code.reduce((t, it) => t + it.shallow_size, 0);
  const short = (name) => name.replace(/\[[0-9a-f]+\]/g, '').replace(/^(.{0,110}).*$/, '$1');
  profile = {
    wasm: profileWasm,
    bytes: all,
    crates: [...crates].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes })),
    functions: code.slice(0, 40).map((it) => ({ name: short(it.name), bytes: it.shallow_size })),
  };
  const pct = (n) => `${((100 * n) / all).toFixed(1).padStart(5)}%`;
  console.log(`\nwasm profile (twiggy, before wasm-opt, names section left out): ${kib(all).trim()} KiB raw`);
  for (const c of profile.crates.slice(0, 14)) console.log(`  ${kib(c.bytes)} ${pct(c.bytes)}  ${c.crate}`);
  console.log('largest functions and data');
  for (const f of profile.functions.slice(0, 15)) console.log(`  ${kib(f.bytes)} ${pct(f.bytes)}  ${f.name}`);

  // Whose bytes they are, compressed: what a visitor pays for each part.
  // A generic instantiated for one of the guide's types (a component's
  // lifecycle in Yew, a Vec of questions in alloc, the content's reader)
  // is the guide's cost, so it counts as the guide's module; the
  // rest is the crate's own. Each group is compressed alone, so the groups
  // add up to a little more than the whole wasm compressed at once.
  const { functions, data } = wasmParts(profileWasm);
  const ownerOf = (name) => {
    const m = /\b(signpost(?:_engine)?)\[[0-9a-f]+\]::([a-z_]+)(?:::([a-z_]+))?/.exec(name);
    if (m) return `${m[1]}::${m[2]}${m[3] && /^(content|clinic|decide|pages|components)$/.test(m[2]) ? `::${m[3]}` : ''}`;
    return crateOf(name);
  };
  const groups = new Map([['(data segments: embedded content, strings, tables)', data]]);
  for (const f of functions) {
    const o = ownerOf(f.name);
    if (!groups.has(o)) groups.set(o, []);
    groups.get(o).push(f.body);
  }
  const compress = (map) => [...map].map(([owner, parts]) => ({
    owner,
    raw: parts.reduce((t, p) => t + p.length, 0),
    br: brotli(Buffer.concat(parts)).length,
  })).sort((a, b) => b.br - a.br);
  const byCrate = new Map();
  for (const [owner, parts] of groups) {
    const crate = owner.replace(/::.*/, '');
    if (!byCrate.has(crate)) byCrate.set(crate, []);
    byCrate.get(crate).push(...parts);
  }
  profile.owners = compress(groups);
  profile.ownersByCrate = compress(byCrate);
  profile.brotliAtOnce = brotli(Buffer.concat([...functions.map((f) => f.body), ...data])).length;
  const sumBr = profile.ownersByCrate.reduce((t, o) => t + o.br, 0);
  console.log(`\nwhose bytes, brotli (each crate compressed alone: ${kib(sumBr).trim()} KiB; all at once ${kib(profile.brotliAtOnce).trim()})`);
  for (const c of profile.ownersByCrate.slice(0, 12)) console.log(`  ${kib(c.br)} ${kib(c.raw)}  ${c.owner}`);
  console.log('the guide\'s modules, brotli (raw), each compressed alone');
  for (const o of profile.owners.filter((x) => x.owner.startsWith('signpost')).slice(0, 16)) {
    console.log(`  ${kib(o.br)} ${kib(o.raw)}  ${o.owner}`);
  }
}
// The clinic studio: clinic staff only, in no visit and no precache.
const studio = zero();
for (const [name, s] of sizes) if (name.startsWith('studio')) for (const k of Object.keys(studio)) studio[k] += s[k];
console.log(row('clinic studio (studio*, in no visit)', studio));

// What changed since an earlier report (brotli KiB): each entry point, the
// total with the precache, each file, and whose bytes the wasm holds
// where both reports profiled it.
if (compareWith) {
  const old = JSON.parse(readFileSync(compareWith, 'utf8'));
  const delta = (name, a, b) => {
    const d = (b - a) / 1024;
    if (Math.abs(d) >= 0.05) console.log(`  ${name.padEnd(52)} ${kib(a)} -> ${kib(b)}  ${d > 0 ? '+' : ''}${d.toFixed(1)}`);
  };
  console.log(`\ncompared with ${old.commit ?? compareWith} (${old.date ?? 'no date'}), brotli KiB, changes of 0.05 or more`);
  for (const [name, t] of Object.entries(entryTotals)) delta(`critical: ${name}`, old.entries?.[name]?.br ?? 0, t.br);
  delta('first visit with offline precache', old.withPrecache?.br ?? 0, offline.br);
  // Hashed names change with their bytes: compare by the name without it.
  const unhashed = (files) => new Map(Object.entries(files).map(([f, v]) => [f.replace(/-[0-9a-f]{16}(?=[._])/, ''), v.br]));
  const before = unhashed(old.files ?? {}), after = unhashed(Object.fromEntries(sizes));
  for (const f of new Set([...before.keys(), ...after.keys()])) delta(`file: ${f}`, before.get(f) ?? 0, after.get(f) ?? 0);
  if (profile?.ownersByCrate && old.profile?.ownersByCrate) {
    const was = new Map(old.profile.owners.map((o) => [o.owner, o.br]));
    for (const o of profile.owners) delta(`wasm: ${o.owner}`, was.get(o.owner) ?? 0, o.br);
    for (const [owner, br] of was) if (!profile.owners.some((o) => o.owner === owner)) delta(`wasm: ${owner}`, br, 0);
  }
}

let ok = true;
const check = (what, bytes, budget) => {
  if (budget === null) return;
  const within = bytes <= budget * 1024;
  ok &&= within;
  console.log(`size budget: ${what} ${(bytes / 1024).toFixed(1)} KiB brotli, budget ${budget} KiB: ${within ? 'within' : 'OVER'}`);
};
for (const [name, t] of Object.entries(entryTotals)) check(`critical first visit from the ${name.replace(/ \(.*/, '')}`, t.br, budgetKiB);
check('first visit with offline precache', offline.br, totalBudgetKiB);

if (jsonOut) {
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* not a checkout */ }
  writeFileSync(jsonOut, `${JSON.stringify({
    commit,
    date: new Date().toISOString(),
    files: Object.fromEntries(sizes),
    critical: first,
    entries: entryTotals,
    withPrecache: offline,
    profile,
  }, null, 1)}\n`);
  console.log(`size report written to ${jsonOut}`);
}
process.exit(ok ? 0 : 1);
