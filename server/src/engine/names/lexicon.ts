// What the English dictionary knows about a word: a common word (lower-case entry) or a proper name it
// lists (capitalised entry). Loaded once, lazily: from the tables the build writes next to the Hunspell .dic
// shipped in server/data/dict (lexicon.bin), or from the .dic itself when they are missing or older.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keepable } from '../document/memo.js';
import { dataDir, readBuilt } from '../style/paths.js';
import { WordTable } from '../word-table.js';

interface Lexicon {
  common: { has(word: string): boolean };
  proper: { has(word: string): boolean };
}

let lexicon: Lexicon | null = null;

const DIC = path.join('dict', 'en-US', 'index.dic');
// Both word lists as WordTables, written by the build (writeLexiconTables) next to the .dic.
const TABLES = path.join('dict', 'en-US', 'lexicon.bin');

/** The .dic's entries without their affix flags: capitalised ones are proper names, the rest common words. */
function dictionaryWords(text: string): { common: string[]; proper: string[] } {
  const common: string[] = [];
  const proper: string[] = [];
  let i = text.indexOf('\n') + 1;
  while (i < text.length) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const slash = text.indexOf('/', i);
    const word = text.slice(i, slash >= 0 && slash < j ? slash : j);
    const c = word.charCodeAt(0);
    if (c >= 65 && c <= 90) proper.push(word);
    else common.push(word);
    i = j + 1;
  }
  return { common, proper };
}

function load(): Lexicon {
  if (lexicon) return lexicon;
  const dic = path.join(dataDir(), DIC);
  if (!fs.existsSync(dic)) return (lexicon = { common: new Set(), proper: new Set() });
  const tables = fromTables(dic, path.join(dataDir(), TABLES));
  if (tables) return (lexicon = tables);
  const { common, proper } = dictionaryWords(fs.readFileSync(dic, 'utf8'));
  return (lexicon = { common: new Set(common), proper: new Set(proper) });
}

/** The prebuilt tables, when they are there and not older than the dictionary. */
function fromTables(dic: string, file: string): Lexicon | null {
  const bytes = readBuilt(file, [dic]);
  if (!bytes || bytes.length < 4) return null;
  const split = bytes.readUInt32LE(0);
  const common = WordTable.fromBytes(bytes.subarray(4, 4 + split));
  const proper = WordTable.fromBytes(bytes.subarray(4 + split));
  return common && proper ? { common, proper } : null;
}

/** Writes the prebuilt tables for the dictionary in data directory `dir` (the build calls this). */
export function writeLexiconTables(dir: string): void {
  const dic = path.join(dir, DIC);
  if (!fs.existsSync(dic)) return;
  const { common, proper } = dictionaryWords(fs.readFileSync(dic, 'utf8'));
  const a = WordTable.of(common).toBytes();
  const b = WordTable.of(proper).toBytes();
  const out = Buffer.alloc(4 + a.length + b.length);
  out.writeUInt32LE(a.length, 0);
  out.set(a, 4);
  out.set(b, 4 + a.length);
  fs.writeFileSync(path.join(dir, TABLES), out);
}

/** The words of the dictionary as the lexicon reads them (for tests). */
export function lexiconWords(): { common: string[]; proper: string[] } {
  const dic = path.join(dataDir(), DIC);
  return fs.existsSync(dic) ? dictionaryWords(fs.readFileSync(dic, 'utf8')) : { common: [], proper: [] };
}

/** The lexicon in use, and whether it was read from the prebuilt tables (for tests). */
export function loadedLexicon(): Lexicon & { fromTables: boolean } {
  const l = load();
  return { ...l, fromTables: l.common instanceof WordTable };
}

const DERIVED: [string, ...string[]][] = [['er', '', 'e'], ['est', '', 'e'], ['ly', '', 'le'], ['ily', 'y'], ['ed', '', 'e'], ['ied', 'y'], ['ing', '', 'e'], ['ers', '', 'e'], ['ness', ''], ['ment', '']];

// Answers per spelling: the same capitalised words recur through a story and every names and quotes
// check asks about them. Bounded, emptied when full.
const MEMO_SIZE = 50_000;
const commonMemo = new Map<string, boolean>();
const nameMemo = new Map<string, boolean>();

function remember(memo: Map<string, boolean>, word: string, value: boolean): boolean {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(keepable(word), value);
  return value;
}


/** A common English word, allowing a plural or possessive ending (Councils, Minister’s). */
export function isCommonWord(word: string): boolean {
  const hit = commonMemo.get(word);
  return hit ?? remember(commonMemo, word, commonWord(word));
}

function commonWord(word: string): boolean {
  const { common } = load();
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (common.has(w)) return true;
  if (w.endsWith('s') && common.has(w.slice(0, -1))) return true;
  if (/(?:s|x|z|ch|sh)es$/.test(w) && common.has(w.slice(0, -2))) return true;
  if (w.endsWith('ies') && common.has(w.slice(0, -3) + 'y')) return true;
  // The dictionary lists stems; derived forms (later, quickly, opened, going) come from affix rules.
  for (const [suffix, ...bases] of DERIVED) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const stem = w.slice(0, -suffix.length);
    if (bases.some((b) => common.has(stem + b))) return true;
    if (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && common.has(stem.slice(0, -1))) return true;
  }
  return false;
}

/** A proper name the dictionary lists (Austria, Johnson, Mali). */
export function isDictionaryName(word: string): boolean {
  const hit = nameMemo.get(word);
  return hit ?? remember(nameMemo, word, dictionaryName(word));
}

function dictionaryName(word: string): boolean {
  const { proper } = load();
  const w = word.replace(/['’]s?$/, '');
  return proper.has(w) || (w.endsWith('s') && proper.has(w.slice(0, -1)));
}
