// The size report (a benchmark, not a test): each file of dist/ with its
// raw, gzip and brotli sizes, and two totals a first visit transfers,
// compressed as a production server would:
//  - critical: the page and every file it names, before the guide can start;
//  - with the offline precache: also the service worker and what it
//    precaches once the guide is idle. The files the page already loaded
//    come from the HTTP cache (hashed names are immutable), so only the
//    others count again.
//
// Usage: node scripts/size-report.mjs [dist] [--budget-kib N] [--budget-total-kib M]
//   Exits 1 when the critical brotli total is over N, or the total with the
//   precache over M.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : null;
};
const budgetKiB = option('--budget-kib');
const totalBudgetKiB = option('--budget-total-kib');
const dist = args[0] ?? 'dist';

const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
})(dist).sort();

const sizes = new Map(files.map((p) => {
  const raw = readFileSync(p);
  return [relative(dist, p), {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }];
}));

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
// The clinic studio: clinic staff only, in no visit and no precache.
const studio = zero();
for (const [name, s] of sizes) if (name.startsWith('studio')) for (const k of Object.keys(studio)) studio[k] += s[k];
console.log(row('clinic studio (studio*, in no visit)', studio));

let ok = true;
const check = (what, bytes, budget) => {
  if (budget === null) return;
  const within = bytes <= budget * 1024;
  ok &&= within;
  console.log(`size budget: ${what} ${(bytes / 1024).toFixed(1)} KiB brotli, budget ${budget} KiB: ${within ? 'within' : 'OVER'}`);
};
check('first visit, critical', first.br, budgetKiB);
check('first visit with offline precache', offline.br, totalBudgetKiB);
process.exit(ok ? 0 : 1);
