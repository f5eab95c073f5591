// Per-block work the names checks share: the capitalised words, sliced once (each check used to slice and
// strip every capitalised token again) and the mentions built from them.
import { keepable, perBlock } from '../document/memo.js';
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind, type Tokens } from '../document/tokens.js';
import type { WordFacts } from './facts.js';
import type { Mention } from './mentions.js';

export interface CapitalisedWords {
  count: number;
  /** Token index of each capitalised word, in text order. */
  tok: number[];
  /** The word as written. */
  raw: string[];
  /** The word without a possessive ending ('s, ’s); the same string as `raw` when it has none. */
  word: string[];
}

/** What the names checks work out once per block and share. */
export interface BlockWork {
  tokens: Tokens;
  words?: CapitalisedWords;
  /** The block's name mentions (names/mentions.ts). */
  mentions?: Mention[];
  /** What a house style knows of each capitalised word (names/facts.ts). */
  facts?: { of: object; list: WordFacts[] };
}

/** The names work of a block, filled in by the checks that need each part. */
export const blockWork = perBlock((block: Block): BlockWork => ({ tokens: block.tokens, words: undefined, mentions: undefined, facts: undefined }));

export function capitalisedWords(block: Block): CapitalisedWords {
  const work = blockWork(block);
  return (work.words ??= findCapitalised(block));
}


function findCapitalised(block: Block): CapitalisedWords {
  const t = block.tokens;
  const prose = block.prose;
  const tok: number[] = [];
  const raw: string[] = [];
  const word: string[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== TokenKind.Word || !(t.flags[i]! & TokenFlag.Cap)) continue;
    const s = t.start[i]!;
    const e = t.end[i]!;
    const r = shared(prose.slice(s, e));
    tok.push(i);
    raw.push(r);
    // A word token never ends in an apostrophe (the tokenizer joins one only before a letter), so a
    // possessive ending is always the two characters 's or ’s.
    word.push(possessiveAt(prose, s, e) ? shared(prose.slice(s, e - 2)) : r);
  }
  return { count: tok.length, tok, raw, word };
}

// Capitalised words recur (a story names the same people and places again and again) and the mentions
// built from them live until the document phase: one string per spelling, not one per occurrence, keeps a
// long story's mentions small (the young copies die at once) and hashes each spelling once.
const SPELLINGS_MAX = 100_000;
const spellings = new Map<string, string>();

function shared(s: string): string {
  const known = spellings.get(s);
  if (known !== undefined) return known;
  if (spellings.size >= SPELLINGS_MAX) spellings.clear();
  const kept = keepable(s);
  spellings.set(kept, kept);
  return kept;
}

/** The token text prose[s, e) ends in 's or ’s (and has something before it). */
export function possessiveAt(prose: string, s: number, e: number): boolean {
  if (e - s < 3 || prose.charCodeAt(e - 1) !== 115) return false;
  const c = prose.charCodeAt(e - 2);
  return c === 39 || c === 0x2019;
}

/** Exactly one space between two tokens ending at `end` and starting at `start`. */
export function oneSpace(prose: string, end: number, start: number): boolean {
  return start === end + 1 && prose.charCodeAt(end) === 32;
}
