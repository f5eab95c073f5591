// The Hunspell dictionary behind spelling.unknown (nspell + dictionary-en / dictionary-en-gb), with a
// per-word cache so each word is looked up once. Building nspell's dictionary takes ~200 ms, so the build
// also writes, per locale, every form nspell accepts that has no capital first and no digit as a WordTable
// (spelling.bin, ~1 ms to load): every word the spelling check asks about is answered from it, and nspell
// is built only for another word or when the table is missing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir, readBuilt } from '../style/paths.js';
import { WordTable } from '../word-table.js';
import { isLowerAscii, oneEditForms, type ByteWords } from './forms.js';

interface Speller {
  correct(word: string): boolean;
  /** nspell's table of every known form, affixes applied (read only to rule candidates out fast). */
  data?: Record<string, unknown>;
}

type Locale = 'en-US' | 'en-GB';
const spellers = new Map<Locale, Speller>();
/** The prebuilt tables of accepted forms, per locale (see writeSpellingTables). */
const tables = new Map<Locale, WordTable>();
const loading = new Map<Locale, Promise<void>>();
const verdicts = new Map<Locale, Map<string, boolean>>();
const MAX_CACHE = 200_000;
const TABLE_FILE = 'spelling.bin';
/** Words the prebuilt table answers for: no capital first (nspell tries other cases of a capitalised word,
 *  which the spelling check leaves alone) and no digit (its compound rules join words with digits: 22nd,
 *  and even a22nd). */
const TABLE_WORD = /^(?!\p{Lu})\D*$/u;

/** Where the locale's verdicts come from so far: the prebuilt table alone, nspell too, or nothing yet (for tests). */
export function spellingSource(locale: Locale): 'table' | 'nspell' | 'none' {
  return spellers.has(locale) ? 'nspell' : tables.has(locale) ? 'table' : 'none';
}

export function dictionaryReady(locale: Locale): boolean {
  return tables.has(locale) || spellers.has(locale);
}

export function loadDictionary(locale: Locale): Promise<void> {
  let p = loading.get(locale);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      // Yield first so a caller's first diagnostics go out before a (synchronous) dictionary build.
      setImmediate(() => {
        try {
          const table = readTable(locale);
          if (table) tables.set(locale, table);
          else spellerOf(locale);
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

function dictionaryFiles(locale: Locale): { dir: string; aff: string; dic: string } {
  const dir = path.join(dataDir(), 'dict', locale);
  return { dir, aff: path.join(dir, 'index.aff'), dic: path.join(dir, 'index.dic') };
}

/** The prebuilt table, when it is there and not older than the dictionary it was made from. */
function readTable(locale: Locale): WordTable | null {
  const { dir, aff, dic } = dictionaryFiles(locale);
  const bytes = readBuilt(path.join(dir, TABLE_FILE), [aff, dic]);
  return bytes && WordTable.fromBytes(bytes);
}

/** nspell with the locale's dictionary, built on first need. */
function spellerOf(locale: Locale): Speller {
  let speller = spellers.get(locale);
  if (!speller) {
    const { aff, dic } = dictionaryFiles(locale);
    spellers.set(locale, (speller = nspellFrom(aff, dic)));
  }
  return speller;
}

function nspellFrom(aff: string, dic: string): Speller {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nspell = require('nspell') as (aff: Buffer, dic: Buffer) => Speller;
  return nspell(fs.readFileSync(aff), fs.readFileSync(dic));
}

/** Writes each locale's table of accepted forms under `dir` (the build calls this): every form in nspell's
 *  table with no capital first and no digit that nspell accepts as written. For such a word nspell looks up
 *  the word as written and then in lower case (its compound rules need digits, and the other cases it
 *  tries are for capitalised words), so the table gives nspell's answer for every word it is asked about
 *  (checked against nspell in test/unit/spelling/table.test.ts). */
export function writeSpellingTables(dir: string): void {
  for (const locale of ['en-US', 'en-GB'] as const) {
    const aff = path.join(dir, 'dict', locale, 'index.aff');
    const dic = path.join(dir, 'dict', locale, 'index.dic');
    if (!fs.existsSync(aff) || !fs.existsSync(dic)) continue;
    const speller = nspellFrom(aff, dic);
    const forms = Object.keys(speller.data ?? {}).filter((w) => TABLE_WORD.test(w) && speller.correct(w));
    fs.writeFileSync(path.join(dir, 'dict', locale, TABLE_FILE), WordTable.of(forms).toBytes());
  }
}

/** nspell's verdict on a word, from the prebuilt table for a word it answers for: typographic apostrophes
 *  read as straight ones (the dictionary's ICONV rule), the word as written, then (as nspell tries next) in
 *  lower case (eBay is listed; iphone is not, iPhone is). */
function correct(locale: Locale, word: string): boolean {
  const table = tables.get(locale);
  if (table) {
    const w = word.includes('\u2019') ? word.replace(/\u2019/g, "'") : word;
    if (TABLE_WORD.test(w)) {
      if (table.has(w)) return true;
      const lower = w.toLowerCase();
      return lower !== w && table.has(lower);
    }
  }
  return spellerOf(locale).correct(word);
}

export function isKnownWord(locale: Locale, word: string): boolean {
  if (!dictionaryReady(locale)) return true;
  let cache = verdicts.get(locale);
  if (!cache) verdicts.set(locale, (cache = new Map()));
  let v = cache.get(word);
  if (v === undefined) {
    v = correct(locale, word);
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

  constructor(private readonly correct: (word: string) => boolean) {}

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
    const known = this.correct(text.slice(from, to));
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
    if (!dictionaryReady(locale)) return undefined;
    plain.set(locale, (p = new PlainWords((word) => correct(locale, word))));
  }
  return p;
}

/** a–z only: for such a word nspell's verdict is its table's entry, so a form missing from the table is unknown. */
const lettersOnly = isLowerAscii;

const built = new Map<Locale, WordTable | null>();

/** The forms the suggestion search tries candidates against: the prebuilt table, or (without one) the
 *  speller's a–z forms once prepareSuggestions() has built them (about a hundred milliseconds, as much as a
 *  few hundred searches save, so only an editor does it, while idle). */
function formSet(locale: Locale): ByteWords | null {
  return tables.get(locale) ?? built.get(locale) ?? null;
}

/** Builds the suggestion search's form sets of dictionaries loaded without a prebuilt table now (an editor
 *  does it while idle, so no keystroke waits for it). The spelling check asks nspell itself nothing the
 *  tables do not answer (it leaves capitalised words and words with digits alone). */
export function prepareSuggestions(): void {
  for (const [locale, speller] of spellers) {
    if (tables.has(locale) || built.has(locale)) continue;
    built.set(locale, speller.data ? WordTable.of(Object.keys(speller.data).filter(lettersOnly)) : null);
  }
}

const suggested = new Map<string, string[]>();
const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

/** Known words one edit away (a transposition, a wrong, missing or extra letter), best first. Far cheaper
 *  than nspell's suggest (which also tries phonetic and two-edit forms): the typos a copy desk sees are
 *  one keystroke off, and a word with nothing that close is more likely a coinage than a typo. Cached. */
export function suggestions(locale: Locale, word: string, max = 3): string[] {
  if (!dictionaryReady(locale)) return [];
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
    const forms = letters && !table ? spellerOf(locale).data : undefined;
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
