import type { Check, DocumentMemo } from '../../check.js';
import { ARCHIVE_MIN_COUNT, archiveNeighbours, type NameArchive } from '../../names/archive.js';
import { distinctNames } from '../../names/distinct.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { knownNames } from '../../names/known.js';
import { isCommonWord, isDictionaryName } from '../../names/lexicon.js';
import { blockMentions, MAX_NAME, type Mention } from '../../names/mentions.js';
import { allowedEdits, editDistance, foldName, inflected, similarNames, stripDiacritics } from '../../names/similarity.js';
import { spanIn, StoryForm, StoryForms } from '../../names/story-forms.js';
import { isTitleOrNationality } from '../../names/titles.js';
import type { RawFinding } from '../../types.js';

class Form extends StoryForm<Mention> {
  /** Rare in the archive and not a known, ordinary or dictionary word: the only forms ever flagged. */
  rare = false;
  /** Times the archive has this form. */
  own = 0;
  /** The archive names the spelling alone allows (text, archive and style only), in the archive's order. */
  near: Near[] | undefined = undefined;
  /** The last answer and what it read: the form's version and the story's forms spelled as each near name. */
  judged: { version: number; seen: (Form | undefined)[]; versions: number[]; target: string | null } | undefined = undefined;
}

interface Near {
  w: string;
  /** Times the archive has it. */
  n: number;
}

/** The story's forms between runs (memo.state). */
interface State {
  styleKey: string;
  story: StoryForms<Mention, Form>;
  rare: Set<Form>;
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
  document(model, summaries, { style }, memo) {
    const arc = style.archive;
    if (!arc || arc.files === 0) return [];
    const state = archiveState(memo, style.key);
    const { story } = state;
    const { born, died } = story.update(summaries);
    for (const f of died) state.rare.delete(f);
    if (born.length) {
      const known = knownNames(style);
      for (const f of born) {
        const word = f.text;
        if (word.length < 5 || word.length > MAX_NAME) continue;
        if (known.words.has(word) || style.words.has(word) || isCommonWord(word) || isDictionaryName(word)) continue;
        f.own = arc.count(word);
        if (f.own > MAX_RARE) continue;
        f.rare = true;
        state.rare.add(f);
      }
    }
    const flagged: { form: Form; target: string }[] = [];
    for (const form of state.rare) {
      const target = judge(form, story, arc, style.config);
      if (target) flagged.push({ form, target });
    }
    // In the order of the forms' first mentions, as a fresh run meets them.
    flagged.sort((x, y) => story.compareFirst(x.form, y.form));
    const findings: RawFinding[] = [];
    for (const { form, target } of flagged) {
      const word = form.text;
      const own = form.own;
      const n = arc.count(target);
      const message = `“${word}” is rare in the archive (${own === 0 ? 'never' : own === 1 ? 'once' : 'twice'}); published stories spell it “${target}” (${n} times).`;
      for (const p of story.inOrder(form)) {
        const { start, end } = spanIn(model, p);
        findings.push({
          start,
          end,
          message,
          fixes: [{ start, end, text: target, title: `Replace with “${target}”` }],
          data: { canonical: target, forms: [word, target] },
        });
      }
    }
    return findings;
  },
};

function archiveState(memo: DocumentMemo, styleKey: string): State {
  const kept = memo.state as State | undefined;
  if (kept && kept.styleKey === styleKey) return kept;
  const story = new StoryForms<Mention, Form>({
    formOf: (m) => m.text,
    tracked: (m) => !m.title && !m.upper,
    create: (text) => new Form(text),
    signature: (m) => `${m.prev ?? ''}\u0000${m.next ?? ''}\u0000${m.initial ? 1 : 0}`,
  });
  const state: State = { styleKey, story, rare: new Set() };
  memo.state = state;
  return state;
}

/** The archive's usual spelling of a rare form, or null: worked out again only when the form's mentions
 *  or a story form spelled as one of its near archive names changed. */
function judge(form: Form, story: StoryForms<Mention, Form>, arc: NameArchive, config: { distinct?: string[][] }): string | null {
  const near = (form.near ??= nearSpellings(arc, form.text, form.own, config));
  if (near.length === 0) return null;
  const seen = near.map(({ w }) => story.forms.get(w));
  const last = form.judged;
  if (last && last.version === form.version && seen.every((g, i) => g === last.seen[i] && (!g || g.version === last.versions[i]))) return last.target;
  const target = usualSpelling(arc, form.text, near, form.mentions, (w) => story.forms.get(w)?.mentions);
  form.judged = { version: form.version, seen, versions: seen.map((g) => g?.version ?? -1), target };
  return target;
}

/** The frequent archive names close enough in spelling to be what a rare form meant. */
function nearSpellings(arc: NameArchive, word: string, own: number, config: { distinct?: string[][] }): Near[] {
  const first = foldName(word)[0];
  const near: Near[] = [];
  for (const w of archiveNeighbours(arc, word)) {
    const n = arc.count(w);
    if (arc.midCount(w) < ARCHIVE_MIN_COUNT || n < RATIO * own) continue;
    // Misspellings keep the first letter; plurals, demonyms and case are other words.
    if (foldName(w)[0] !== first || inflected(word, w) || w.toLowerCase() === word.toLowerCase()) continue;
    if (!closeSpelling(word, w) || distinctNames(config, word, w) || compound(w)) continue;
    near.push({ w, n });
  }
  return near;
}

type Mentioned = readonly { m: Mention }[];

/** Of the near archive names, the one the form's context singles out, or null when the evidence does not. */
function usualSpelling(arc: NameArchive, word: string, near: Near[], mentions: Mentioned, formOf: (w: string) => Mentioned | undefined): string | null {
  const passing: { w: string; n: number; confirmed: boolean }[] = [];
  for (const { w, n } of near) {
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
    const same = formOf(w);
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

function clash(a: Mentioned, b: Mentioned): boolean {
  const prevs = (l: Mentioned) => new Set(l.map(({ m }) => m.prev).filter((p): p is string => !!p));
  const pa = prevs(a);
  const pb = prevs(b);
  if (pa.size === 0 || pb.size === 0) return false;
  for (const p of pa) if (pb.has(p)) return false;
  return true;
}
