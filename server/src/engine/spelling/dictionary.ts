// The Hunspell dictionary behind spelling.unknown (nspell + dictionary-en / dictionary-en-gb), loaded once,
// lazily and off the path of the first diagnostics, with a per-word cache so each word is looked up once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir } from '../style/paths.js';

interface Speller {
  correct(word: string): boolean;
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

/** Verdicts on plain words read in place from prose (open addressing; a key is compared character by
 *  character), so a word already seen costs no string. The same answers as isKnownWord. */
export class PlainWords {
  private keys: (string | undefined)[] = new Array(4096);
  private known = new Uint8Array(4096);
  private size = 0;

  constructor(private readonly speller: Speller) {}

  /** `!word.includes('-') && isKnownWord(locale, word)` for word = text.slice(from, to). */
  isKnownAt(text: string, from: number, to: number): boolean {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 45) return false;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const keys = this.keys;
    const mask = keys.length - 1;
    const n = to - from;
    let at = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const key = keys[at];
      if (key === undefined) break;
      if (key.length === n) {
        let k = 0;
        while (k < n && key.charCodeAt(k) === text.charCodeAt(from + k)) k++;
        if (k === n) return this.known[at] === 1;
      }
      at = (at + 1) & mask;
    }
    const word = text.slice(from, to);
    const known = this.speller.correct(word);
    this.insert(word, known);
    return known;
  }

  private insert(word: string, known: boolean): void {
    if (this.size >= this.keys.length >> 1) {
      const { keys, known: verdicts } = this;
      const capacity = this.size >= MAX_CACHE ? 4096 : keys.length * 2;
      this.keys = new Array(capacity);
      this.known = new Uint8Array(capacity);
      this.size = 0;
      if (capacity > 4096) for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.insert(keys[i]!, verdicts[i] === 1);
    }
    const mask = this.keys.length - 1;
    let at = (hashOf(word) ^ (hashOf(word) >>> 15)) & mask;
    while (this.keys[at] !== undefined) at = (at + 1) & mask;
    this.keys[at] = word;
    this.known[at] = known ? 1 : 0;
    this.size++;
  }
}

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  return h;
}

const plain = new Map<Locale, PlainWords>();

/** The locale's verdicts on plain words, read in place; undefined until its dictionary is loaded. */
export function plainWords(locale: Locale): PlainWords | undefined {
  let p = plain.get(locale);
  if (!p) {
    const speller = spellers.get(locale);
    if (!speller) return undefined;
    plain.set(locale, (p = new PlainWords(speller)));
  }
  return p;
}

const suggested = new Map<string, string[]>();
const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

/** Known words one edit away (a transposition, a wrong, missing or extra letter), best first. Far cheaper
 *  than nspell's suggest (which also tries phonetic and two-edit forms): the typos a copy desk sees are
 *  one keystroke off, and a word with nothing that close is more likely a coinage than a typo. Cached. */
export function suggestions(locale: Locale, word: string, max = 3): string[] {
  if (!spellers.has(locale)) return [];
  const key = `${locale}\u0000${word}`;
  let list = suggested.get(key);
  if (!list) {
    list = [];
    const seen = new Set<string>();
    const consider = (w: string) => {
      if (w.length > 1 && !seen.has(w)) {
        seen.add(w);
        if (isKnownWord(locale, w)) list!.push(w);
      }
    };
    for (let i = 0; i + 1 < word.length; i++) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) consider(word.slice(0, i) + c + word.slice(i + 1));
    for (let i = 0; i <= word.length; i++) for (const c of LETTERS) consider(word.slice(0, i) + c + word.slice(i));
    for (let i = 0; i < word.length; i++) consider(word.slice(0, i) + word.slice(i + 1));
    if (suggested.size > 20_000) suggested.clear();
    suggested.set(key, list);
  }
  return list.slice(0, max);
}
