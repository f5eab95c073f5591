import type { Check } from '../../check.js';
import { ARCHIVE_MIN_COUNT, archiveNeighbours, type NameArchive } from '../../names/archive.js';
import { distinctNames } from '../../names/distinct.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { knownNames } from '../../names/known.js';
import { isCommonWord, isDictionaryName } from '../../names/lexicon.js';
import { blockMentions, MAX_NAME, type Mention } from '../../names/mentions.js';
import { allowedEdits, editDistance, foldName, inflected, similarNames, stripDiacritics } from '../../names/similarity.js';
import { isTitleOrNationality } from '../../names/titles.js';
import type { RawFinding } from '../../types.js';

interface Placed {
  m: Mention;
  base: number;
}

/** How much more often the archive must use the usual spelling than the draft's form. */
const RATIO = 8;
/** A form written this often in the archive is a spelling the newsroom uses, never flagged. */
const MAX_RARE = 2;
/** With no given name or surname beside it to confirm the person, the archive name must be this frequent. */
const MIN_ALONE = 5;
/** Alone, forms shorter than this are never flagged. */
const MIN_ALONE_LENGTH = 7;
/** A given name or surname beside the form must stand beside the archive name at least this often. */
const PAIR_EVIDENCE = 2;

/** A rare spelling of a name the newsroom's archive spells another way, often (names.archive). */
export const archive: Check<Mention[]> = {
  id: 'names.archive',
  family: 'names',
  defaultSeverity: 'warning',
  fixable: true,
  priority: 4,
  description: 'A rare spelling of a name that the newsroom’s archive (names.archive in copydesk.yaml) spells another way, often (Pistorious where published stories say Pistorius): use the archive’s form.',
  docs: {
    bad: [],
    good: ['Boris Pistorius spoke. Pistorius left.'],
    details: 'Needs `names: { archive: "published/**/*.md" }`: the archive is indexed once (capitalised words and pairs of them, with counts) and kept fresh as its files change. A form is flagged only when it is not an English word or a known name, occurs at most twice in the archive, and is within the name-similarity distance of an archive name seen at least 3 times and 8 times as often; a given name or surname beside it must occur beside the archive name too.',
  },
  block(block, { style }) {
    if (!style.archive) return undefined;
    // The mentions are shared with names.inconsistent: amended ones are copies.
    const shared = blockMentions(block);
    let list = shared;
    const t = block.tokens;
    let i = 0;
    shared.forEach((m, k) => {
      if (m.prev) return;
      // A sentence-initial word the dictionary knows as a name (John, Mike) is a given name here too.
      while (i < t.count && t.start[i]! < m.start) i++;
      const j = i - 1;
      if (j < 0 || t.kind[j] !== TokenKind.Word || !(t.flags[j]! & TokenFlag.SentenceStart) || block.prose.slice(t.end[j], t.start[i]) !== ' ') return;
      const w = block.prose.slice(t.start[j], t.end[j]);
      if (!isDictionaryName(w) || isTitleOrNationality(w)) return;
      if (list === shared) list = shared.slice();
      list[k] = { ...m, prev: w };
    });
    return { summary: list };
  },
  document(model, summaries, { style }) {
    const arc = style.archive;
    if (!arc || arc.files === 0) return [];
    const known = knownNames(style);
    const forms = new Map<string, Placed[]>();
    summaries.forEach((list, b) => {
      if (!list?.length) return;
      const base = model.blocks[b]!.start;
      for (const m of list) {
        if (m.title || m.upper) continue;
        const at = forms.get(m.text);
        if (at) at.push({ m, base });
        else forms.set(m.text, [{ m, base }]);
      }
    });
    const findings: RawFinding[] = [];
    for (const [word, mentions] of forms) {
      if (word.length < 5 || word.length > MAX_NAME) continue;
      if (known.words.has(word) || style.words.has(word) || isCommonWord(word) || isDictionaryName(word)) continue;
      const own = arc.count(word);
      if (own > MAX_RARE) continue;
      const target = usualSpelling(arc, word, own, mentions, forms, style.config);
      if (!target) continue;
      const n = arc.count(target);
      for (const { m, base } of mentions) {
        const start = base + m.start;
        const end = base + m.end;
        findings.push({
          start,
          end,
          message: `“${word}” is rare in the archive (${own === 0 ? 'never' : own === 1 ? 'once' : 'twice'}); published stories spell it “${target}” (${n} times).`,
          fixes: [{ start, end, text: target, title: `Replace with “${target}”` }],
          data: { canonical: target, forms: [word, target] },
        });
      }
    }
    return findings;
  },
};

