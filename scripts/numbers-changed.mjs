// The release notes' list of crisis numbers that changed: every number,
// text line and chat of the directory (content/crisis.toml) and every
// country's emergency numbers (content/emergency.toml), now and at a git
// ref (the previous release's tag), compared.
// Usage: node scripts/numbers-changed.mjs [REF]   (no REF: every number is new)
// Reads the files' lines, not their schema, so a ref from an older content
// version compares too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ref = process.argv[2];
const read = (file) => {
  if (!ref) return file === 'now' ? null : '';
  try {
    return execFileSync('git', ['show', `${ref}:${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
};
const numbers = (crisis, emergency) => {
  const out = new Map();
  let country = '';
  let block = '';
  let line = {};
  const flush = () => {
    if (block !== 'line' || !line.id) return;
    for (const k of ['phone', 'sms', 'chat']) if (line[k]) out.set(`${country} ${line.name ?? line.id} (${k})`, line[k]);
    line = {};
  };
  for (const l of crisis.split('\n')) {
    if (l.startsWith('[[')) {
      flush();
      block = l.includes('.lines') ? 'line' : l.includes('.emergency') ? 'emergency' : 'country';
      continue;
    }
    const m = /^(\w+) = (?:"([^"]*)"|\{ en = "([^"]*)")/.exec(l);
    if (!m) continue;
    const [, key, plain, en] = m;
    const value = plain ?? en;
    if (block === 'country' && key === 'country') country = value;
    else if (block === 'emergency' && key === 'number') out.set(`${country} emergency ${value}`, value);
    else if (block === 'line') line[key] = value;
  }
  flush();
  let inWorld = false;
  for (const l of emergency.split('\n')) {
    if (l.startsWith('[')) inWorld = l.startsWith('[emergency_numbers.numbers]') || l.startsWith('[[emergency_numbers]]');
    const m = /^([A-Z]{2}) = "([^"]*)"/.exec(l);
    if (inWorld && m) out.set(`${m[1]} emergency (world table)`, m[2]);
  }
  return out;
};
const now = numbers(readFileSync('content/crisis.toml', 'utf8'), readFileSync('content/emergency.toml', 'utf8'));
const then = numbers(read('content/crisis.toml'), read('content/emergency.toml'));
const lines = [];
for (const [k, v] of now) if (!then.has(k)) lines.push(`+ ${k}: ${v}`);
for (const [k, v] of now) if (then.has(k) && then.get(k) !== v) lines.push(`~ ${k}: ${then.get(k)} -> ${v}`);
for (const [k, v] of then) if (!now.has(k)) lines.push(`- ${k}: ${v}`);
console.log(`Crisis numbers changed since ${ref ?? 'the first release'} (+ added, ~ changed, - removed): ${lines.length}`);
for (const l of lines.sort((a, b) => a.slice(2).localeCompare(b.slice(2)))) console.log(l);
