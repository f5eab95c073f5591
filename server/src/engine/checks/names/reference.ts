import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { wordFacts } from '../../names/facts.js';
import { capitalisedWords, oneSpace } from '../../names/words.js';
import { blockPhrases } from '../../style/phrases.js';
import type { Block } from '../../document/model.js';
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
  document(model, summaries, { style }) {
    const seenFull = new Set<number>();
    const flagged = new Set<number>();
    const findings: RawFinding[] = [];
    // The first paragraph of a plain draft is its headline when it is one short line: skipped too.
    summaries.forEach((list, b) => {
      if (!list?.length) return;
      const block = model.blocks[b]!;
      if (b === 0 && summaries.length > 1 && !/[\r\n]/.test(block.prose) && block.words < 25) return;
      for (const m of list) {
        if (m.full) {
          seenFull.add(m.entry);
          continue;
        }
        if (seenFull.has(m.entry) || flagged.has(m.entry)) continue;
        flagged.add(m.entry);
        const entry = style.config.names[m.entry]!;
        const start = block.start + m.start;
        const end = block.start + m.end;
        findings.push({
          start,
          end,
          message: `First reference to ${entry.name} by surname alone: give the full name${entry.title ? ` (${entry.title} ${entry.name})` : ''} the first time.`,
          fixes: [{ start, end, text: entry.name, title: `Write “${entry.name}”`, manual: true }],
          data: { canonical: entry.name },
        });
      }
    });
    return findings;
  },
};

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
