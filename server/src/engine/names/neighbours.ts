// Which name forms could be spellings of one another: forms one deletion apart (on the lower-cased,
// diacritic-free form or the transliteration-folded one). The deletion-key index lives as long as the
// process and grows by the forms it meets: while a writer types, a story's forms are nearly all known,
// so its candidate pairs come from lookups instead of re-indexing every form on every keystroke.
import { keepable } from '../document/memo.js';
import { deletionKeys, foldName, stripDiacritics } from './similarity.js';

// A bound on the index (a long CLI run meets many stories' names); past it, start again.
export const MAX_FORMS = 50_000;
const byKey = new Map<string, string[]>();
const similar = new Map<string, Set<string>>();
let emptied = 0;

/** Changes whenever the index starts again: a caller that kept pairs found through it must look its
 *  forms up anew, since forms seen before are no longer in the index to meet new ones. */
export function neighbourGeneration(): number {
  return emptied;
}

/** Every form seen so far that shares a deletion key with `text` (not `text` itself). */
export function similarForms(text: string): ReadonlySet<string> {
  let set = similar.get(text);
  if (set) return set;
  if (similar.size >= MAX_FORMS) {
    similar.clear();
    byKey.clear();
    emptied++;
  }
  // Kept for the life of the process: a copy, not a slice that would keep its whole paragraph alive.
  text = keepable(text);
  set = new Set();
  similar.set(text, set);
  for (const form of new Set([stripDiacritics(text).toLowerCase(), foldName(text)])) {
    for (const k of deletionKeys(form)) {
      const others = byKey.get(k);
      if (!others) {
        byKey.set(k, [text]);
        continue;
      }
      for (const o of others) {
        if (o === text) continue;
        set.add(o);
        similar.get(o)!.add(text);
      }
      if (!others.includes(text)) others.push(text);
    }
  }
  return set;
}
