// A set of words as a few typed arrays: built once (at build time, from the dictionary) and loaded as one
// file, so the dictionary's ~50,000 entries cost a file read at start-up instead of as many strings in a Set
// (their parse, the Set and the garbage collection they caused were ~30 ms of the server's first check).

const MAGIC = 0x43445754; // "CDWT"
const EMPTY = -1;

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

export class WordTable {
  private constructor(
    private readonly mask: number,
    private readonly hashes: Int32Array,
    private readonly offsets: Int32Array,
    private readonly lengths: Uint16Array,
    private readonly pool: Uint16Array,
  ) {}

  static of(words: Iterable<string>): WordTable {
    const list = [...new Set(words)].filter((w) => w.length > 0 && w.length < 65536);
    let slots = 1;
    while (slots < list.length * 2) slots <<= 1;
    const hashes = new Int32Array(slots);
    const offsets = new Int32Array(slots).fill(EMPTY);
    const lengths = new Uint16Array(slots);
    const pool = new Uint16Array(list.reduce((n, w) => n + w.length, 0));
    let used = 0;
    for (const w of list) {
      for (let k = 0; k < w.length; k++) pool[used + k] = w.charCodeAt(k);
      const h = hashOf(w);
      let at = (h ^ (h >>> 15)) & (slots - 1);
      while (offsets[at] !== EMPTY) at = (at + 1) & (slots - 1);
      hashes[at] = h;
      offsets[at] = used;
      lengths[at] = w.length;
      used += w.length;
    }
    return new WordTable(slots - 1, hashes, offsets, lengths, pool);
  }

  has(word: string): boolean {
    const h = hashOf(word);
    const { hashes, offsets, lengths, pool, mask } = this;
    const n = word.length;
    for (let at = (h ^ (h >>> 15)) & mask; offsets[at] !== EMPTY; at = (at + 1) & mask) {
      if (hashes[at] !== h || lengths[at] !== n) continue;
      const off = offsets[at]!;
      let k = 0;
      while (k < n && pool[off + k] === word.charCodeAt(k)) k++;
      if (k === n) return true;
    }
    return false;
  }

  /** The table as bytes: a header (magic, slots, pool length), then the arrays, each on a 4-byte boundary. */
  toBytes(): Uint8Array {
    const slots = this.mask + 1;
    const header = new Int32Array([MAGIC, slots, this.pool.length]);
    const parts = [header, this.hashes, this.offsets, this.lengths, this.pool];
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
    if (b.byteLength < 12) return null;
    const [magic, slots, poolLength] = new Int32Array(b.buffer, b.byteOffset, 3);
    if (magic !== MAGIC || !(slots! > 0) || (slots! & (slots! - 1)) !== 0 || poolLength! < 0) return null;
    const pad = (n: number) => (n + 3) & ~3;
    const need = 12 + slots! * 4 * 2 + pad(slots! * 2) + pad(poolLength! * 2);
    if (b.byteLength < need) return null;
    let at = b.byteOffset + 12;
    const hashes = new Int32Array(b.buffer, at, slots!);
    at += slots! * 4;
    const offsets = new Int32Array(b.buffer, at, slots!);
    at += slots! * 4;
    const lengths = new Uint16Array(b.buffer, at, slots!);
    at += pad(slots! * 2);
    const pool = new Uint16Array(b.buffer, at, poolLength!);
    // A probe stops at an empty slot: a table with none would never answer no.
    if (!offsets.includes(EMPTY)) return null;
    return new WordTable(slots! - 1, hashes, offsets, lengths, pool);
  }
}
