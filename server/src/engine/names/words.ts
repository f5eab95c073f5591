// The capitalised words of a block, sliced once and shared by every names check (mentions, misspellings,
// first references): each check used to slice and strip every capitalised token again.
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind, type Tokens } from '../document/tokens.js';
import type { Mention } from './mentions.js';

export interface CapitalisedWords {
  count: number;
  /** Token index of each capitalised word, in text order. */
  tok: number[];
  /** The word as written. */
  raw: string[];
  /** The word without a possessive ending ('s, ’s); the same string as `raw` when it has none. */
  word: string[];
  /** The block's name mentions (names/mentions.ts), kept here so a block needs one memo entry. */
  mentions?: Mention[];
}

// Kept for the checks that come after on the same block, in a small table indexed by the block's position:
// the runner takes a batch of consecutive blocks (128) through one check after another, so they meet their
// block in its slot; any other caller just works it out again. A long-lived WeakMap cost more (its table
// fills with the dead blocks of earlier runs until a full collection). Holds at most SLOTS blocks.
const SLOTS = 256;
const slotTokens: (Tokens | undefined)[] = new Array(SLOTS).fill(undefined);
const slotWords: (CapitalisedWords | undefined)[] = new Array(SLOTS).fill(undefined);

export function capitalisedWords(block: Block): CapitalisedWords {
  const t = block.tokens;
  const slot = block.index & (SLOTS - 1);
  if (slotTokens[slot] === t) return slotWords[slot]!;
  const prose = block.prose;
  const tok: number[] = [];
  const raw: string[] = [];
  const word: string[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== TokenKind.Word || !(t.flags[i]! & TokenFlag.Cap)) continue;
    const s = t.start[i]!;
    const e = t.end[i]!;
    const r = prose.slice(s, e);
    tok.push(i);
    raw.push(r);
    // A word token never ends in an apostrophe (the tokenizer joins one only before a letter), so a
    // possessive ending is always the two characters 's or ’s.
    word.push(possessiveAt(prose, s, e) ? prose.slice(s, e - 2) : r);
  }
  const out: CapitalisedWords = { count: tok.length, tok, raw, word, mentions: undefined };
  slotTokens[slot] = t;
  slotWords[slot] = out;
  return out;
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
