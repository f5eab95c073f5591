// What the names checks ask about each capitalised word under a house style, answered once per spelling
// and read once per block: names.misspelled (a word of a listed name? worth a fuzzy look?) and
// names.reference (a listed person's surname?) used to look every word up in several tables each.
import type { Block } from '../document/model.js';
import type { CompiledStyle } from '../style/types.js';
import { knownNames, type KnownNames } from './known.js';
import { keepable } from '../document/memo.js';
import { isCommonWord, isDictionaryName } from './lexicon.js';
import { MAX_NAME } from './mentions.js';
import { blockWork, capitalisedWords } from './words.js';

export interface WordFacts {
  /** Indices of the listed entries whose canonical name has this word. */
  canonical: number[] | undefined;
  /** Could be a misspelling of a listed name's word: 5 to 40 letters, and not a listed or known word,
   *  an ordinary word or a name the dictionary lists. */
  fuzzy: boolean;
  /** The listed person this word is the (unambiguous) surname of, or -1. */
  surname: number;
}

interface StyleFacts {
  known: KnownNames;
  surnames: Map<string, number>;
  /** Facts per spelling; bounded, emptied when full. */
  bySpelling: Map<string, WordFacts>;
}

const MAX_SPELLINGS = 50_000;

/** The facts of each capitalised word of the block (in the order of capitalisedWords). */
export function wordFacts(block: Block, style: CompiledStyle): WordFacts[] {
  const work = blockWork(block);
  const sf = styleFacts(style);
  if (work.facts?.of === sf) return work.facts.list;
  const cw = capitalisedWords(block);
  const list = new Array<WordFacts>(cw.count);
  for (let n = 0; n < cw.count; n++) {
    const word = cw.word[n]!;
    let f = sf.bySpelling.get(word);
    if (f === undefined) {
      f = factsOf(word, sf);
      if (sf.bySpelling.size >= MAX_SPELLINGS) sf.bySpelling.clear();
      sf.bySpelling.set(keepable(word), f);
    }
    list[n] = f;
  }
  work.facts = { of: sf, list };
  return list;
}

function factsOf(word: string, { known, surnames }: StyleFacts): WordFacts {
  return {
    canonical: known.canonicalIndices.get(word),
    fuzzy: !(word.length < 5 || word.length > MAX_NAME || known.words.has(word) || isCommonWord(word) || isDictionaryName(word)),
    surname: surnames.get(word) ?? -1,
  };
}

function styleFacts(style: CompiledStyle): StyleFacts {
  const hit = style.memo.get('names.facts') as StyleFacts | undefined;
  if (hit) return hit;
  const sf: StyleFacts = { known: knownNames(style), surnames: surnameIndex(style), bySpelling: new Map() };
  style.memo.set('names.facts', sf);
  return sf;
}

/** Surnames of listed people (the short form, or the last word of the name) → the entry; a surname two
 *  listed people share is left out. */
function surnameIndex(style: CompiledStyle): Map<string, number> {
  const map = new Map<string, number>();
  const ambiguous = new Set<string>();
  style.config.names.forEach((n, i) => {
    if (n.kind !== 'person') return;
    const parts = n.name.split(/\s+/);
    if (parts.length < 2) return;
    const surname = n.short ?? parts[parts.length - 1]!;
    if (surname.includes(' ')) return;
    if (map.has(surname)) ambiguous.add(surname);
    map.set(surname, i);
  });
  for (const s of ambiguous) map.delete(s);
  return map;
}
