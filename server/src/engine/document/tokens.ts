// One regular-expression pass per block turns prose into compact parallel arrays that every check reads.
// Offsets in a block's tokens are relative to the block, so a block's analysis can be reused wherever
// the same text appears again (incremental re-checking).

export const enum TokenKind { Word = 1, Number = 2, Punct = 3 }
export const enum TokenFlag { Cap = 1, Upper = 2, SentenceStart = 4, InQuote = 8 }

export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
}

// Words keep inner apostrophes, hyphens and dotted abbreviations together (don't, Okonjo-Iweala, U.S);
// every other non-space character is a token of its own.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const DIGIT = /\p{N}/u;
const LETTER_UPPER = /\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;

export function tokenize(text: string): Tokens {
  let cap = 16;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let flags = new Uint8Array(cap);
  let n = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap); end = grow(end, cap);
      kind = growU8(kind, cap); flags = growU8(flags, cap);
    }
    const s = m.index;
    const word = m[0];
    start[n] = s;
    end[n] = s + word.length;
    const c0 = word.charCodeAt(0);
    let k: TokenKind;
    let f = 0;
    if ((c0 >= 48 && c0 <= 57) || (c0 > 127 && DIGIT.test(word[0]!))) k = TokenKind.Number;
    else if (word.length === 1 && !isLetterCode(c0) && !(c0 > 127 && /[\p{L}\p{M}]/u.test(word))) k = TokenKind.Punct;
    else k = TokenKind.Word;
    if (k === TokenKind.Word) {
      if (c0 >= 65 && c0 <= 90) f |= TokenFlag.Cap;
      else if (c0 > 127 && LETTER_UPPER.test(word[0]!)) f |= TokenFlag.Cap;
      if (f & TokenFlag.Cap && word.length > 1 && !hasLower(word)) f |= TokenFlag.Upper;
    }
    kind[n] = k;
    flags[n] = f;
    n++;
  }
  return { count: n, start, end, kind, flags };
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function hasLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127 && LETTER_LOWER.test(word[i]!)) return true;
  }
  return false;
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array<ArrayBuffer>, cap: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

export function tokenText(text: string, t: Tokens, i: number): string {
  return text.slice(t.start[i], t.end[i]);
}
