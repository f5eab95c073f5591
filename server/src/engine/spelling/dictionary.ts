// The Hunspell dictionary behind spelling.unknown (nspell + dictionary-en / dictionary-en-gb), loaded once,
// lazily and off the path of the first diagnostics, with a per-word cache so each word is looked up once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir } from '../style/paths.js';

interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

type Locale = 'en-US' | 'en-GB';
const spellers = new Map<Locale, Speller>();
const loading = new Map<Locale, Promise<void>>();
const verdicts = new Map<Locale, Map<string, boolean>>();
const MAX_CACHE = 200_000;

export function dictionaryReady(locale: Locale): boolean {
  return spellers.has(locale);
}

export function loadDictionary(locale: Locale): Promise<void> {
  let p = loading.get(locale);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      // Yield first so a caller's first diagnostics go out before the (synchronous) dictionary build.
      setImmediate(() => {
        try {
          const dir = path.join(dataDir(), 'dict', locale);
          const aff = fs.readFileSync(path.join(dir, 'index.aff'));
          const dic = fs.readFileSync(path.join(dir, 'index.dic'));
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const nspell = require('nspell') as (aff: Buffer, dic: Buffer) => Speller;
          spellers.set(locale, nspell(aff, dic));
          verdicts.set(locale, new Map());
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
    loading.set(locale, p);
  }
  return p;
}

export function isKnownWord(locale: Locale, word: string): boolean {
  const speller = spellers.get(locale);
  if (!speller) return true;
  const cache = verdicts.get(locale)!;
  let v = cache.get(word);
  if (v === undefined) {
    v = speller.correct(word);
    if (cache.size > MAX_CACHE) cache.clear();
    cache.set(word, v);
  }
  return v;
}

const suggested = new Map<string, string[]>();

/** Suggestions for an unknown word, best first (cached: the same typo recurs across a desk's drafts). */
export function suggestions(locale: Locale, word: string, max = 3): string[] {
  const speller = spellers.get(locale);
  if (!speller) return [];
  const key = `${locale}\u0000${word}`;
  let list = suggested.get(key);
  if (!list) {
    list = speller.suggest(word);
    if (suggested.size > 20_000) suggested.clear();
    suggested.set(key, list);
  }
  return list.slice(0, max);
}
