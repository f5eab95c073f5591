import type { Check } from '../../check.js';
import type { Block } from '../../document/model.js';
import { TokenFlag } from '../../document/tokens.js';
import type { NameEntry } from '../../style/types.js';
import { canonicalFor } from '../../names/known.js';
import { blockPhrases } from '../../style/phrases.js';
import type { RawFinding } from '../../types.js';

/** A variant listed in the house style's names (Zaporizhzhya, Kiev) → the canonical name. */
export const listedVariant: Check = {
  id: 'names.listed-variant',
  family: 'names',
  defaultSeverity: 'warning',
  fixable: true,
  priority: 0,
  description: 'A spelling the house style lists as a variant of a name (Kiev, Zaporizhzhya): use the canonical form.',
  docs: {
    bad: ['Shelling hit Zaporizhzhya overnight.', 'The mayor of Kiev spoke.'],
    good: ['Shelling hit Zaporizhzhia overnight.', 'Dynamo Kiev won the match.'],
  },
  block(block, { style }) {
    const findings: RawFinding[] = [];
    const names = style.config.names;
    for (const m of blockPhrases(block, style.phrases)) {
      if (m.phrase.kind !== 'variant') continue;
      // Names are proper nouns: a lower-case "kiev" in running text is not the city.
      if (!(block.tokens.flags[m.tokFrom]! & TokenFlag.Cap)) continue;
      const entry = names[m.phrase.entry]!;
      if (insideException(block, m.start, m.end, entry)) continue;
      const replacement = canonicalFor(m.phrase.text, entry);
      if (replacement === block.prose.slice(m.start, m.end)) continue;
      findings.push({
        start: m.start,
        end: m.end,
        message: `“${block.prose.slice(m.start, m.end)}” is a variant of ${entry.name}: use “${replacement}”.${entry.note ? ` (${entry.note})` : ''}`,
        fixes: [{ start: m.start, end: m.end, text: replacement, title: `Replace with “${replacement}”` }],
        data: { canonical: entry.name },
      });
    }
    return { findings };
  },
};

function insideException(block: Block, start: number, end: number, entry: NameEntry): boolean {
  if (!entry.not?.length) return false;
  const around = block.prose.slice(Math.max(0, start - 40), Math.min(block.prose.length, end + 40));
  return entry.not.some((phrase) => around.includes(phrase));
}
