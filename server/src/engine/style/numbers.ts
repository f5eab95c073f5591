// Number words and token helpers shared by the numbers-and-dates checks (style.numerals, style.percent,
// style.time, style.month-abbreviation). They read the block's token index; nothing here re-scans text.
import type { Block } from '../document/model.js';
import { TokenKind, type Tokens } from '../document/tokens.js';
import { WordShapes } from './wordfilter.js';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–99 in words ("twenty-five"); undefined above. */
export function spellNumber(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 99) return undefined;
  if (n < 20) return UNITS[n];
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 ? `${t}-${UNITS[n % 10]}` : t;
}

const WORD_VALUE = new Map<string, number>();
for (let n = 0; n < 100; n++) WORD_VALUE.set(spellNumber(n)!, n);

/** The value of a number written in words, 0–99 ("twenty-five" → 25), lower case; undefined if not one. */
export function numberWordValue(word: string): number | undefined {
  return WORD_VALUE.get(word.toLowerCase());
}

const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

// Number words are ASCII, so most words are rejected by their shape without slicing them.
const NUMBER_WORDS = new WordShapes(WORD_VALUE.keys(), true);

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Token helpers over one block. */
export class TokenView {
  readonly t: Tokens;
  constructor(readonly block: Block) {
    this.t = block.tokens;
  }
  text(i: number): string {
    return i >= 0 && i < this.t.count ? this.block.prose.slice(this.t.start[i], this.t.end[i]) : '';
  }
  lower(i: number): string {
    return this.text(i).toLowerCase();
  }
  /** lower(i) === word, for a lower-case ASCII word, without slicing the token (the same answer). */
  lowerIs(i: number, word: string): boolean {
    if (i < 0 || i >= this.t.count) return word === '';
    const s = this.t.start[i]!;
    // Lower-casing never shortens a string and only lengthens it with a non-ASCII mark, so a token of
    // another length never lower-cases to an ASCII word.
    if (this.t.end[i]! - s !== word.length) return false;
    const prose = this.block.prose;
    for (let k = 0; k < word.length; k++) {
      const c = prose.charCodeAt(s + k);
      if (c >= 128) return this.lower(i) === word;
      if (asciiLower(c) !== word.charCodeAt(k)) return false;
    }
    return true;
  }
  /** text(i) === word, without slicing the token. */
  textIs(i: number, word: string): boolean {
    if (i < 0 || i >= this.t.count) return word === '';
    const s = this.t.start[i]!;
    if (this.t.end[i]! - s !== word.length) return false;
    return this.block.prose.startsWith(word, s);
  }
  /** numberWordValue(text(i)) for a word token, else undefined; most words are rejected unsliced. */
  wordValue(i: number): number | undefined {
    const { t } = this;
    if (i < 0 || i >= t.count || t.kind[i] !== TokenKind.Word) return undefined;
    const prose = this.block.prose;
    const s = t.start[i]!;
    if (!NUMBER_WORDS.mayBe(prose, s, t.end[i]!)) return undefined;
    return numberWordValue(prose.slice(s, t.end[i]));
  }

  isWord(i: number): boolean {
    return i >= 0 && i < this.t.count && this.t.kind[i] === TokenKind.Word;
  }
  isNumber(i: number): boolean {
    return i >= 0 && i < this.t.count && this.t.kind[i] === TokenKind.Number;
  }
  isPunct(i: number, chars?: string): boolean {
    if (i < 0 || i >= this.t.count || this.t.kind[i] !== TokenKind.Punct) return false;
    if (chars === undefined) return true;
    if (chars.length === 1) return this.block.prose.charCodeAt(this.t.start[i]!) === chars.charCodeAt(0);
    return chars.includes(this.block.prose[this.t.start[i]!]!);
  }
  /** Token i is written right after token i - 1, with no space between. */
  touchesPrev(i: number): boolean {
    return i > 0 && i < this.t.count && this.t.end[i - 1] === this.t.start[i];
  }
  touchesNext(i: number): boolean {
    return i >= 0 && i + 1 < this.t.count && this.t.end[i] === this.t.start[i + 1];
  }
  /** Character just before / after token i in the block ('' at either end). */
  charBefore(i: number): string {
    return this.block.prose[this.t.start[i]! - 1] ?? '';
  }
  charAfter(i: number): string {
    return this.block.prose[this.t.end[i]!] ?? '';
  }
  /** The word before token i, read through an abbreviation's period ("Sept. 8" → Sept); -1 if none. */
  prevWord(i: number): number {
    let j = i - 1;
    if (this.isPunct(j, '.') && this.touchesPrev(j)) j--;
    return this.isWord(j) ? j : -1;
  }
}

