// Incremental block scanning. A text is cut into chunks at places where the scanner's state is reset
// (a blank line before a new top-level block), and each chunk is parsed into blocks on its own. An editor
// session keeps the previous scan: after an edit, the chunks before it are kept, and scanning stops at the
// first chunk start after the edit that the previous scan also had, since from a reset state the same text
// cuts the same way; the rest are the old chunks moved by the edit's length.
import type { BlockSpan } from './model.js';
import { asString, PieceText, type TextLike } from './text.js';

/** A chunk of text and its blocks (offsets relative to the chunk's start). */
export interface Chunk {
  from: number;
  to: number;
  spans: BlockSpan[];
  /** The spans placed in the text at `from`, made by blocksOf once: a chunk object never moves (a chunk an
   *  edit moved is a new object), so the scans that keep it give the same span objects, not new ones. */
  placed?: BlockSpan[];
}

export interface ChunkScan {
  text: TextLike;
  chunks: Chunk[];
}

/** Where an edit turned the previous text into the new one: the unchanged head and tail lengths. */
export interface Change {
  head: number;
  tail: number;
}

/** Cuts text into chunks from offset `from` (a line start), calling fn for each. When `resumeAt` says yes
 *  at a chunk start, stops there and returns its offset; returns -1 after the last chunk. */
export type Cutter = (text: TextLike, from: number, fn: (from: number, to: number) => void, resumeAt?: (s: number) => boolean) => number;

/** How a cutter reads lines: which are blank, whether a non-blank line after a blank one starts a new
 *  chunk, and (for state such as an open fence) every non-blank line after that decision. */
export interface LineRules {
  blank(start: number, end: number): boolean;
  breaks(start: number, end: number): boolean;
  seen?(start: number, end: number): void;
}

/** A Cutter over lines (breaks: \r\n, \n or a lone \r): a chunk runs from its first non-blank line to its last. */
export function cutLines(text: TextLike, from: number, fn: (from: number, to: number) => void, resumeAt: ((s: number) => boolean) | undefined, rules: LineRules): number {
  const len = text.length;
  const hasCR = text.indexOf('\r', from) >= 0;
  let chunkStart = -1;
  let lastContentEnd = -1;
  let blankBefore = false;
  let s = from;
  while (s <= len) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = len;
    if (hasCR) {
      const r = text.indexOf('\r', s);
      if (r >= 0 && r < e) e = r;
    }
    if (rules.blank(s, e)) {
      if (chunkStart >= 0) blankBefore = true;
    } else {
      if (chunkStart < 0) chunkStart = s;
      else if (blankBefore && rules.breaks(s, e)) {
        fn(chunkStart, lastContentEnd);
        if (resumeAt?.(s)) return s;
        chunkStart = s;
      }
      blankBefore = false;
      lastContentEnd = e;
      rules.seen?.(s, e);
    }
    if (e >= len) break;
    s = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
  if (chunkStart >= 0) fn(chunkStart, lastContentEnd);
  return -1;
}

export function scanChunks(text: TextLike, cut: Cutter, parse: (from: number, to: number) => BlockSpan[], previous?: ChunkScan, change?: Change, start = 0): ChunkScan {
  const chunks: Chunk[] = [];
  const emit = (from: number, to: number): void => {
    chunks.push({ from, to, spans: parse(from, to), placed: undefined });
  };
  if (!previous || !change) {
    cut(text, start, emit);
    return { text, chunks };
  }
  const old = previous.chunks;
  // Keep the chunks whose end, and the start of the chunk after them (which decided that end), lie before the edit.
  let k = 0;
  while (k + 1 < old.length && old[k + 1]!.from + 1 < change.head) chunks.push(old[k++]!);
  // Chunk k starts before the edit when an earlier chunk was kept; otherwise rescan from the top.
  const restart = k > 0 ? old[k]!.from : start;
  const delta = text.length - previous.text.length;
  const tailStart = text.length - change.tail;
  let j = k;
  const resumeAt = (s: number): boolean => {
    if (s < tailStart) return false;
    while (j < old.length && old[j]!.from + delta < s) j++;
    return j < old.length && old[j]!.from + delta === s;
  };
  if (cut(text, restart, emit, resumeAt) >= 0) {
    for (; j < old.length; j++) chunks.push({ from: old[j]!.from + delta, to: old[j]!.to + delta, spans: old[j]!.spans, placed: delta === 0 ? old[j]!.placed : undefined });
  }
  return { text, chunks };
}