/** The archive's usual spelling of a rare form, or null when the evidence does not single one out. */
function usualSpelling(arc: NameArchive, word: string, own: number, mentions: Placed[], forms: Map<string, Placed[]>, config: { distinct?: string[][] }): string | null {
  const first = foldName(word)[0];
  const passing: { w: string; n: number; confirmed: boolean }[] = [];
  for (const w of archiveNeighbours(arc, word)) {
    const n = arc.count(w);
    if (arc.midCount(w) < ARCHIVE_MIN_COUNT || n < RATIO * own) continue;
    // Misspellings keep the first letter; plurals, demonyms and case are other words.
    if (foldName(w)[0] !== first || inflected(word, w) || w.toLowerCase() === word.toLowerCase()) continue;
    if (!closeSpelling(word, w) || distinctNames(config, word, w) || compound(w)) continue;
    // The words beside it (a given name before, a surname after) must stand beside the archive name too:
    // Mike Rubino is not a misspelling of Marco Rubio.
    let context = 0;
    let confirmed = 0;
    for (const { m } of mentions) {
      if (m.prev) {
        context++;
        confirmed = Math.max(confirmed, arc.pairCount(m.prev, w));
      }
      if (m.next) {
        context++;
        confirmed = Math.max(confirmed, arc.pairCount(w, m.next));
      }
    }
    // A pair seen once (Michael McCaul beside Michael McFaul) is too little to call one a misspelling.
    if (context > 0 && confirmed < PAIR_EVIDENCE) continue;
    // Only ever the first word of a sentence, with nothing beside it: as likely an ordinary word (Defending).
    if (context === 0 && mentions.every(({ m }) => m.initial)) continue;
    // Alone, a short name one letter from another (Levin, Levine; Davos, Davis) is as likely someone else.
    if (context === 0 && (n < MIN_ALONE || Math.min(word.length, w.length) < MIN_ALONE_LENGTH)) continue;
    // When the story itself uses the archive form with other given names, the two are different people.
    const same = forms.get(w);
    if (same && clash(same, mentions)) continue;
    passing.push({ w, n, confirmed: confirmed > 0 });
  }
  if (passing.length === 0) return null;
  passing.sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || b.n - a.n);
  const [best, second] = passing;
  // Two frequent archive names it could be (Jonson: Johnson or Jonsson?) and nothing to choose: say nothing.
  if (second && second.confirmed === best!.confirmed && second.n * 3 > best!.n) return null;
  return best!.w;
}

/** Equal after transliteration folding, or within the allowed edits as written (folding and then editing
 *  again makes Hartson a Harrison). */
function closeSpelling(a: string, b: string): boolean {
  if (!similarNames(a, b)) return false;
  if (foldName(a) === foldName(b)) return true;
  const pa = stripDiacritics(a).toLowerCase();
  const pb = stripDiacritics(b).toLowerCase();
  const max = allowedEdits(Math.min(pa.length, pb.length));
  return editDistance(pa, pb, max) <= max;
}

/** A hyphenated compound of ordinary words (Republican-controlled) is not a name. */
function compound(w: string): boolean {
  return w.includes('-') && w.split('-').every((p) => p.length === 0 || isCommonWord(p) || isDictionaryName(p));
}

function clash(a: Placed[], b: Placed[]): boolean {
  const prevs = (l: Placed[]) => new Set(l.map(({ m }) => m.prev).filter((p): p is string => !!p));
  const pa = prevs(a);
  const pb = prevs(b);
  if (pa.size === 0 || pb.size === 0) return false;
  for (const p of pa) if (pb.has(p)) return false;
  return true;
}
