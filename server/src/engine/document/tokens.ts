// One pass per block turns prose into compact parallel arrays that every check reads.
// Offsets in a block's tokens are relative to the block, so a block's analysis can be reused wherever
// the same text appears again (incremental re-checking).
// The scanner is hand-written rather than a regular expression: it allocates nothing per token, which
// keeps the engine near a million words a second (a Unicode regex pass with match objects cost twice as much).

export const enum TokenKind { Word = 1, Number = 2, Punct = 3 }
export const enum TokenFlag { Cap = 1, Upper = 2, SentenceStart = 4, InQuote = 8 }

export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** Number of word and number tokens (not punctuation). */
  readonly words: number;
}

// Character classes: 1 letter/mark (lower or other), 2 upper-case letter, 3 digit, 4 space, 0 other.
const C_OTHER = 0, C_LETTER = 1, C_UPPER = 2, C_DIGIT = 3, C_SPACE = 4;
const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) ascii[c] = C_LETTER;
  else if (c >= 65 && c <= 90) ascii[c] = C_UPPER;
  else if (c >= 48 && c <= 57) ascii[c] = C_DIGIT;
  else if (c === 32 || (c >= 9 && c <= 13)) ascii[c] = C_SPACE;
}
const wide = new Map<number, number>();
const RE_UPPER = /^\p{Lu}$/u;
const RE_LETTER = /^[\p{L}\p{M}]$/u;
const RE_DIGIT = /^\p{N}$/u;
const RE_SPACE = /^\s$/u;

function classifyWide(cp: number): number {
  let k = wide.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = RE_UPPER.test(ch) ? C_UPPER : RE_LETTER.test(ch) ? C_LETTER : RE_DIGIT.test(ch) ? C_DIGIT : RE_SPACE.test(ch) ? C_SPACE : C_OTHER;
    if (wide.size < 65536) wide.set(cp, k);
  }
  return k;
}

/** Class of the character at i and its length in UTF-16 units (2 for an astral character). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ascii[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    // A lone surrogate is an "other" character of length 1.
    if (d >= 0xdc00 && d <= 0xdfff) return classifyWide(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | 8;
    return C_OTHER;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return C_OTHER;
  return classifyWide(c);
}

const isWordClass = (k: number): boolean => (k & 7) >= C_LETTER && (k & 7) <= C_DIGIT;

export function tokenize(text: string): Tokens {
  const len = text.length;
  let cap = Math.max(16, (len >> 2) + 8);
  let { start, end, kind, flags } = columns(cap);
  let n = 0;
  let words = 0;
  let i = 0;
  while (i < len) {
    let k = classAt(text, i);
    let w = k & 8 ? 2 : 1;
    k &= 7;
    if (k === C_SPACE) {
      i += w;
      continue;
    }
    if (n === cap) {
      cap *= 2;
      const wider = columns(cap);
      wider.start.set(start);
      wider.end.set(end);
      wider.kind.set(kind);
      wider.flags.set(flags);
      ({ start, end, kind, flags } = wider);
    }
    start[n] = i;
    if (k === C_OTHER) {
      end[n] = i + w;
      kind[n] = TokenKind.Punct;
      flags[n] = 0;
      n++;
      i += w;
      continue;
    }
    const first = k;
    let hasLower = false;
    let j = i;
    for (;;) {
      // Consume a run of word characters.
      while (j < len) {
        let kk = classAt(text, j);
        const ww = kk & 8 ? 2 : 1;
        kk &= 7;
        if (!isWordClass(kk)) break;
        if (kk === C_LETTER) hasLower = true;
        j += ww;
      }
      // Inner apostrophes, hyphens and dots join words: don't, Okonjo-Iweala, U.S
      const c = text.charCodeAt(j);
      if ((c === 39 || c === 0x2019 || c === 45 || c === 46) && j + 1 < len && isWordClass(classAt(text, j + 1))) {
        j++;
        continue;
      }
      break;
    }
    end[n] = j;
    if (first === C_DIGIT) {
      kind[n] = TokenKind.Number;
      flags[n] = 0;
    } else {
      kind[n] = TokenKind.Word;
      // C_LETTER covers lower-case and caseless letters; upper-case first letter means capitalised.
      flags[n] = first === C_UPPER ? (j - i > 1 && !hasLower ? TokenFlag.Cap | TokenFlag.Upper : TokenFlag.Cap) : 0;
    }
    words++;
    n++;
    i = j;
  }
  return { count: n, start, end, kind, flags, words };
}

// Token columns are carved out of shared slabs: a buffer outside the heap costs an allocation and a free
// during garbage collection, and a one-off check of a long story makes a block's columns tens of thousands
// of times. A slab lives while any block cut from it does; small slabs keep that pinning cheap in an
// editor session, where a re-typed paragraph keeps its slab.
const SLAB_BYTES = 32 * 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** The four token columns as views of one stretch of a slab (a buffer of their own when they would fill
 *  more than a quarter of one). */
function columns(cap: number) {
  const bytes = cap * 10;
  let buffer: ArrayBuffer;
  let at = 0;
  if (bytes > SLAB_BYTES >> 2) buffer = new ArrayBuffer(bytes);
  else {
    if (slabUsed + bytes > SLAB_BYTES) {
      slab = new ArrayBuffer(SLAB_BYTES);
      slabUsed = 0;
    }
    buffer = slab;
    at = slabUsed;
    // The next stretch starts on a 4-byte boundary, as Int32Array views need.
    slabUsed += (bytes + 3) & ~3;
  }
  return { start: new Int32Array(buffer, at, cap), end: new Int32Array(buffer, at + cap * 4, cap), kind: new Uint8Array(buffer, at + cap * 8, cap), flags: new Uint8Array(buffer, at + cap * 9, cap) };
}

export function tokenText(text: string, t: Tokens, i: number): string {
  return text.slice(t.start[i], t.end[i]);
}
