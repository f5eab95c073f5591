// Every listed phrase (names, variants, substitutions) in one hash keyed by its first word, matched
// against a block's token index in a single pass; never one regular expression per entry.
import { perBlock } from '../document/memo.js';
import type { Block } from '../document/model.js';
import { tokenize, TokenKind, type Tokens } from '../document/tokens.js';
import { WordFilter, WordShapes } from './wordfilter.js';

export type PhraseKind = 'name' | 'variant' | 'substitution' | 'name-short';

export interface Phrase {
  text: string;
  words: string[];
  kind: PhraseKind;
  /** Index of the owning entry in the style's names or substitutions. */
  entry: number;
  caseSensitive: boolean;
}

export interface PhraseMatch {
  phrase: Phrase;
  tokFrom: number;
  tokTo: number;
  start: number;
  end: number;
}

const POSSESSIVE = /'s?$/;

export class PhraseIndex {
  private readonly byFirst = new Map<string, Phrase[]>();
  // Cheap pre-filters (length of the first word, its first character) so most tokens are rejected
  // without allocating a string.
  private readonly firstLengths = new Uint8Array(256);
  private readonly firstPairs = new Set<number>();
  /** firstPairs for two folded ASCII characters, one bit each: (c0 << 7) | c1 (2 KB). */
  private readonly firstPairsAscii = new Uint32Array(1 << 9);
  private readonly firstWords = new WordFilter();
  private readonly firstShapes = new WordShapes([], true);
  size = 0;

  add(text: string, kind: PhraseKind, entry: number, caseSensitive = false): void {
    const t = tokenize(text);
    const words: string[] = [];
    for (let i = 0; i < t.count; i++) words.push(fold(text.slice(t.start[i], t.end[i])));
    if (words.length === 0) return;
    const p: Phrase = { text, words, kind, entry, caseSensitive };
    this.firstWords.add(words[0]!);
    this.firstShapes.add(words[0]!);
    this.firstLengths[Math.min(255, t.end[0]! - t.start[0]!)] = 1;
    const c0 = text.charCodeAt(t.start[0]!);
    const f0 = foldCode(c0);
    const f1 = foldCode(text.charCodeAt(t.start[0]! + 1));
    this.firstPairs.add((f0 << 16) | f1);
    if (f0 < 128 && f1 < 128) this.firstPairsAscii[(f0 << 2) | (f1 >>> 5)]! |= 1 << (f1 & 31);
    const list = this.byFirst.get(words[0]!);
    if (list) {
      list.push(p);
      list.sort((a, b) => b.words.length - a.words.length);
    } else this.byFirst.set(words[0]!, [p]);
    this.size++;
  }

  /** All matches in a block, longest first at each position, non-overlapping within one kind group.
   *  Checks ask through blockPhrases, which works them out once per block. */
  match(prose: string, t: Tokens): PhraseMatch[] {
    return this.size === 0 ? [] : this.scan(prose, t);
  }