/** Units, currencies and the like after which a figure is always right ("5 miles", "3 million"). */
export const FIGURE_UNITS = new Set([
  'percent', 'percentage', 'per', 'pct', 'million', 'billion', 'trillion', 'mln', 'bln', 'bn', 'm',
  'a.m', 'p.m', 'am', 'pm', "o'clock", 'o’clock', 'points', 'point', 'pts', 'cents', 'cent', 'dollars', 'dollar', 'euros', 'euro',
  'pounds', 'pound', 'yen', 'yuan', 'rupees', 'rubles', 'roubles', 'pesos', 'feet', 'foot', 'ft', 'inches', 'inch', 'miles', 'mile', 'mph', 'kph', 'km', 'kilometers',
  'kilometres', 'kilometer', 'kilometre', 'meters', 'metres', 'meter', 'metre', 'cm', 'mm', 'yards', 'yard', 'acres', 'acre', 'hectares', 'hectare',
  'degrees', 'degree', 'lb', 'lbs', 'ounces', 'ounce', 'oz', 'tons', 'ton', 'tonnes', 'tonne', 'gallons', 'gallon', 'liters', 'litres', 'liter', 'litre',
  'grams', 'gram', 'kg', 'kilograms', 'kilogram', 'mg', 'ml', 'x', 'by', 'karat', 'carat', 'magnitude', 'gb', 'mb', 'kb', 'tb', 'ghz', 'mhz', 'kw', 'mw', 'gw', 'kwh', 'mwh', 'bps', 'g',
]);

/** Words after which a figure names or numbers a thing ("No. 1", "page 5", "Game 7", "ages 5"). */
export const DESIGNATORS = new Set([
  'no', 'nos', 'number', 'numbers', 'num', 'age', 'aged', 'ages', 'page', 'pages', 'p', 'pp', 'chapter', 'ch', 'section', 'sec', 'article', 'art', 'route', 'rte', 'room', 'grade', 'grades',
  'step', 'level', 'levels', 'phase', 'stage', 'category', 'cat', 'act', 'scene', 'verse', 'size', 'sizes', 'model', 'version', 'v', 'week', 'day', 'game', 'games', 'round',
  'race', 'district', 'ward', 'precinct', 'lane', 'channel', 'track', 'gate', 'terminal', 'platform', 'unit', 'apartment', 'apt', 'suite', 'class', 'type', 'exhibit',
  'figure', 'fig', 'table', 'vol', 'volume', 'issue', 'episode', 'season', 'part', 'amendment', 'title', 'proposition', 'prop', 'question', 'measure', 'item', 'line',
  'row', 'seat', 'box', 'exit', 'highway', 'interstate', 'pier', 'dock', 'building', 'flight', 'bus', 'file', 'rank', 'ranked', 'seed', 'seeded', 'top', 'turned', 'tier', 'pick',
  'hole', 'inning', 'innings', 'lap', 'mile', 'quarter', 'period', 'set', 'heat', 'floor', 'bed', 'ward', 'block', 'zone', 'sector', 'vs', 'versus', 'hour', 'minute', 'kilometer', 'km',
  'between', 'out', 'times', 'x',
  'score', 'scored', 'record', 'tally', 'count', 'rated', 'rating', 'par', 'mark', 'term', 'cycle', 'wave', 'level', 'defcon', 'code', 'form', 'schedule', 'tab', 'slide', 'option', 'plan',
]);

/** A number token anywhere within `span` tokens of i, in the same sentence: a range, ratio, score or list ("5 to 12", "1 in 4"). */
export function nearNumber(v: TokenView, i: number, span: number, from: number, to: number): boolean {
  for (let j = Math.max(from, i - span); j < Math.min(to, i + span + 1); j++) if (j !== i && v.isNumber(j)) return true;
  return false;
}

/** The sentence containing token i (token range). */
export function sentenceOf(block: Block, i: number): { from: number; to: number } {
  // Sentences are in token order: binary search, so a long block with many figures stays linear-ish.
  const ss = block.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (i < s.tokFrom) hi = mid - 1;
    else if (i >= s.tokTo) lo = mid + 1;
    else return { from: s.tokFrom, to: s.tokTo };
  }
  return { from: 0, to: block.tokens.count };
}

/** The token view of a prose block, or null for a table (figures in tables follow no prose rule). */
export function proseView(block: Block): TokenView | null {
  return block.kind === 'table' ? null : new TokenView(block);
}
