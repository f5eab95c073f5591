// Name-like words of a block (capitalised words that are not ordinary words capitalised by position),
// with the neighbours that tell people apart: a given name before, a surname after.
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind } from '../document/tokens.js';
import { isCommonWord } from './lexicon.js';
import { isTitleOrNationality } from './titles.js';

export interface Mention {
  /** The name as written, possessive ending removed; upper-case datelines in title case. */
  text: string;
  start: number;
  end: number;
  prev: string | null;
  /** Where the previous name word starts, and the word before it (Zaw Min Htet: Min, then Zaw). */
  prevStart: number;
  prev2: string | null;
  prev2Start: number;
  next: string | null;
  /** First word of its sentence. */
  initial: boolean;
  /** Written in capitals (a dateline): counts as a mention but is never itself corrected. */
  upper: boolean;
  /** Inside a quoted title of a work ("Sizwe Banzi Is Dead"). */
  title: boolean;
  quoted: boolean;
}

const POSSESSIVE = /['’]s?$/;
export const MAX_NAME = 40;

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[-\s'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function blockMentions(block: Block): Mention[] {
  const t = block.tokens;
  const prose = block.prose;
  const titles = titleSpans(block);
  const out: Mention[] = [];
  for (let i = 0; i < t.count; i++) {
    const f = t.flags[i]!;
    if (t.kind[i] !== TokenKind.Word || !(f & TokenFlag.Cap)) continue;
    const s = t.start[i]!;
    let e = t.end[i]!;
    let raw = prose.slice(s, e);
    const poss = POSSESSIVE.exec(raw);
    if (poss && raw.length - poss[0].length >= 3) {
      raw = raw.slice(0, raw.length - poss[0].length);
      e = s + raw.length;
    }
    // Names are 3 to 40 letters; longer runs are not names (and would make similarity work quadratic).
    if (raw.length < 3 || raw.length > MAX_NAME || /\d/.test(raw)) continue;
    // Contractions (I'm, We've) are not names; O'Brien is.
    if (/['’]\p{Ll}/u.test(raw)) continue;
    const upper = raw.length > 1 && raw === raw.toUpperCase();
    if (upper && raw.length <= 4) continue; // acronyms: NATO, EU, IMF
    const text = upper ? titleCase(raw) : raw;
    const initial = (f & TokenFlag.SentenceStart) !== 0;
    if (initial && isCommonWord(text)) continue;
    const prev = neighbour(block, i, -1);
    const prev2 = prev ? neighbour(block, i - 1, -1) : null;
    out.push({
      text,
      start: s,
      end: e,
      prev,
      prevStart: prev ? t.start[i - 1]! : -1,
      prev2,
      prev2Start: prev2 ? t.start[i - 2]! : -1,
      next: neighbour(block, i, 1),
      initial,
      upper,
      title: titles.some(([a, b]) => s > a && e <= b),
      quoted: (f & TokenFlag.InQuote) !== 0,
    });
  }
  return out;
}

/** The capitalised word right before or after token i (one space apart, same sentence), if any. */
const PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'del', 'della', 'der', 'van', 'von', 'da', 'dos', 'du', 'la', 'le', 'ben', 'abu']);

function neighbour(block: Block, i: number, dir: -1 | 1): string | null {
  const t = block.tokens;
  let j = i + dir;
  if (j < 0 || j >= t.count) return null;
  // Osama bin Laden, Ursula von der Leyen: lower-case particles join the parts of one name.
  if (dir > 0 && t.kind[j] === TokenKind.Word && PARTICLES.has(block.prose.slice(t.start[j], t.end[j])) && j + 1 < t.count && block.prose.slice(t.end[i], t.start[j]) === ' ') {
    return block.prose.slice(t.start[j], t.end[j]);
  }
  if (j < 0) return null;
  if (dir < 0) {
    const w = block.prose.slice(t.start[j], t.end[j]);
    // "But Pistorius", "Minister Fidan": a sentence-initial word or a title is not part of the name.
    if ((t.flags[j]! & TokenFlag.SentenceStart && isCommonWord(w)) || isTitleOrNationality(w)) return null;
  }
  if (t.kind[j] !== TokenKind.Word || !(t.flags[j]! & TokenFlag.Cap)) return null;
  const gap = dir < 0 ? block.prose.slice(t.end[j], t.start[i]) : block.prose.slice(t.end[i], t.start[j]);
  if (gap !== ' ') return null;
  if (dir > 0 && t.flags[j]! & TokenFlag.SentenceStart) return null;
  return block.prose.slice(t.start[j], t.end[j]).replace(POSSESSIVE, '');
}

/** Quoted spans that read as titles of works: two or more words, nearly all of them capitalised. */
function titleSpans(block: Block): [number, number][] {
  const out: [number, number][] = [];
  for (const q of block.quotes.spans) {
    if (q.close < 0) continue;
    const inner = block.prose.slice(q.open + 1, q.close).replace(/[,.!?]+$/, '');
    const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2 || words.length > 12) continue;
    const significant = words.filter((w) => w.length > 3 || /^\p{Lu}/u.test(w));
    const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w));
    if (capitalised.length >= 2 && capitalised.length >= significant.length * 0.75) out.push([q.open, q.close]);
  }
  return out;
}
