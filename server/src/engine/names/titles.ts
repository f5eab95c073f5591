// Words that stand before a surname without being a given name.
import { keepable } from '../document/memo.js';

export const TITLES = new Set(['President', 'Minister', 'Secretary', 'Chancellor', 'Premier', 'Sen', 'Senator', 'Rep', 'Representative', 'Gov', 'Governor', 'Mayor', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'General', 'Adm', 'Col', 'Lt', 'Capt', 'Sgt', 'King', 'Queen', 'Prince', 'Princess', 'Pope', 'Judge', 'Justice', 'Director', 'Chief', 'Ambassador', 'Envoy', 'Spokesman', 'Spokeswoman', 'Commissioner', 'Councilman', 'Councilwoman', 'Chairman', 'Chairwoman', 'Leader', 'Speaker', 'Deputy', 'Vice', 'Foreign', 'Defense', 'Defence', 'Finance', 'Interior', 'Prime', 'Crown', 'Sheikh', 'Ayatollah', 'Rabbi', 'Father', 'Sister', 'Coach', 'Officer', 'Detective', 'Attorney', 'Sheriff']);

/** A word before a name that is not part of it: a title (Minister, Sen) or a nationality (Turkish, German). */
export function isTitleOrNationality(word: string): boolean {
  let hit = memo.get(word);
  if (hit === undefined) {
    hit = TITLES.has(word.replace(/\.$/, '')) || NATIONALITY.test(word);
    if (memo.size >= 50_000) memo.clear();
    memo.set(keepable(word), hit);
  }
  return hit;
}

// A constant, not a literal in the function: the bundle (target node18) builds a \p{…} literal anew on every call.
const NATIONALITY = /^\p{Lu}\p{Ll}+(?:ish|ian|ese|ean|an|i)$/u;

// The same words come up again and again (every capitalised word before a name): answered once each.
const memo = new Map<string, boolean>();
