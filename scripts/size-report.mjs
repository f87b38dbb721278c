// The size report (a benchmark, not a test): each file of dist/ with its
// raw, gzip and brotli sizes, and what a first visit transfers (the page and
// every file it references), compressed as a production server would.
//
// Usage: node scripts/size-report.mjs [dist] [--budget-kib N]
//   With --budget-kib, exits 1 when the first visit's brotli total is larger.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget-kib');
const budgetKiB = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : null;
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
// content, so it does not count).
const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(/ data-checker="[^"]*"/g, '');
const referenced = new Set(['index.html', ...[...sizes.keys()].filter((f) => html.includes(f))]);

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const row = (name, s, mark = '') =>
  `${(name + mark).padEnd(44)} ${kib(s.raw)} ${kib(s.gzip)} ${kib(s.br)}`;
console.log(`${'file (* = first visit)'.padEnd(44)} ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(8)} ${'br KiB'.padStart(8)}`);
const total = { raw: 0, gzip: 0, br: 0 };
const first = { raw: 0, gzip: 0, br: 0 };
for (const [name, s] of sizes) {
  const isFirst = referenced.has(name);
  console.log(row(name, s, isFirst ? ' *' : ''));
  for (const k of Object.keys(total)) {
    total[k] += s[k];
    if (isFirst) first[k] += s[k];
  }
}
console.log(row('all files', total));
console.log(row('first visit', first));

if (budgetKiB !== null) {
  const ok = first.br <= budgetKiB * 1024;
  console.log(`size budget: first visit ${(first.br / 1024).toFixed(1)} KiB brotli, budget ${budgetKiB} KiB: ${ok ? 'within' : 'OVER'}`);
  process.exit(ok ? 0 : 1);
}
