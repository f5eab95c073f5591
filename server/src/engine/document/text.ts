// A text the engine reads: a string, or an editor buffer kept in pieces. A long draft with curly quotes is a
// two-byte string; past 64K characters, each new version of it as one string is a fresh allocation in V8's
// large-object space, and on this machine that cost about 0.5 ms per keystroke in page faults alone
// (bench/machine.mjs). An editor session hands the engine a PieceText instead: an edit makes one new piece of a
// few kilobytes, and the unchanged pieces are the previous version's strings.

/** What the engine reads of a text; a string is one. */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
  includes(search: string): boolean;
}

/** The text as one string (a PieceText is joined: for the paths that are rare in an editor). */
export function asString(text: TextLike): string {
  return typeof text === 'string' ? text : text.toString();
}

/** A text made of pieces, read as if it were their concatenation. The pieces are never empty. */
export class PieceText implements TextLike {
  readonly length: number;
  readonly pieces: readonly string[];
  /** Where each piece starts in the text. */
  private readonly starts: number[];
  /** The piece read last: reads go mostly forward from where the previous one was. */
  private cursor = 0;
  private joined: string | undefined;

  constructor(pieces: readonly string[]) {
    this.pieces = pieces.filter((p) => p.length > 0);
    this.starts = new Array(this.pieces.length);
    let at = 0;
    for (let k = 0; k < this.pieces.length; k++) {
      this.starts[k] = at;
      at += this.pieces[k]!.length;
    }
    this.length = at;
  }

  /** Where piece k starts. */
  startOf(k: number): number {
    return this.starts[k]!;
  }

  /** The piece holding offset i, for 0 <= i < length. */
  pieceAt(i: number): number {
    const k = this.cursor;
    const starts = this.starts;
    if (i >= starts[k]! && (k + 1 === starts.length || i < starts[k + 1]!)) return k;
    if (k + 1 < starts.length && i >= starts[k + 1]! && (k + 2 === starts.length || i < starts[k + 2]!)) return (this.cursor = k + 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.cursor = lo);
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const k = this.pieceAt(index);
    return this.pieces[k]!.charCodeAt(index - this.starts[k]!);
  }

  slice(start = 0, end = this.length): string {
    const len = this.length;
    let a = Math.trunc(start) || 0;
    let b = Math.trunc(end) || 0;
    if (a < 0) a = Math.max(len + a, 0);
    if (b < 0) b = Math.max(len + b, 0);
    a = Math.min(a, len);
    b = Math.min(b, len);
    if (b <= a) return '';
    if (this.joined !== undefined) return this.joined.slice(a, b);
    let k = this.pieceAt(a);
    let s = this.starts[k]!;
    let piece = this.pieces[k]!;
    if (b <= s + piece.length) return piece.slice(a - s, b - s);
    let out = piece.slice(a - s);
    for (k++; k < this.pieces.length; k++) {
      s = this.starts[k]!;
      piece = this.pieces[k]!;
      if (b <= s + piece.length) return out + piece.slice(0, b - s);
      out += piece;
    }
    return out;
  }

  indexOf(search: string, position = 0): number {
    let from = Math.max(0, Math.trunc(position) || 0);
    if (search.length === 0) return Math.min(from, this.length);
    if (from >= this.length) return -1;
    if (this.joined !== undefined) return this.joined.indexOf(search, from);
    for (let k = this.pieceAt(from); k < this.pieces.length; k++) {
      const piece = this.pieces[k]!;
      const s = this.starts[k]!;
      // A match inside the piece starts before any match that runs on into the next one.
      const inside = piece.indexOf(search, Math.max(0, from - s));
      if (inside >= 0) return s + inside;
      if (search.length > 1 && k + 1 < this.pieces.length) {
        const end = s + piece.length;
        const windowStart = Math.max(from, end - search.length + 1);
        const across = this.slice(windowStart, end + search.length - 1).indexOf(search);
        if (across >= 0) return windowStart + across;
      }
      from = s + piece.length;
    }
    return -1;
  }

  includes(search: string): boolean {
    return this.indexOf(search) >= 0;
  }

  /** The whole text as one string (made once). */
  toString(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  /** The text with [start, end) replaced by `insert`: the pieces the edit touches become one or a few new
   *  ones, of about `target` characters when they would be longer than twice that, or joined with a
   *  neighbour when shorter than a quarter of it; every other piece is this text's own. */
  edit(start: number, end: number, insert: string, target = PIECE_TARGET): PieceText {
    if (this.pieces.length === 0) return PieceText.of(insert, target);
    const first = start < this.length ? this.pieceAt(start) : this.pieces.length - 1;
    let last = end > start ? this.pieceAt(Math.min(end, this.length) - 1) : first;
    let from = first;
    // An edit at a piece's very start may take the previous piece along, so no tiny piece is left before it.
    const firstStart = this.starts[from]!;
    let made = this.pieces[from]!.slice(0, start - firstStart) + insert + this.pieces[last]!.slice(end - this.starts[last]!);
    if (made.length < target / 4 && from > 0) made = this.pieces[--from]! + made;
    if (made.length < target / 4 && last + 1 < this.pieces.length) made += this.pieces[++last]!;
    const middle = made.length > 2 * target ? split(made, target) : [made];
    return new PieceText([...this.pieces.slice(0, from), ...middle, ...this.pieces.slice(last + 1)]);
  }

  /** A text in pieces of about `target` characters. */
  static of(text: string, target = PIECE_TARGET): PieceText {
    return new PieceText(split(text, target));
  }
}

/** Pieces of about this many characters: a new one per keystroke costs a few kilobytes, well below the
 *  large-object limit (128 KB, 64K two-byte characters). */
export const PIECE_TARGET = 8192;

function split(text: string, target: number): string[] {
  if (text.length <= 2 * target) return [text];
  const out: string[] = [];
  for (let at = 0; at < text.length; at += target) out.push(text.slice(at, Math.min(text.length, at + target)));
  // A short last piece joins its neighbour.
  if (out.length > 1 && out[out.length - 1]!.length < target / 4) {
    const tail = out.pop()!;
    out[out.length - 1] += tail;
  }
  return out;
}