/** The blocks of a whole text read once (a run without a session): no chunks are made, and each parsed
 *  span, made for this scan alone, is moved to its place in the text instead of copied. */
export function scanSpans(text: string, cut: Cutter, parse: (from: number, to: number) => BlockSpan[], start = 0): BlockSpan[] {
  const out: BlockSpan[] = [];
  cut(text, start, (from, to) => {
    for (const b of parse(from, to)) {
      b.start += from;
      b.end += from;
      out.push(b);
    }
  });
  return out;
}

export function blocksOf(scan: ChunkScan): BlockSpan[] {
  let count = 0;
  for (const c of scan.chunks) {
    if (!c.placed) c.placed = c.from === 0 ? c.spans : c.spans.map((b) => ({ kind: b.kind, start: b.start + c.from, end: b.end + c.from, prose: b.prose }));
    count += c.placed.length;
  }
  // At its final length: a list grown by push is copied again as it grows, on every keystroke.
  const out: BlockSpan[] = new Array(count);
  let at = 0;
  for (const c of scan.chunks) for (const b of c.placed!) out[at++] = b;
  return out;
}

// Where an edit fell: the lengths of the unchanged head and tail of two versions of a buffer.
/** Length of the common prefix of a and b (or, fromEnd, of their common suffix), at most max. Compares
 *  doubling slices with native string equality and narrows the first differing one, instead of walking
 *  every character in JavaScript. */
function commonRun(a: string, b: string, max: number, fromEnd: boolean): number {
  const part = (s: string, at: number, n: number): string => (fromEnd ? s.slice(s.length - at - n, s.length - at) : s.slice(at, at + n));
  const code = (s: string, at: number): number => s.charCodeAt(fromEnd ? s.length - 1 - at : at);
  let at = 0;
  let step = 64;
  while (at < max) {
    const n = Math.min(step, max - at);
    if (part(a, at, n) === part(b, at, n)) {
      at += n;
      step *= 2;
    } else if (n > 16) step = n >> 1;
    else {
      while (at < max && code(a, at) === code(b, at)) at++;
      return at;
    }
  }
  return at;
}

/** The unchanged head and tail of `after` relative to `before`; they never overlap. */
export function commonEnds(before: TextLike, after: TextLike): Change {
  if (before instanceof PieceText && after instanceof PieceText) return commonPieceEnds(before, after);
  const a = asString(before);
  const b = asString(after);
  const max = Math.min(a.length, b.length);
  const head = commonRun(a, b, max, false);
  return { head, tail: commonRun(a, b, max - head, true) };
}

/** commonEnds of two versions of a buffer in pieces: the pieces they share are the same strings, so only
 *  the ones an edit made are read. */
function commonPieceEnds(before: PieceText, after: PieceText): Change {
  const x = before.pieces;
  const y = after.pieces;
  const max = Math.min(before.length, after.length);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let head = i < x.length && i < y.length ? before.startOf(i) : max;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  let tail = j === 0 ? 0 : before.length - before.startOf(x.length - j);
  // Between the shared pieces: compare what is left, character runs by native string equality.
  const restA = before.slice(head, before.length - tail);
  const restB = after.slice(head, after.length - tail);
  const restMax = Math.min(restA.length, restB.length);
  const h = commonRun(restA, restB, restMax, false);
  head += h;
  tail += commonRun(restA, restB, restMax - h, true);
  return { head: Math.min(head, max), tail: Math.min(tail, max - Math.min(head, max)) };
}
