// Names the house style or the built-in list already knows, compiled once per style.
import type { CompiledStyle, NameEntry } from '../style/types.js';
import { deletionKeys, foldName, stripDiacritics } from './similarity.js';

export interface KnownNames {
  /** Every word of every canonical name and variant, and the known names (countries, capitals). */
  words: Set<string>;
  /** Words of canonical names → their entries (a listed form is authoritative). */
  canonicalWords: Map<string, NameEntry[]>;
  /** The same, as the entries' indices in the style's names (distinct, in order of first listing). */
  canonicalIndices: Map<string, number[]>;
  /** Deletion keys of canonical name words (plain and folded) → candidate entries and the word matched. */
  keys: Map<string, { entry: number; word: string }[]>;
  /** Each listed variant, as written in the style → its entry (the first that lists it). */
  variantOf: Map<string, NameEntry>;
}

export function knownNames(style: CompiledStyle): KnownNames {
  const hit = style.memo.get('names.known') as KnownNames | undefined;
  if (hit) return hit;
  const words = new Set<string>(style.config.known);
  const canonicalWords = new Map<string, NameEntry[]>();
  const keys = new Map<string, { entry: number; word: string }[]>();
  const variantOf = new Map<string, NameEntry>();
  style.config.names.forEach((n, entry) => {
    for (const w of n.name.split(/\s+/)) {
      words.add(w);
      const list = canonicalWords.get(w);
      if (list) list.push(n);
      else canonicalWords.set(w, [n]);
      // Short words (given names such as Li, Xi, Ali) are never matched fuzzily.
      if (w.length < 5) continue;
      for (const form of new Set([stripDiacritics(w).toLowerCase(), foldName(w)])) {
        for (const k of deletionKeys(form)) {
          const l = keys.get(k);
          const v = { entry, word: w };
          if (!l) keys.set(k, [v]);
          else if (!l.some((x) => x.entry === entry && x.word === w)) l.push(v);
        }
      }
    }
    for (const v of n.variants) {
      for (const w of v.split(/\s+/)) words.add(w);
      if (!variantOf.has(v)) variantOf.set(v, n);
    }
  });
  const names = style.config.names;
  const canonicalIndices = new Map<string, number[]>();
  for (const [w, entries] of canonicalWords) canonicalIndices.set(w, [...new Set(entries.map((e) => names.indexOf(e)))]);
  const known: KnownNames = { words, canonicalWords, canonicalIndices, keys, variantOf };
  style.memo.set('names.known', known);
  return known;
}

/** A short variant (a surname alone) is replaced by the matching tail of the canonical name. */
export function canonicalFor(variant: string, entry: NameEntry): string {
  const v = variant.trim().split(/\s+/);
  const c = entry.name.split(/\s+/);
  // Only a one-word variant stands for part of the name (a surname: Zelenskiy → Zelensky).
  if (v.length === 1 && c.length > 1) return entry.short ?? c[c.length - 1]!;
  return entry.name;
}
