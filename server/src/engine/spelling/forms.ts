// The dictionary's a–z forms as a compact hash set, so that the few hundred one-edit candidates of a
// misspelled word are ruled out in place, from bytes, without building a string for each.

const EMPTY = -1;

function hashBytes(buf: Uint8Array, n: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  return h;
}

export class FormSet {
  private readonly hashes: Int32Array;
  private readonly offsets: Int32Array;
  private readonly lengths: Uint8Array;
  private readonly pool: Uint8Array;
  private readonly mask: number;

  /** From every key that is a–z only and at most 255 letters; others are never asked about. */
  constructor(words: readonly string[]) {
    const kept = words.filter((w) => w.length > 0 && w.length < 256 && isLowerAscii(w));
    let slots = 1;
    while (slots < kept.length * 2) slots <<= 1;
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.offsets = new Int32Array(slots).fill(EMPTY);
    this.lengths = new Uint8Array(slots);
    this.pool = new Uint8Array(kept.reduce((n, w) => n + w.length, 0));
    let used = 0;
    for (const w of kept) {
      for (let k = 0; k < w.length; k++) this.pool[used + k] = w.charCodeAt(k);
      const h = hashBytes(this.pool.subarray(used), w.length);
      let at = (h ^ (h >>> 15)) & this.mask;
      while (this.offsets[at] !== EMPTY) at = (at + 1) & this.mask;
      this.hashes[at] = h;
      this.offsets[at] = used;
      this.lengths[at] = w.length;
      used += w.length;
    }
  }

  /** Whether the first n bytes of buf spell a listed form. */
  has(buf: Uint8Array, n: number): boolean {
    const h = hashBytes(buf, n);
    const { hashes, offsets, lengths, pool, mask } = this;
    for (let at = (h ^ (h >>> 15)) & mask; offsets[at] !== EMPTY; at = (at + 1) & mask) {
      if (hashes[at] !== h || lengths[at] !== n) continue;
      const off = offsets[at]!;
      let k = 0;
      while (k < n && pool[off + k] === buf[k]) k++;
      if (k === n) return true;
    }
    return false;
  }
}

export function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Every string one edit from an a–z word that is in `forms`, in the order a transposition, a wrong
 *  letter, an extra letter, a missing letter (letters in the order given), repeats included: the
 *  caller decides on duplicates and single letters. */
export function oneEditForms(forms: FormSet, word: string, letters: string): string[] {
  const n = word.length;
  const w = new Uint8Array(n);
  for (let i = 0; i < n; i++) w[i] = word.charCodeAt(i);
  const codes = Array.from(letters, (c) => c.charCodeAt(0));
  const buf = new Uint8Array(n + 1);
  const out: string[] = [];
  buf.set(w);
  for (let i = 0; i + 1 < n; i++) {
    buf[i] = w[i + 1]!;
    buf[i + 1] = w[i]!;
    if (forms.has(buf, n)) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    buf[i] = w[i]!;
    buf[i + 1] = w[i + 1]!;
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k]!;
      if (c === w[i]) continue;
      buf[i] = c;
      if (forms.has(buf, n)) out.push(word.slice(0, i) + letters[k] + word.slice(i + 1));
    }
    buf[i] = w[i]!;
  }
  for (let i = 0; i <= n; i++) {
    // buf = word[0..i) + c + word[i..n)
    for (let j = 0; j < i; j++) buf[j] = w[j]!;
    for (let j = i; j < n; j++) buf[j + 1] = w[j]!;
    for (let k = 0; k < codes.length; k++) {
      buf[i] = codes[k]!;
      if (forms.has(buf, n + 1)) out.push(word.slice(0, i) + letters[k] + word.slice(i));
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) buf[j] = w[j]!;
    for (let j = i + 1; j < n; j++) buf[j - 1] = w[j]!;
    if (forms.has(buf, n - 1)) out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}
