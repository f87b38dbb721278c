// How old the crisis numbers in a build are: the check dates in its
// directory file (directory-<hash>.txt: the mobile number's and each
// country's, the same dates the guide shows under every list), against
// today. scripts/package prints it, and writes it into the release's
// README.txt, so a clinic pinned to an old release sees its numbers age.
// Usage: node scripts/numbers-age.mjs DIST [TODAY as YYYY-MM-DD]
// Exit status 0; a line starting "warning:" when the oldest check is over
// 12 months old, as signpost-check warns for the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, today = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);
const file = readdirSync(dir).find((f) => /^directory-[0-9a-f]+\.txt$/.test(f));
if (!file) {
  console.error(`numbers-age: no directory-<hash>.txt in ${dir}`);
  process.exit(1);
}
// Tab-separated rows (crates/engine/src/crisis/directory.rs, to_text):
// "M <number> <checked>", "C <code> <checked> ...".
const dates = readFileSync(join(dir, file), 'utf8').split('\n')
  .map((row) => row.split('\t'))
  .filter(([kind]) => kind === 'M' || kind === 'C')
  .map((fields) => fields[2])
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d ?? ''))
  .sort();
if (!dates.length) {
  console.error(`numbers-age: ${file} has no check dates`);
  process.exit(1);
}
const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const [oldest, newest] = [dates[0], dates.at(-1)];
const age = days(oldest, today);
const span = oldest === newest ? `on ${oldest}` : `between ${oldest} and ${newest}`;
console.log(`Crisis numbers checked ${span}: the oldest check is ${age} days old on ${today}.`);
if (age > 365) console.log('warning: some numbers were last checked over 12 months ago: use a newer release, or check content/crisis.toml and content/emergency.toml and rebuild.');
