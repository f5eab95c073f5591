// The Hunspell dictionary behind spelling.unknown (nspell + dictionary-en / dictionary-en-gb), loaded once,
// lazily and off the path of the first diagnostics, with a per-word cache so each word is looked up once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir } from '../style/paths.js';
import { FormSet, isLowerAscii, oneEditForms } from './forms.js';

interface Speller {
  correct(word: string): boolean;
  /** nspell's table of every known form, affixes applied (read only to rule candidates out fast). */
  data?: Record<string, unknown>;
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

/** Verdicts on plain words read in place from prose, so a word already seen costs no string: an
 *  open-addressing table whose keys are kept as characters in one flat pool (compared after their hash,
 *  close together in memory whatever else the checks touched). The same answers as isKnownWord. */
export class PlainWords {
  private hashes = new Int32Array(4096);
  private offsets = new Int32Array(4096);
  /** 0: empty; else ((length << 1) | known) + 1. */
  private metas = new Int32Array(4096);
  private pool = new Uint16Array(1 << 15);
  private used = 0;
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
    const n = to - from;
    const { hashes, offsets, metas, pool } = this;
    const mask = metas.length - 1;
    for (let at = (h ^ (h >>> 15)) & mask; ; at = (at + 1) & mask) {
      const meta = metas[at]!;
      if (meta === 0) break;
      if (hashes[at] !== h || (meta - 1) >>> 1 !== n) continue;
      const off = offsets[at]!;
      let k = 0;
      while (k < n && pool[off + k] === text.charCodeAt(from + k)) k++;
      if (k === n) return ((meta - 1) & 1) === 1;
    }
    const known = this.speller.correct(text.slice(from, to));
    this.insert(h, text, from, to, known);
    return known;
  }

  private insert(h: number, text: string, from: number, to: number, known: boolean): void {
    const n = to - from;
    if (this.size >= MAX_CACHE) this.reset();
    if (this.size >= this.metas.length >> 1) this.grow();
    if (this.used + n > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + n));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    for (let k = 0; k < n; k++) this.pool[this.used + k] = text.charCodeAt(from + k);
    this.place(h, this.used, ((n << 1) | (known ? 1 : 0)) + 1);
    this.used += n;
    this.size++;
  }

  private place(h: number, offset: number, meta: number): void {
    const mask = this.metas.length - 1;
    let at = (h ^ (h >>> 15)) & mask;
    while (this.metas[at] !== 0) at = (at + 1) & mask;
    this.hashes[at] = h;
    this.offsets[at] = offset;
    this.metas[at] = meta;
  }

  private grow(): void {
    const { hashes, offsets, metas } = this;
    const capacity = metas.length * 2;
    this.hashes = new Int32Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.metas = new Int32Array(capacity);
    for (let i = 0; i < metas.length; i++) if (metas[i] !== 0) this.place(hashes[i]!, offsets[i]!, metas[i]!);
  }

  private reset(): void {
    this.hashes = new Int32Array(4096);
    this.offsets = new Int32Array(4096);
    this.metas = new Int32Array(4096);
    this.pool = new Uint16Array(1 << 15);
    this.used = 0;
    this.size = 0;
  }
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

/** a–z only: for such a word nspell's verdict is its table's entry (its compound rules need digits, and
 *  there is no other case to try), so a form missing from the table is unknown. */
const lettersOnly = isLowerAscii;

const formSets = new Map<Locale, FormSet | null>();

/** The speller's a–z forms as a compact set, once prepareSuggestions() has built it. Building costs about
 *  a hundred milliseconds, as much as a few hundred searches save: the 840-article workspace run does
 *  about 600 searches in all, so only an editor, which can build it while idle, does. */
function formSet(locale: Locale): FormSet | null {
  return formSets.get(locale) ?? null;
}

function buildFormSet(locale: Locale): FormSet | null {
  const data = spellers.get(locale)?.data;
  const set = data ? new FormSet(Object.keys(data)) : null;
  if (spellers.has(locale)) formSets.set(locale, set);
  return set;
}

/** Builds the suggestion search's form sets of the loaded dictionaries now (an editor does it while idle,
 *  so no keystroke waits for it). */
export function prepareSuggestions(): void {
  for (const locale of spellers.keys()) if (!formSets.has(locale)) buildFormSet(locale);
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
    const letters = lettersOnly(word);
    const table = letters ? formSet(locale) : null;
    // Most candidates are no word at all: for an a–z word only a form in the speller's table is asked
    // about (and the verdict cache never fills with non-words); with the form set built, only such forms
    // are built as strings at all.
    const forms = letters && !table ? spellers.get(locale)!.data : undefined;
    const consider = (w: string) => {
      if (w.length > 1 && !seen.has(w)) {
        seen.add(w);
        if (forms && !Object.prototype.hasOwnProperty.call(forms, w)) return;
        if (isKnownWord(locale, w)) list!.push(w);
      }
    };
    if (table) {
      for (const w of oneEditForms(table, word, LETTERS)) consider(w);
    } else {
      for (let i = 0; i + 1 < word.length; i++) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) consider(word.slice(0, i) + c + word.slice(i + 1));
      for (let i = 0; i <= word.length; i++) for (const c of LETTERS) consider(word.slice(0, i) + c + word.slice(i));
      for (let i = 0; i < word.length; i++) consider(word.slice(0, i) + word.slice(i + 1));
    }
    if (suggested.size > 20_000) suggested.clear();
    suggested.set(key, list);
  }
  return list.slice(0, max);
}
