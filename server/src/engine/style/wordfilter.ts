// A one-hash Bloom filter over lower-case words, read in place from a block's prose: it says "surely not
// listed" for most tokens without slicing or lower-casing them, and the caller does the exact lookup only
// for the rest. Never a false "no": hash collisions only send a token to the exact lookup.

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
