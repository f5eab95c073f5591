// What the engine knows of a newsroom's archive (names.archive): how often each capitalised word and each
// pair of adjacent capitalised words occurs in published copy. The files are read outside the engine
// (server/src/archive/); the engine sees only counts, and finds the frequent archive names a rare
// spelling is a near miss of.
import * as path from 'node:path';
import { isCommonWord } from './lexicon.js';
import { deletionKeys, foldName, stripDiacritics } from './similarity.js';

export interface NameArchive {
  /** Changes whenever the counts change; part of the style key, so cached work is redone. */
  readonly version: string;
  /** Files indexed. */
  readonly files: number;
  /** Times a capitalised word occurs in the archive (possessive ending removed). */
  count(word: string): number;
  /** Times it occurs capitalised where a sentence does not start (so it is a name, not just a first word). */
  midCount(word: string): number;
  /** Times two capitalised words occur side by side, one space apart (Marco Rubio). */
  pairCount(first: string, second: string): number;
  /** Every word seen at least `min` times inside sentences, with its count. */
  frequent(min: number): Iterable<[string, number]>;
}

/** An archive name is trusted as "the usual spelling" from this many occurrences. */
export const ARCHIVE_MIN_COUNT = 3;

interface Lookup {
  version: string;
  /** Deletion keys (plain and folded) of frequent archive names → those names. */
  keys: Map<string, string[]>;
}

const lookups = new WeakMap<NameArchive, Lookup>();

/** Frequent archive names (at least ARCHIVE_MIN_COUNT times, 5 letters or more, not ordinary words)
 *  sharing a deletion key with `word`; the caller decides with similarNames. Built once per version. */
export function archiveNeighbours(archive: NameArchive, word: string): string[] {
  let lookup = lookups.get(archive);
  if (!lookup || lookup.version !== archive.version) {
    const keys = new Map<string, string[]>();
    for (const [w] of archive.frequent(ARCHIVE_MIN_COUNT)) {
      if (w.length < 5 || w.length > 40 || isCommonWord(w)) continue;
      for (const form of new Set([stripDiacritics(w).toLowerCase(), foldName(w)])) {
        for (const k of deletionKeys(form)) {
          const list = keys.get(k);
          if (!list) keys.set(k, [w]);
          else if (!list.includes(w)) list.push(w);
        }
      }
    }
    lookup = { version: archive.version, keys };
    lookups.set(archive, lookup);
  }
  const out = new Set<string>();
  for (const form of new Set([stripDiacritics(word).toLowerCase(), foldName(word)])) {
    for (const k of deletionKeys(form)) for (const w of lookup.keys.get(k) ?? []) if (w !== word) out.add(w);
  }
  return [...out];
}

/** Why an archive glob is refused, or null: globs stay inside the folder of the style file (issue 9:
 *  nothing outside the workspace is read), so no `..` segment and no absolute path elsewhere. */
export function archiveGlobProblem(glob: string, styleFile: string | undefined): string | null {
  const g = glob.replace(/\\/g, '/');
  const outside = `names.archive "${glob}" leaves the workspace: archive globs are relative to the folder of copydesk.yaml and must stay inside it`;
  if (g.split('/').includes('..')) return `${outside} (no ".." segments)`;
  if (g.startsWith('~')) return `${outside} (no "~")`;
  if (path.posix.isAbsolute(g) || /^[A-Za-z]:\//.test(g)) {
    if (!styleFile) return `${outside} (an absolute path needs a style file to be relative to)`;
    const rel = path.relative(path.dirname(styleFile), glob);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return `${outside} (an absolute path must lie inside that folder)`;
  }
  return null;
}
