// Writes content/time-zones.toml: every ISO 3166 country and territory with
// the IANA time zones located there (zone.tab) and their older names
// (links in tzdata.zi: browsers still report some, e.g. "Asia/Calcutta"),
// from this machine's tz database (Debian's tzdata). Run it when tzdata
// changes: node scripts/update-time-zones.mjs [/usr/share/zoneinfo]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/usr/share/zoneinfo';
const rows = (file) => readFileSync(join(dir, file), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
const version = /# version (\S+)/.exec(readFileSync(join(dir, 'tzdata.zi'), 'utf8'))?.[1] ?? 'unknown';
const zones = new Map(rows('iso3166.tab').map(([code]) => [code, []]));
const countryOf = new Map();
for (const [code, , zone] of rows('zone.tab')) {
  zones.get(code)?.push(zone);
  countryOf.set(zone, code);
}
for (const line of readFileSync(join(dir, 'tzdata.zi'), 'utf8').split('\n')) {
  const [kind, target, alias] = line.split(' ');
  if (kind !== 'L' || !alias?.includes('/') || /^(Etc|SystemV|US)\//.test(alias) || countryOf.has(alias)) continue;
  const code = countryOf.get(target);
  if (code) {
    zones.get(code).push(alias);
    countryOf.set(alias, code);
  }
}
const out = [
  '#:schema ./schema/content-file.schema.json',
  '# Signpost content: the IANA time zones of every ISO 3166 country and',
  `# territory, to find the visitor's country on the device. Generated from the tz`,
  `# database ${version} (zone.tab, iso3166.tab, links in tzdata.zi; public domain,`,
  '# https://www.iana.org/time-zones) by scripts/update-time-zones.mjs: do not edit.',
  '',
  '[time_zones]',
  ...[...zones].sort().map(([code, list]) => `${code} = "${list.join(' ')}"`),
  '',
];
writeFileSync('content/time-zones.toml', out.join('\n'));
console.log(`content/time-zones.toml: ${zones.size} countries, ${countryOf.size} zones (tz ${version})`);
