// What the English dictionary knows about a word: a common word (lower-case entry) or a proper name it
// lists (capitalised entry). Loaded once, lazily, from the Hunspell .dic shipped in server/data/dict.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keepable } from '../document/memo.js';
import { dataDir } from '../style/paths.js';

interface Lexicon {
  common: Set<string>;
  proper: Set<string>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const common = new Set<string>();
  const proper = new Set<string>();
  const file = path.join(dataDir(), 'dict', 'en-US', 'index.dic');
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    let i = text.indexOf('\n') + 1;
    while (i < text.length) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = text.length;
      const slash = text.indexOf('/', i);
      const word = text.slice(i, slash >= 0 && slash < j ? slash : j);
      const c = word.charCodeAt(0);
      if (c >= 65 && c <= 90) proper.add(word);
      else common.add(word);
      i = j + 1;
    }
  }
  return (lexicon = { common, proper });
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
