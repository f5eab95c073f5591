import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { capitalize, DESIGNATORS, FIGURE_UNITS, nearNumber, sentenceOf, spellNumber, TokenView } from '../../style/numbers.js';
import type { RawFinding } from '../../types.js';

const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
// Spelled-out numbers that are idioms or part of a larger number, not counts to put in figures.
const BIG = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'dozen', 'dozens']);
// Words after a spelled-out number that make it an idiom or a casual use ("ten times out of ten" is fine).
const CASUAL_BEFORE = new Set(['top', 'of', 'out', 'the', 'big', 'eleven', 'catch']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
// Words after which an ordinal keeps its figures (AP: 9th Circuit, 7th Congressional District, 5th Street).
const ORDINAL_FIGURES = new Set(['congressional', 'district', 'districts', 'circuit', 'precinct', 'ward', 'street', 'avenue', 'ave', 'st', 'fleet', 'army', 'division', 'infantry', 'regiment', 'battalion', 'brigade', 'corps', 'amendment', 'century']);
// Characters that, right before or after a figure, make it part of something else: $5, #5, 5%, 5/8, 9:30, 1,000, 3.5.
const GLUED_BEFORE = /[$£€¥#\-–—/:.,+±×x]/;
const GLUED_AFTER = /[%/:\-–—×+]/;

/**
 * AP numerals: one to nine spelled out, 10 and up in figures; a figure does not start a sentence (years
 * excepted). Only clear cases are flagged: the usual exceptions (ages, percentages, money, dimensions and
 * units, dates, times, scores and ranges, addresses, "No. 1", numbered things such as "Game 7") are left
 * alone, as are headlines (figures throughout), tables and direct quotes.
 */
export const numerals: Check = {
  id: 'style.numerals',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Numbers per AP: one to nine spelled out, 10 and up in figures, no figure starting a sentence (years excepted); ages, percentages, money, units, dates, times, scores, ranges, addresses, “No. 1”, headlines and quotes are left alone.',
  docs: {
    bad: ['The council hired 3 lawyers last year.', '14 people were hurt in the crash.', 'The company laid off twelve workers.', 'She finished 2nd in the race.'],
    good: [
      'The council hired three lawyers last year.',
      'Fourteen people were hurt in the crash.',
      'The company laid off 12 workers.',
      'The boy, 5, was unhurt. He is 6 years old and won 5-3.',
      'Prices rose 4 percent to $7 after 2 million shares traded on Sept. 8 at 9 a.m.',
      'It was the No. 1 issue in District 7, between 5 and 12 feet deep, and 1 in 4 voters agreed.',
      '2016 was a hard year for the party.',
      '“We hired 3 lawyers,” she said.',
    ],
    details: 'Direct quotes are left alone (a quote is what the person said). The british preset keeps the rule (one to nine in words is also the BBC, Guardian and Reuters style).',
  },
  block(block) {
    if (block.kind === 'heading' || block.kind === 'table') return undefined;
    const v = new TokenView(block);
    const t = block.tokens;
    const findings: RawFinding[] = [];
    for (let i = 0; i < t.count; i++) {
      const flags = t.flags[i]!;
      if (flags & TokenFlag.InQuote) continue;
      if (v.isNumber(i)) {
        const f = flags & TokenFlag.SentenceStart ? sentenceStart(v, i) : t.end[i]! - t.start[i]! <= 3 ? smallFigure(v, i) : null;
        if (f) findings.push(f);
      } else if (v.isWord(i) && !(flags & (TokenFlag.SentenceStart | TokenFlag.Cap)) && v.wordValue(i) !== undefined) {
        const f = spelledTen(v, i);
        if (f) findings.push(f);
      }
    }
    return findings.length ? { findings } : undefined;
  },
};

/** "14 people were hurt." → "Fourteen people …"; years ("2016 was …") and figures glued to symbols are fine. */
function sentenceStart(v: TokenView, i: number): RawFinding | null {
  const s = v.text(i);
  if (!/^\d{1,3}$/.test(s) && !/^\d{1,3}(?:,\d{3})+$/.test(s)) return null;
  if (v.charAfter(i) !== ' ' || GLUED_BEFORE.test(v.charBefore(i))) return null;
  // The next word must be a running word: "14 people were", not "1. Introduction" or "5 Things".
  const next = i + 1;
  if (!v.isWord(next) || v.t.flags[next]! & TokenFlag.Cap) return null;
  if (FIGURE_UNITS.has(v.lower(next)) && /^(a\.m|p\.m|am|pm)$/.test(v.lower(next))) return null;
  // A list of figures (a table pasted as prose) is not a sentence.
  if (v.isNumber(next + 1) || v.isNumber(next + 2)) return null;
  const n = Number(s);
  const words = spellNumber(n);
  const start = v.t.start[i]!;
  const end = v.t.end[i]!;
  return {
    start,
    end,
    message: words ? `Spell out a number that starts a sentence: “${capitalize(words)}”.` : `A figure should not start a sentence: spell it out or recast the sentence.`,
    fixes: words ? [{ start, end, text: capitalize(words), title: `Replace with “${capitalize(words)}”` }] : [],
    data: { kind: 'sentence-start' },
  };
}

/** "3 lawyers" → "three lawyers"; "2nd" → "second". */
function smallFigure(v: TokenView, i: number): RawFinding | null {
  const s = v.text(i);
  const ordinal = /^([1-9])(st|nd|rd|th)$/.exec(s);
  if (!ordinal && !/^[1-9]$/.test(s)) return null;
  if (GLUED_BEFORE.test(v.charBefore(i)) || GLUED_AFTER.test(v.charAfter(i))) return null;
  // "5, 6 and 12", "3.5", "1,000": a figure next to punctuation that continues a number.
  if (/[.,]/.test(v.charAfter(i)) && /\d/.test(v.block.prose[v.t.end[i]! + 1] ?? '')) return null;
  const prev = v.prevWord(i);
  if (prev >= 0) {
    // "Game 7", "Sept. 8", "iPhone 7", "No. 1": a capitalised word (not just a sentence's first) or a designator.
    if (/\p{Lu}/u.test(v.text(prev)) && !(v.t.flags[prev]! & TokenFlag.SentenceStart && prev === i - 1 && v.text(prev).length > 1 && /^\p{Lu}\p{Ll}+$/u.test(v.text(prev)) && !DESIGNATORS.has(v.lower(prev)))) return null;
    if (DESIGNATORS.has(v.lower(prev)) || MONTHS.has(v.lower(prev))) return null;
  }
  const next = i + 1;
  if (v.isWord(next)) {
    const w = v.lower(next);
    if (FIGURE_UNITS.has(w)) return null;
    // An address or a name: "5 Main St.", "3 Series", "9 Republicans" is left to the editor.
    if (v.t.flags[next]! & TokenFlag.Cap) return null;
    // Ages: "5 years old", "6 months old".
    if (/^(years?|months?|weeks?|days?)$/.test(w) && v.lower(next + 1) === 'old') return null;
  } else if (v.isPunct(next, ',') && v.isPunct(i - 1, ',')) {
    return null; // an age in apposition: "The boy, 5, was unhurt."
  } else if (!ordinal) {
    return null; // a figure alone before punctuation ("scored 5.") is usually a score or a quantity in context
  }
  const sentence = sentenceOf(v.block, i);
  if (nearNumber(v, i, 4, sentence.from, sentence.to)) return null;
  const start = v.t.start[i]!;
  const end = v.t.end[i]!;
  if (ordinal) {
    // "9th Circuit", "1st Cavalry", "2nd Amendment": names keep their figures.
    if (v.isWord(next) && (v.t.flags[next]! & TokenFlag.Cap || ORDINAL_FIGURES.has(v.lower(next)))) return null;
    const word = ORDINAL_WORDS[Number(ordinal[1])]!;
    return { start, end, message: `Spell out first through ninth: “${word}”.`, fixes: [{ start, end, text: word, title: `Replace with “${word}”` }], data: { kind: 'ordinal' } };
  }
  const word = spellNumber(Number(s))!;
  return { start, end, message: `Spell out numbers under 10: “${word}”.`, fixes: [{ start, end, text: word, title: `Replace with “${word}”` }], data: { kind: 'under-ten' } };
}

/** "twelve workers" → "12 workers" (ten to ninety-nine in words, mid-sentence, counting something). */
function spelledTen(v: TokenView, i: number): RawFinding | null {
  const n = v.wordValue(i);
  if (n === undefined || n < 10) return null;
  if (v.text(i) !== v.lower(i)) return null;
  const next = i + 1;
  if (!v.isWord(next) || v.t.flags[next]! & TokenFlag.Cap) return null;
  if (BIG.has(v.lower(next)) || v.isPunct(next + 1, '-') && v.touchesNext(next)) return null;
  if (!/^\s+$/.test(v.block.prose.slice(v.t.end[i], v.t.start[next]))) return null;
  const prev = v.prevWord(i);
  if (prev >= 0 && CASUAL_BEFORE.has(v.lower(prev))) return null;
  if (prev === i - 1 && v.wordValue(prev) !== undefined) return null;
  const start = v.t.start[i]!;
  const end = v.t.end[i]!;
  const digits = String(n);
  return { start, end, message: `Use figures for 10 and above: “${digits}”.`, fixes: [{ start, end, text: digits, title: `Replace with “${digits}”` }], data: { kind: 'ten-and-up' } };
}
