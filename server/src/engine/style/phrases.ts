// Every listed phrase (names, variants, substitutions) in one hash keyed by its first word, matched
// against a block's token index in a single pass; never one regular expression per entry.
import { tokenize, TokenKind, type Tokens } from '../document/tokens.js';

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
  private readonly firstChars = new Set<number>();
  private readonly firstPairs = new Set<number>();
  size = 0;

  add(text: string, kind: PhraseKind, entry: number, caseSensitive = false): void {
    const t = tokenize(text);
    const words: string[] = [];
    for (let i = 0; i < t.count; i++) words.push(fold(text.slice(t.start[i], t.end[i])));
    if (words.length === 0) return;
    const p: Phrase = { text, words, kind, entry, caseSensitive };
    this.firstLengths[Math.min(255, t.end[0]! - t.start[0]!)] = 1;
    const c0 = text.charCodeAt(t.start[0]!);
    this.firstChars.add(foldCode(c0));
    this.firstPairs.add((foldCode(c0) << 16) | foldCode(text.charCodeAt(t.start[0]! + 1)));
    const list = this.byFirst.get(words[0]!);
    if (list) {
      list.push(p);
      list.sort((a, b) => b.words.length - a.words.length);
    } else this.byFirst.set(words[0]!, [p]);
    this.size++;
  }

  /** All matches in a block, longest first at each position, non-overlapping within one kind group. */
  match(prose: string, t: Tokens): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    if (this.size === 0) return out;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] === TokenKind.Punct) continue;
      const len = t.end[i]! - t.start[i]!;
      const s0 = t.start[i]!;
      if ((!this.firstLengths[Math.min(255, len)] && !this.firstLengths[Math.min(255, len - 2)]) || !this.firstPairs.has((foldCode(prose.charCodeAt(s0)) << 16) | foldCode(prose.charCodeAt(s0 + 1)))) continue;
      const first = fold(prose.slice(t.start[i], t.end[i]));
      const list = this.byFirst.get(first) ?? (POSSESSIVE.test(first) ? this.byFirst.get(first.replace(POSSESSIVE, '')) : undefined);
      if (!list) continue;
      for (const p of list) {
        const to = i + p.words.length;
        if (to > t.count) continue;
        let ok = true;
        let end = t.end[to - 1]!;
        for (let k = 0; k < p.words.length && ok; k++) {
          const j = i + k;
          // Words of a phrase are separated by spacing only.
          if (k > 0 && !/^\s+$/.test(prose.slice(t.end[j - 1], t.start[j]))) ok = false;
          else if (k > 0 || p.words.length === 1) {
            const word = fold(prose.slice(t.start[j], t.end[j]));
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

function sameCaseInsensitiveSpacing(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
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
