// Which name forms could be spellings of one another: forms one deletion apart (on the lower-cased,
// diacritic-free form or the transliteration-folded one). The shared index lives as long as the process
// and grows by the forms it meets: while a writer types, a story's forms are nearly all known, so its
// candidate pairs come from lookups instead of re-indexing every form on every keystroke. A one-off check
// of a story uses an index of its own: its forms are mostly new to a long-lived index, which would only
// grow (to hundreds of thousands of keys over a CLI run) and cost more per form the larger it got.
import { keepable } from '../document/memo.js';
import { deletionKeys, foldName, stripDiacritics } from './similarity.js';

// A bound on the shared index (a long run meets many stories' names); past it, start again.
export const MAX_FORMS = 50_000;

export class NeighbourIndex {
  private readonly byKey = new Map<string, string[]>();
  private readonly similar = new Map<string, Set<string>>();
  /** Changes whenever the index starts again: a caller that kept pairs found through it must look its
   *  forms up anew, since forms seen before are no longer in the index to meet new ones. */
  generation = 0;

  constructor(private readonly keep: (text: string) => string = (t) => t) {}

  /** Every form seen so far that shares a deletion key with `text` (not `text` itself). */
  similarForms(text: string): ReadonlySet<string> {
    let set = this.similar.get(text);
    if (set) return set;
    if (this.similar.size >= MAX_FORMS) {
      this.similar.clear();
      this.byKey.clear();
      this.generation++;
    }
    text = this.keep(text);
    set = new Set();
    this.similar.set(text, set);
    for (const form of new Set([stripDiacritics(text).toLowerCase(), foldName(text)])) {
      for (const k of deletionKeys(form)) {
        const others = this.byKey.get(k);
        if (!others) {
          this.byKey.set(k, [text]);
          continue;
        }
        for (const o of others) {
          if (o === text) continue;
          set.add(o);
          this.similar.get(o)!.add(text);
        }
        if (!others.includes(text)) others.push(text);
      }
    }
    return set;
  }
}

// Kept for the life of the process: a copy, not a slice that would keep its whole paragraph alive.
const shared = new NeighbourIndex(keepable);

/** The shared index's generation (NeighbourIndex.generation). */
export function neighbourGeneration(): number {
  return shared.generation;
}

/** Every form the shared index has seen that shares a deletion key with `text` (not `text` itself). */
export function similarForms(text: string): ReadonlySet<string> {
  return shared.similarForms(text);
}
