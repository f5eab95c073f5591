import type { Check, DocumentMemo } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { wordFacts } from '../../names/facts.js';
import { blockOf, spanIn, StoryForm, StoryForms, type Placed } from '../../names/story-forms.js';
import { capitalisedWords, oneSpace } from '../../names/words.js';
import { blockPhrases } from '../../style/phrases.js';
import type { Block, DocumentOutline } from '../../document/model.js';
import type { CompiledStyle } from '../../style/types.js';
import type { RawFinding } from '../../types.js';

interface Mention {
  entry: number;
  full: boolean;
  start: number;
  end: number;
}

/** A listed person's first mention in a story must be the full name; a surname alone before it is flagged. */
export const reference: Check<Mention[]> = {
  id: 'names.reference',
  family: 'names',
  defaultSeverity: 'info',
  fixable: true,
  priority: 3,
  description: 'A listed person first mentioned by surname alone (Fidan before any Hakan Fidan): the first reference gives the full name.',
  docs: {
    bad: ['Fidan opened the talks. Later Hakan Fidan left.'],
    good: ['Turkish Foreign Minister Hakan Fidan opened the talks. Fidan left.'],
  },
  block(block, { style }) {
    // Headlines use surnames by convention.
    if (block.kind === 'heading') return undefined;
    const out: Mention[] = [];
    const t = block.tokens;
    for (const m of blockPhrases(block, style.phrases)) {
      if (m.phrase.kind !== 'name') continue;
      const entry = style.config.names[m.phrase.entry]!;
      if (entry.kind !== 'person') continue;
      out.push({ entry: m.phrase.entry, full: true, start: m.start, end: m.end });
    }
    const cw = capitalisedWords(block);
    const facts = wordFacts(block, style);
    for (let n = 0; n < cw.count; n++) {
      const entry = facts[n]!.surname;
      if (entry < 0) continue;
      const i = cw.tok[n]!;
      const word = cw.word[n]!;
      // Part of a full name already (the given name right before it) or followed by another name word.
      if (nameWordBefore(block, i, nameWords(style, entry))) continue;
      // Followed by another capitalised word it is someone else's given name (Kim Davis) or a name of its own (Trump Tower).
      if (i + 1 < t.count && t.flags[i + 1]! & TokenFlag.Cap && oneSpace(block.prose, t.end[i]!, t.start[i + 1]!)) continue;
      out.push({ entry, full: false, start: t.start[i]!, end: t.start[i]! + word.length });
    }
    return out.length ? { summary: firstPerEntry(out) } : undefined;
  },
  document(model, summaries, { style }, memo) {
    const story = referenceState(memo, style.key).story;
    story.update(summaries);
    const headline = opensWithHeadline(model);
    // Each person's first mention decides: by surname alone, it is flagged.
    const firsts: Placed<Mention>[] = [];
    for (const person of story.forms.values()) {
      const mentions = story.inOrder(person);
      // A block holds one mention of each person at most (firstPerEntry).
      const first = headline && blockOf(mentions[0]!) === 0 ? mentions[1] : mentions[0];
      if (first && !first.m.full) firsts.push(first);
    }
    firsts.sort((x, y) => blockOf(x) - blockOf(y) || x.index - y.index);
    return firsts.map((p) => surnameFirst(style, p.m, spanIn(model, p)));
  },
  fold({ style }) {
    // Each person's first two mentions in story order (the first may be in a headline, which is skipped),
    // with the block and place in its list that order the findings.
    interface Seen { m: Mention; block: number; index: number; base: number }
    const seen = new Map<number, [Seen, Seen | undefined]>();
    return {
      add(list, block) {
        list?.forEach((m, index) => {
          const had = seen.get(m.entry);
          if (had?.[1]) return;
          const at: Seen = { m, block: block.index, index, base: block.start };
          if (had) had[1] = at;
          else seen.set(m.entry, [at, undefined]);
        });
      },
      finish(model) {
        const headline = opensWithHeadline(model);
        const firsts: Seen[] = [];
        for (const [a, b] of seen.values()) {
          const first = headline && a.block === 0 ? b : a;
          if (first && !first.m.full) firsts.push(first);
        }
        firsts.sort((x, y) => x.block - y.block || x.index - y.index);
        return firsts.map((p) => surnameFirst(style, p.m, { start: p.base + p.m.start, end: p.base + p.m.end }));
      },
    };
  },
};

/** The first paragraph of a plain draft is its headline when it is one short line (headlines use surnames
 *  by convention: its mentions are skipped too). */
function opensWithHeadline(model: DocumentOutline): boolean {
  const top = model.blocks[0];
  return model.blocks.length > 1 && top !== undefined && top.words < 25 && !/[\r\n]/.test(top.prose);
}

/** The finding for a listed person first mentioned by surname alone at [start, end). */
function surnameFirst(style: CompiledStyle, m: Mention, { start, end }: { start: number; end: number }): RawFinding {
  const entry = style.config.names[m.entry]!;
  return {
    start,
    end,
    message: `First reference to ${entry.name} by surname alone: give the full name${entry.title ? ` (${entry.title} ${entry.name})` : ''} the first time.`,
    fixes: [{ start, end, text: entry.name, title: `Write “${entry.name}”`, manual: true }],
    data: { canonical: entry.name },
  };
}

type Person = StoryForm<Mention>;

/** Where each listed person is mentioned, kept between runs (memo.state) while the style stays the same. */
function referenceState(memo: DocumentMemo, styleKey: string): { styleKey: string; story: StoryForms<Mention, Person> } {
  const kept = memo.state as ReturnType<typeof referenceState> | undefined;
  if (kept && kept.styleKey === styleKey) return kept;
  const story = new StoryForms<Mention, Person>({
    formOf: (m) => String(m.entry),
    tracked: () => true,
    create: (text) => new StoryForm<Mention>(text),
    // Nothing is judged from a person's mentions beyond the first, which is read afresh each run.
    signature: () => '',
  });
  const state = { styleKey, story };
  memo.state = state;
  return state;
}

/** The block's first mention of each entry, in text order: once a story has mentioned a person, later
 *  mentions never change whether the first was by surname, so the document phase reads only these. */
function firstPerEntry(list: Mention[]): Mention[] {
  const seen = new Set<number>();
  const firsts: Mention[] = [];
  for (const m of list.sort((x, y) => x.start - y.start)) {
    if (seen.has(m.entry)) continue;
    seen.add(m.entry);
    firsts.push(m);
  }
  return firsts;
}

/** The token before token i (or nothing, at the start) is one of the words of the name. */
function nameWordBefore(block: Block, i: number, words: string[]): boolean {
  const t = block.tokens;
  const from = i > 0 ? t.start[i - 1]! : 0;
  const length = i > 0 ? t.end[i - 1]! - from : 0;
  for (const w of words) if (w.length === length && block.prose.startsWith(w, from)) return true;
  return false;
}

/** The words of a listed name (split once per style, not once per mention). */
function nameWords(style: CompiledStyle, entry: number): string[] {
  let all = style.memo.get('names.reference.words') as (string[] | undefined)[] | undefined;
  if (!all) style.memo.set('names.reference.words', (all = []));
  return (all[entry] ??= style.config.names[entry]!.name.split(/\s+/));
}
