// The guide's own words, read from the content files, so a test can walk
// the guide in any of its languages without a copy of each label (and
// without a TOML library: the texts read here are one-line inline tables,
// `key = { en = "...", es = "..." }`, as content/README.md writes them).
import { readFileSync } from 'node:fs';

const file = (name) => readFileSync(new URL(`../../content/${name}`, import.meta.url), 'utf8').split('\n');
const inline = (line) => Object.fromEntries([...line.matchAll(/\b([a-z]{2}) = ("(?:[^"\\]|\\.)*")/g)].map(([, l, s]) => [l, JSON.parse(s)]));

/// The languages of the built-in content, in the order of guide.toml.
export const LANGUAGES = JSON.parse(file('guide.toml').find((l) => l.startsWith('locales = ')).slice('locales = '.length));

/// Every interface word of the `[ui]` table in `lang`.
export function ui(lang) {
  const lines = file('guide.toml');
  const start = lines.indexOf('[ui]');
  const out = {};
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('[')) break;
    const m = /^([a-z_0-9]+) = \{ (.*) \}$/.exec(line);
    if (m) out[m[1]] = inline(m[2])[lang];
  }
  return out;
}

/// `key` of the list item with `id = "<id>"` in content file `name`.
export function itemText(name, id, key, lang) {
  const lines = file(name);
  const at = lines.findIndex((l) => l === `id = "${id}"`);
  if (at < 0) throw new Error(`${name}: no id "${id}"`);
  const line = lines.slice(at).find((l) => l.startsWith(`${key} = {`));
  return inline(line)[lang];
}

/// The `lang` and `dir` attributes the guide gives each language
/// (crates/engine/src/content/locale.rs).
export const LANG_ATTR = { pt: 'pt-BR' };
export const RTL = new Set(['ar']);
