// Builds server/data/names/builtin.json, the compact built-in names list loaded at start-up, from:
//   server/data/names/curated.yaml           Copydesk's own list (people in the news, places)
//   ../shared/data/spellingukraine (MIT)      Ukrainian places and their incorrect spellings
//   ../shared/data/kyivnotkiev                Russian-derived forms of Ukrainian places and the homonym traps
//   world-countries (npm, ODbL)               country names and capitals (known names, never flagged as misspellings)
// Run: node scripts/build-names.mjs  (the JSON is committed; the shared data is only needed to rebuild it)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.join(root, '..', 'shared', 'data');
const out = path.join(root, 'server', 'data', 'names', 'builtin.json');

const curated = parse(fs.readFileSync(path.join(root, 'server', 'data', 'names', 'curated.yaml'), 'utf8'));
const entries = new Map();
const key = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const add = (e, kind) => {
  const k = key(e.name);
  const prev = entries.get(k);
  if (prev) {
    // The curated entry wins; other sources may only add variants it lacks.
    for (const v of e.variants ?? []) if (!prev.variants.includes(v)) prev.variants.push(v);
    for (const n of e.not ?? []) if (!(prev.not ??= []).includes(n)) prev.not.push(n);
    return;
  }
  entries.set(k, { name: e.name, kind, ...(e.short ? { short: e.short } : {}), ...(e.title ? { title: e.title } : {}), variants: [...(e.variants ?? [])], ...(e.not ? { not: [...e.not] } : {}) });
};
for (const p of curated.people) add(p, 'person');
for (const p of curated.places) add(p, 'place');

const sources = ['curated.yaml (Copydesk)'];
const su = path.join(shared, 'spellingukraine', 'variants.derived.tsv');
if (fs.existsSync(su)) {
  const keep = new Set(['City', 'Settlement', 'Village', 'Town', 'Region', 'Country']);
  for (const line of fs.readFileSync(su, 'utf8').trim().split('\n').slice(1)) {
    const [correct, category, , incorrect] = line.split('\t');
    if (!keep.has(category) || !correct) continue;
    add({ name: correct, variants: (incorrect || '').split('|').filter((v) => v && /^\p{Lu}/u.test(v) && v !== correct) }, 'place');
  }
  fs.copyFileSync(path.join(shared, 'spellingukraine', 'license.txt'), path.join(root, 'server', 'data', 'names', 'LICENSE-spellingukraine.txt'));
  sources.push('SpellingUkraine by Oleksii Holub (MIT, see LICENSE-spellingukraine.txt): Ukrainian places and incorrect spellings');
}
const kk = path.join(shared, 'kyivnotkiev', 'pairs.derived.tsv');
if (fs.existsSync(kk)) {
  for (const line of fs.readFileSync(kk, 'utf8').trim().split('\n').slice(1)) {
    const [ru, ua, , , mode] = line.split('\t');
    if (!ru || !ua || mode !== 'word_boundary') continue;
    add({ name: ua, variants: [ru] }, 'place');
  }
  sources.push('#KyivNotKiev pairs (facts: Russian-derived and Ukrainian forms)');
}

const countries = require('world-countries');
const known = new Set();
for (const c of countries) {
  known.add(c.name.common);
  for (const cap of c.capital ?? []) known.add(cap);
}
sources.push('world-countries (country names and capitals)');

// Variants the sources list that are right in other senses, measured on published US news (bench/rates.mjs):
const NOT_VARIANTS = new Map([
  ['Vladimir', 'a Russian given name (Vladimir Putin), listed by SpellingUkraine as a form of the town Volodymyr'],
  ['The Ukraine', 'matches sentence-initial "The Ukraine crisis"; left to the writer'],
  ['Chernobyl', 'AP keeps Chernobyl for the 1986 disaster and the plant'],
]);
for (const e of entries.values()) e.variants = e.variants.filter((v) => !NOT_VARIANTS.has(v));
// A variant that is itself a canonical name or a country/capital would flag correct copy; drop it.
const canon = new Set([...entries.values()].map((e) => e.name));
for (const e of entries.values()) e.variants = e.variants.filter((v) => !canon.has(v) && !known.has(v));

const data = { sources, names: [...entries.values()].sort((a, b) => a.name.localeCompare(b.name)), known: [...known].sort() };
fs.writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`${out}: ${data.names.length} names (${data.names.reduce((n, e) => n + e.variants.length, 0)} variants), ${data.known.length} known names`);
