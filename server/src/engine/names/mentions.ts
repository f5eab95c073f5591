// Name-like words of a block (capitalised words that are not ordinary words capitalised by position),
// with the neighbours that tell people apart: a given name before, a surname after.
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind } from '../document/tokens.js';
import { isCommonWord } from './lexicon.js';
import { isTitleOrNationality } from './titles.js';
import { blockWork, capitalisedWords, oneSpace, type CapitalisedWords } from './words.js';

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

export const MAX_NAME = 40;

// Unicode property patterns live in constants: the bundle (target node18) turns a \p{…} literal into a
// RegExp constructed on every call.
const WORD_START = /(^|[-\s'’])(\p{L})/gu;
const CONTRACTION = /['’]\p{Ll}/u;
const LETTER = /\p{L}/u;
const INITIAL_UPPER = /^\p{Lu}/u;

function titleCase(s: string): string {
  return s.toLowerCase().replace(WORD_START, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The block's mentions, worked out once and shared by names.inconsistent and names.archive: callers
 *  must not change them (copy a mention to amend it). */
export function blockMentions(block: Block): Mention[] {
  const work = blockWork(block);
  return (work.mentions ??= findMentions(block, capitalisedWords(block)));
}

function findMentions(block: Block, cw: CapitalisedWords): Mention[] {
  const t = block.tokens;
  const prose = block.prose;
  const hasQuotes = block.quotes.spans.length > 0;
  if (hasQuotes) clearTitles(block.quotes.spans.length);
  const out: Mention[] = [];
  for (let k = 0; k < cw.count; k++) {
    const i = cw.tok[k]!;
    const raw = cw.word[k]!;
    // Names are 3 to 40 letters; longer runs are not names (and would make similarity work quadratic).
    // (A possessive left on a word under 3 letters is a contraction, never a name.)
    if (raw.length < 3 || raw.length > MAX_NAME) continue;
    const s = t.start[i]!;
    const e = s + raw.length;
    let lower = false;
    let apostrophe = false;
    let wide = false;
    let digit = false;
    for (let p = s; p < e; p++) {
      const c = prose.charCodeAt(p);
      if (c >= 97 && c <= 122) lower = true;
      else if (c >= 48 && c <= 57) {
        digit = true;
        break;
      } else if (c === 39 || c === 0x2019) apostrophe = true;
      else if (c >= 128) wide = true;
    }
    if (digit) continue;
    // Contractions (I'm, We've) are not names; O'Brien is.
    if (apostrophe && CONTRACTION.test(raw)) continue;
    const upper = !lower && (!wide || raw === raw.toUpperCase());
    if (upper && raw.length <= 4) continue; // acronyms: NATO, EU, IMF
    const text = upper ? titleCase(raw) : raw;
    const f = t.flags[i]!;
    const initial = (f & TokenFlag.SentenceStart) !== 0;
    if (initial && isCommonWord(text)) continue;
    // The capitalised word right before (and the one before that), one space apart.
    let prev: string | null = null;
    let prev2: string | null = null;
    if (k > 0 && cw.tok[k - 1] === i - 1 && partOfName(block, cw, k - 1, i)) {
      prev = cw.word[k - 1]!;
      if (k > 1 && cw.tok[k - 2] === i - 2 && partOfName(block, cw, k - 2, i - 1)) prev2 = cw.word[k - 2]!;
    }
    out.push({
      text,
      start: s,
      end: e,
      prev,
      prevStart: prev ? t.start[i - 1]! : -1,
      prev2,
      prev2Start: prev2 ? t.start[i - 2]! : -1,
      next: nextWord(block, cw, k, i),
      initial,
      upper,
      title: hasQuotes && inTitle(block, s, e),
      quoted: (f & TokenFlag.InQuote) !== 0,
    });
  }
  // An exact-length copy: the list lives until the document phase, and a pushed-to array keeps room for
  // 17 entries or more (most blocks have a handful of mentions; ~10 MB at a million words).
  return out.length ? out.slice() : NO_MENTIONS;
}

const NO_MENTIONS: Mention[] = [];

/** Osama bin Laden, Ursula von der Leyen: lower-case particles join the parts of one name. */
const PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'del', 'della', 'der', 'van', 'von', 'da', 'dos', 'du', 'la', 'le', 'ben', 'abu']);

/** The capitalised word cw[j] (token i - 1) stands one space before token i as part of the same name:
 *  "But Pistorius", "Minister Fidan": a sentence-initial ordinary word or a title is not part of it. */
function partOfName(block: Block, cw: CapitalisedWords, j: number, i: number): boolean {
  const t = block.tokens;
  const p = cw.tok[j]!;
  if (!oneSpace(block.prose, t.end[p]!, t.start[i]!)) return false;
  const w = cw.raw[j]!;
  return !((t.flags[p]! & TokenFlag.SentenceStart && isCommonWord(w)) || isTitleOrNationality(w));
}

/** The word right after cw[k] (token i), one space apart: a capitalised word in the same sentence, or a particle. */
function nextWord(block: Block, cw: CapitalisedWords, k: number, i: number): string | null {
  const t = block.tokens;
  const j = i + 1;
  if (j >= t.count || !oneSpace(block.prose, t.end[i]!, t.start[j]!)) return null;
  if (k + 1 < cw.count && cw.tok[k + 1] === j) return t.flags[j]! & TokenFlag.SentenceStart ? null : cw.word[k + 1]!;
  if (t.kind[j] !== TokenKind.Word || j + 1 >= t.count) return null;
  const len = t.end[j]! - t.start[j]!;
  if (len < 2 || len > 4) return null;
  const w = block.prose.slice(t.start[j], t.end[j]);
  return PARTICLES.has(w) ? w : null;
}

/** Inside a quoted span that reads as a title of a work. */
// Whether each quote span of the block being read is a title, worked out only for spans a mention falls in:
// 0 not yet, 1 yes, 2 no. One array for every block (findMentions never runs inside itself).
let titles = new Uint8Array(64);

function clearTitles(n: number): void {
  if (titles.length < n) titles = new Uint8Array(n * 2);
  else titles.fill(0, 0, n);
}

function inTitle(block: Block, s: number, e: number): boolean {
  const spans = block.quotes.spans;
  for (let n = 0; n < spans.length; n++) {
    const q = spans[n]!;
    // Spans come in order of their opening mark: none after this one opens before the word.
    if (q.open >= s) break;
    if (q.close < 0 || e > q.close) continue;
    if (titles[n] === 0) titles[n] = readsAsTitle(block.prose, q.open, q.close) ? 1 : 2;
    if (titles[n] === 1) return true;
  }
  return false;
}

/** A quoted span that reads as a title: two or more words, nearly all of them capitalised. */
function readsAsTitle(prose: string, open: number, close: number): boolean {
  // Most quotes are sentences: more than 12 space-separated pieces with a letter rule a title out unsplit.
  let pieces = 0;
  let letter = false;
  for (let p = open + 1; p < close; p++) {
    const c = prose.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (letter && ++pieces > 12) return false;
      letter = false;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letter = true;
  }
  const inner = prose.slice(open + 1, close).replace(/[,.!?]+$/, '');
  const words = inner.split(/\s+/).filter((w) => LETTER.test(w));
  if (words.length < 2 || words.length > 12) return false;
  const significant = words.filter((w) => w.length > 3 || INITIAL_UPPER.test(w));
  const capitalised = significant.filter((w) => INITIAL_UPPER.test(w));
  return capitalised.length >= 2 && capitalised.length >= significant.length * 0.75;
}
