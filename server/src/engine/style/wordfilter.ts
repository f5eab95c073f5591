// Filters that read a token in place from a block's prose and say "surely not listed" for most tokens
// without slicing or lower-casing them; the caller does the exact lookup only for the rest. Never a false
// "no".

const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const pair = (c0: number, c1: number): number => ((c0 & 31) << 5) | (c1 & 31);

/**
 * The lengths and first two characters of a list of words, as a bitmap: a token that is surely none of
 * them is passed over without slicing it. `folded`: the words are lower case and tokens are compared
 * lower-cased (a token with a non-ASCII character among its first two is then always a candidate; lower
 * case keeps a token's length but for İ, whose lower case has a combining dot, so a list with one is
 * never narrowed down). An empty word or one longer than 31 characters makes every token a candidate,
 * as does one starting with a non-ASCII character when not folded.
 */
export class WordShapes {
  /** Bit n of entry pair(c0, c1): a word of length n starts with c0 c1 (or with a pair sharing the
   *  entry: 4 KB, one entry per pair of letters, so the table stays in the first-level cache). */
  private readonly lengths = new Uint32Array(1 << 10);
  /** Words of one character. */
  private readonly singles = new Uint8Array(128);
  private all = false;

  constructor(words: Iterable<string>, private readonly folded: boolean) {
    for (const w of words) this.add(w);
  }

  add(w: string): void {
    const c0 = w.charCodeAt(0);
    const c1 = w.charCodeAt(1);
    if (w.length === 0 || w.length > 31 || (this.folded && w.includes('\u0307'))) this.all = true;
    else if (w.length === 1) {
      if (c0 >= 128) this.all ||= !this.folded;
      else this.singles[c0] = 1;
    }
    // Folded, a word starting with a non-ASCII character needs no entry: only a token with one there
    // lower-cases to it, and such a token is always a candidate.
    else if (c0 >= 128 || c1 >= 128) this.all ||= !this.folded;
    else this.lengths[pair(c0, c1)]! |= 1 << w.length;
  }

  /** False when prose.slice(from, to) (lower-cased if folded) is surely not one of the words. */
  mayBe(prose: string, from: number, to: number): boolean {
    const len = to - from;
    if (this.all) return true;
    if (len < 1 || len > 31) return false;
    let c0 = prose.charCodeAt(from);
    if (len === 1) return c0 >= 128 ? this.folded : this.singles[this.folded ? asciiLower(c0) : c0] === 1;
    let c1 = prose.charCodeAt(from + 1);
    if (c0 >= 128 || c1 >= 128) return this.folded;
    if (this.folded) {
      c0 = asciiLower(c0);
      c1 = asciiLower(c1);
    }
    return (this.lengths[pair(c0, c1)]! & (1 << len)) !== 0;
  }
}

// A one-hash Bloom filter over lower-case words: hash collisions only send a token to the exact lookup.

const BITS = 1 << 16;

function hashAscii(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 16)) & (BITS - 1);
}

export class WordFilter {
  /** One bit per hash value: 8 KB, small enough to stay in the first-level cache between blocks. */
  private readonly bits = new Uint32Array(BITS >>> 5);

  /** Lists a word (compared lower-cased; a word with non-ASCII characters needs nothing here, as a
   *  token with them is never rejected). */
  add(word: string): void {
    const h = hashAscii(word, 0, word.length);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  /** False when the text from..to, lower-cased, is surely not a listed word: it is ASCII and its hash is
   *  not listed. True for anything with a character outside ASCII (its lower case is not read here). */
  mayHave(text: string, from: number, to: number): boolean {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) {
      let c = text.charCodeAt(k);
      if (c >= 128) return true;
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const at = (h ^ (h >>> 16)) & (BITS - 1);
    return (this.bits[at >>> 5]! & (1 << (at & 31))) !== 0;
  }
}
