// Sentence boundaries from the token index: a terminal mark ends a sentence unless it closes a known
// abbreviation or an initial; closing quotes and brackets right after it stay with the sentence.
import { TokenFlag, TokenKind, type Tokens } from './tokens.js';

export interface Sentence {
  start: number;
  end: number;
  /** Token range [tokFrom, tokTo) in the block's token index. */
  tokFrom: number;
  tokTo: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cmdr', 'adm',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'est',
  'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m', 'd.c', 'u.s.a', 'st', 'ave', 'blvd', 'dept', 'univ', 'fig',
]);
const NUMBERED = new Set(['no', 'nos', 'fig', 'art', 'vol', 'p', 'pp']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

export function splitSentences(text: string, t: Tokens): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const n = t.count;
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== TokenKind.Punct) continue;
    const c = text.charCodeAt(t.start[i]!);
    // . ! ? …
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    if (c === 46 && i > from && isAbbreviation(text, t, i - 1)) continue;
    let last = i;
    while (last + 1 < n && t.kind[last + 1] === TokenKind.Punct && t.start[last + 1] === t.end[last] && (CLOSERS.has(text[t.start[last + 1]!]!) || isTerminal(text.charCodeAt(t.start[last + 1]!)))) last++;
    const next = last + 1;
    // A lower-case word after the mark continues the sentence ("said the U.S. official"), and so does a
    // comma or semicolon ("Paul Ryan, R-Wis., said").
    if (next < n && t.kind[next] === TokenKind.Word && !(t.flags[next]! & TokenFlag.Cap)) continue;
    if (next < n && t.kind[next] === TokenKind.Punct && /[,;:)\]]/.test(text[t.start[next]!]!)) continue;
    out.push({ start: t.start[from]!, end: t.end[last]!, tokFrom: from, tokTo: next });
    from = next;
    i = last;
  }
  if (from < n) out.push({ start: t.start[from]!, end: t.end[n - 1]!, tokFrom: from, tokTo: n });
  for (const s of out) if (s.tokFrom < n) t.flags[s.tokFrom] = t.flags[s.tokFrom]! | TokenFlag.SentenceStart;
  return out;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isAbbreviation(text: string, t: Tokens, i: number): boolean {
  if (t.end[i] !== t.start[i + 1]) return false;
  if (t.kind[i] !== TokenKind.Word) return false;
  const w = text.slice(t.start[i], t.end[i]);
  // Single capital letters are initials (George W. Bush).
  if (w.length === 1 && t.flags[i]! & TokenFlag.Cap) return true;
  const lower = w.toLowerCase();
  // "No. 5" and "Fig. 2" abbreviate only before a number; "said no." ends a sentence.
  if (NUMBERED.has(lower)) return t.kind[i + 2] === TokenKind.Number;
  return ABBREVIATIONS.has(lower);
}
