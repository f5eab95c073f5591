// A set of words as a few typed arrays: built once (at build time, from a dictionary) and loaded as one file,
// so tens of thousands of entries cost a file read at start-up instead of as many strings in a Set (the
// names lexicon's parse, Set and garbage were ~30 ms of the server's first check; the spelling dictionary's
// build in nspell ~200 ms of every CLI run).

const MAGIC = 0x43445755; // "CDWU"
const EMPTY = -1;

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/** Word characters: one byte each when every word is Latin-1 (the English dictionary), else two. */
type Pool = Uint8Array | Uint16Array;

export class WordTable {
  private constructor(
    private readonly mask: number,
    private readonly offsets: Int32Array,
    private readonly lengths: Uint8Array,
    private readonly pool: Pool,
  ) {}

  /** Words of 1 to 255 characters (others are left out: no dictionary entry is longer). */
  static of(words: Iterable<string>): WordTable {
    const list = [...new Set(words)].filter((w) => w.length > 0 && w.length < 256);
    // Load below two thirds keeps linear probes short, in a third less space than half.
    let slots = 1;
    while (slots * 2 < list.length * 3) slots <<= 1;
    const offsets = new Int32Array(slots).fill(EMPTY);
    const lengths = new Uint8Array(slots);
    const wide = list.some((w) => /[^\u0000-\u00ff]/.test(w));
    const size = list.reduce((n, w) => n + w.length, 0);
    const pool: Pool = wide ? new Uint16Array(size) : new Uint8Array(size);
    let used = 0;
    for (const w of list) {
      for (let k = 0; k < w.length; k++) pool[used + k] = w.charCodeAt(k);
      let at = hashOf(w) & (slots - 1);
      while (offsets[at] !== EMPTY) at = (at + 1) & (slots - 1);
      offsets[at] = used;
      lengths[at] = w.length;
      used += w.length;
    }
    return new WordTable(slots - 1, offsets, lengths, pool);
  }

  has(word: string): boolean {
    const n = word.length;
    if (n === 0 || n > 255) return false;
    const { offsets, lengths, pool, mask } = this;
    for (let at = hashOf(word) & mask; offsets[at] !== EMPTY; at = (at + 1) & mask) {
      if (lengths[at] !== n) continue;
      const off = offsets[at]!;
      let k = 0;
      while (k < n && pool[off + k] === word.charCodeAt(k)) k++;
      if (k === n) return true;
    }
    return false;
  }

  /** Whether the first n bytes of buf (character codes under 256) spell a word of the table: a suggestion
   *  search tries hundreds of candidates in a buffer without making a string of each. */
  hasBytes(buf: Uint8Array, n: number): boolean {
    if (n === 0 || n > 255) return false;
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
    h ^= h >>> 15;
    const { offsets, lengths, pool, mask } = this;
    for (let at = h & mask; offsets[at] !== EMPTY; at = (at + 1) & mask) {
      if (lengths[at] !== n) continue;
      const off = offsets[at]!;
      let k = 0;
      while (k < n && pool[off + k] === buf[k]) k++;
      if (k === n) return true;
    }
    return false;
  }

  /** The table as bytes: a header (magic, slots, pool length, bytes per character), then the arrays, each
   *  on a 4-byte boundary. */
  toBytes(): Uint8Array {
    const slots = this.mask + 1;
    const header = new Int32Array([MAGIC, slots, this.pool.length, this.pool.BYTES_PER_ELEMENT]);
    const parts = [header, this.offsets, this.lengths, this.pool];
    const size = parts.reduce((n, p) => n + ((p.byteLength + 3) & ~3), 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
      at += (p.byteLength + 3) & ~3;
    }
    return out;
  }

  /** A table from toBytes(), or null when the bytes are not one (a truncated or foreign file). */
  static fromBytes(bytes: Uint8Array): WordTable | null {
    // Typed array views need aligned offsets: copy a buffer that does not start on a 4-byte boundary.
    const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    if (b.byteLength < 16) return null;
    const [magic, slots, poolLength, width] = new Int32Array(b.buffer, b.byteOffset, 4) as unknown as [number, number, number, number];
    if (magic !== MAGIC || !(slots > 0) || (slots & (slots - 1)) !== 0 || poolLength < 0 || (width !== 1 && width !== 2)) return null;
    const pad = (n: number) => (n + 3) & ~3;
    if (b.byteLength < 16 + slots * 4 + pad(slots) + pad(poolLength * width)) return null;
    let at = b.byteOffset + 16;
    const offsets = new Int32Array(b.buffer, at, slots);
    at += slots * 4;
    const lengths = new Uint8Array(b.buffer, at, slots);
    at += pad(slots);
    const pool = width === 1 ? new Uint8Array(b.buffer, at, poolLength) : new Uint16Array(b.buffer, at, poolLength);
    // A probe stops at an empty slot: a table with none would never answer no.
    if (!offsets.includes(EMPTY)) return null;
    return new WordTable(slots - 1, offsets, lengths, pool);
  }
}