  private scan(prose: string, t: Tokens): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] === TokenKind.Punct) continue;
      const len = t.end[i]! - t.start[i]!;
      const s0 = t.start[i]!;
      if (!this.firstLengths[Math.min(255, len)] && !this.firstLengths[Math.min(255, len - 2)]) continue;
      const c0 = prose.charCodeAt(s0);
      const c1 = prose.charCodeAt(s0 + 1);
      // The first two characters, folded, must be a first word's: by the bitmap when both are ASCII.
      if (c0 < 128 && c1 < 128) {
        const f1 = asciiFold(c1);
        if (!(this.firstPairsAscii[(asciiFold(c0) << 2) | (f1 >>> 5)]! & (1 << (f1 & 31)))) continue;
      } else if (!this.firstPairs.has((foldCode(c0) << 16) | foldCode(c1))) continue;
      // The first word (or it without a possessive, ' or 's folded), read in place: most tokens are
      // surely not one, by their shape and then by their hash.
      const e0 = t.end[i]!;
      if (!this.firstShapes.mayBe(prose, s0, e0) || !this.firstWords.mayHave(prose, s0, e0)) {
        const last = prose.charCodeAt(e0 - 1);
        const cut = last === 39 || last === 0x2019 ? 1 : (last === 115 || last === 83) && (prose.charCodeAt(e0 - 2) === 39 || prose.charCodeAt(e0 - 2) === 0x2019) ? 2 : 0;
        if (cut === 0 || !this.firstShapes.mayBe(prose, s0, e0 - cut) || !this.firstWords.mayHave(prose, s0, e0 - cut)) continue;
      }
      const first = fold(prose.slice(t.start[i], t.end[i]));
      const list = this.byFirst.get(first) ?? (possessive(first) ? this.byFirst.get(first.replace(POSSESSIVE, '')) : undefined);
      if (!list) continue;
      for (const p of list) {
        const to = i + p.words.length;
        if (to > t.count) continue;
        let ok = true;
        let end = t.end[to - 1]!;
        for (let k = 0; k < p.words.length && ok; k++) {
          const j = i + k;
          // Words of a phrase are separated by spacing only.
          if (k > 0 && !isSpacing(prose, t.end[j - 1]!, t.start[j]!)) ok = false;
          else if (k > 0 || p.words.length === 1) {
            // The first word is folded already; a later one is compared in place when it is plain ASCII
            // (the last is read the slow way when it differs: it may carry a possessive).
            if (k > 0) {
              const same = compareFolded(prose, t.start[j]!, t.end[j]!, p.words[k]!);
              if (same === 1) continue;
              if (same === 0 && k < p.words.length - 1) {
                ok = false;
                continue;
              }
            }
            const word = k === 0 ? first : fold(prose.slice(t.start[j], t.end[j]));
            if (word === p.words[k]) continue;
            // The last word may carry a possessive (Mohammad bin Salman's), which stays out of the match.
            if (k === p.words.length - 1 && POSSESSIVE.test(word) && word.replace(POSSESSIVE, '') === p.words[k]) end = t.end[j]! - POSSESSIVE.exec(word)![0].length;
            else ok = false;
          }
        }
        if (!ok) continue;
        const start = t.start[i]!;
        if (p.caseSensitive && !sameCaseInsensitiveSpacing(prose.slice(start, end), p.text)) continue;
        out.push({ phrase: p, tokFrom: i, tokTo: to, start, end });
      }
    }
    return out;
  }
}

/** POSSESSIVE.test(word), without the regular expression. */
function possessive(word: string): boolean {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  return last === 39 || (last === 115 && word.charCodeAt(n - 2) === 39);
}

/** /^\s+$/.test(prose.slice(from, to)), without the slice: JavaScript's \s, character by character. */
function isSpacing(prose: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = prose.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}

/** fold(prose.slice(from, to)) === word, read in place: 1 equal, 0 different, -1 not known without
 *  folding (a character outside ASCII, whose lower case may differ in length). */
function compareFolded(prose: string, from: number, to: number, word: string): -1 | 0 | 1 {
  const n = to - from;
  // Folding never shortens a string.
  if (n > word.length) return 0;
  let ascii = true;
  let same = n === word.length;
  for (let k = 0; k < n; k++) {
    let c = prose.charCodeAt(from + k);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) c += 32;
    if (same && c !== word.charCodeAt(k)) same = false;
  }
  if (!ascii) return -1;
  return same ? 1 : 0;
}

// The names and substitution checks all read a block's matches: worked out once per block and index.
const matchesOf = perBlock((): { index: PhraseIndex | null; matches: readonly PhraseMatch[] } => ({ index: null, matches: [] }));

/** The index's matches in a block (shared, read only). */
export function blockPhrases(block: Block, index: PhraseIndex): readonly PhraseMatch[] {
  const m = matchesOf(block);
  if (m.index !== index) {
    m.index = index;
    m.matches = index.match(block.prose, block.tokens);
  }
  return m.matches;
}

function sameCaseInsensitiveSpacing(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
}

function asciiFold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Case-folded form used as the key of listed phrases. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}
