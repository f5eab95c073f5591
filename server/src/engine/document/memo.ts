// Per-block work that several checks share. The runner takes a batch of consecutive blocks through one
// check after another, so the checks meet a block's entry in a small table indexed by its position; any
// other caller just works it out again. A long-lived WeakMap cost more: its table fills with the dead
// blocks of earlier runs until a full collection.
import type { Block } from './model.js';

const SLOTS = 256;

/** `compute` for a block, computed once while the block's analysis (its token index) stays the same. */
export function perBlock<T>(compute: (block: Block) => T): (block: Block) => T {
  const tokens: (object | undefined)[] = new Array(SLOTS).fill(undefined);
  const values: (T | undefined)[] = new Array(SLOTS).fill(undefined);
  return (block) => {
    const slot = block.index & (SLOTS - 1);
    if (tokens[slot] === block.tokens) return values[slot]!;
    const value = compute(block);
    tokens[slot] = block.tokens;
    values[slot] = value;
    return value;
  };
}

/** A string to keep in a long-lived memo: V8 makes a slice of 13 characters or more a view of the string
 *  it was cut from, which would keep a whole paragraph alive; such a string is copied. */
export function keepable(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
