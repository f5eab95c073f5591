// What a document check needs to update its index from one run to the next instead of reading every
// block's summary again: the runner passes the same summary object (===) for a block whose text is
// unchanged, so the blocks an edit touched are the stretch between the longest common head and tail.
// Two blocks with the same text may share one summary object; comparing by position keeps that right.

/** Blocks [from, toBefore) of the previous run became blocks [from, to) of this one; the others are unchanged
 *  (a block at or after `to` was at `index - to + toBefore`). Its start may still have moved. */
export interface ChangedSpan {
  from: number;
  toBefore: number;
  to: number;
}

export function changedSpan<S>(before: readonly S[], now: readonly S[]): ChangedSpan {
  const shorter = Math.min(before.length, now.length);
  let from = 0;
  while (from < shorter && before[from] === now[from]) from++;
  let tail = 0;
  while (tail < shorter - from && before[before.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { from, toBefore: before.length - tail, to: now.length - tail };
}

/**
 * The blocks whose summary is of interest to a check (it has uses of a word list, an unclosed quotation mark), in document
 * order, kept up to date from run to run: a check with a few such blocks among hundreds reads only those.
 */
export class MarkedBlocks<S> {
  /** Ascending block indices, for `summaries`. */
  blocks: number[] = [];
  /** The summaries last indexed (read them before `update` to see what an edit replaced). */
  summaries: readonly (S | undefined)[] = [];

  constructor(private readonly marks: (summary: S) => boolean) {}

  /** Moves the index to this run's summaries. */
  update(now: readonly (S | undefined)[]): ChangedSpan {
    const span = changedSpan(this.summaries, now);
    const old = this.blocks;
    const kept: number[] = [];
    let i = 0;
    for (; i < old.length && old[i]! < span.from; i++) kept.push(old[i]!);
    for (let b = span.from; b < span.to; b++) {
      const s = now[b];
      if (s !== undefined && this.marks(s)) kept.push(b);
    }
    while (i < old.length && old[i]! < span.toBefore) i++;
    const shift = span.to - span.toBefore;
    for (; i < old.length; i++) kept.push(old[i]! + shift);
    this.blocks = kept;
    this.summaries = now;
    return span;
  }
}
