import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import type { RawFinding } from '../../types.js';

/** A term the house style replaces (Burma → Myanmar, per cent → percent). */
export const substitution: Check = {
  id: 'style.substitution',
  family: 'style',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A term the house style replaces with its preferred form (Burma → Myanmar, Bombay → Mumbai).',
  docs: {
    bad: ['The junta in Burma met on Monday.', 'Prices rose 3 per cent.'],
    good: ['The junta in Myanmar met on Monday.', '“We will never call it anything but Burma,” he said.'],
  },
  block(block, { style }) {
    const findings: RawFinding[] = [];
    const subs = style.config.substitutions;
    for (const m of style.phrases.match(block.prose, block.tokens)) {
      if (m.phrase.kind !== 'substitution') continue;
      const entry = subs[m.phrase.entry]!;
      const quoted = (block.tokens.flags[m.tokFrom]! & TokenFlag.InQuote) !== 0;
      // A quote is what the person said; the house style does not rewrite it unless the entry says so.
      if (quoted && !entry.inQuotes) continue;
      const actual = block.prose.slice(m.start, m.end);
      const replacement = matchCase(actual, entry.prefer);
      const why = entry.message ?? `Use “${entry.prefer}” rather than “${actual}”.`;
      findings.push({
        start: m.start,
        end: m.end,
        message: `${why}${entry.note ? ` (${entry.note})` : ''}${quoted ? ' (inside a direct quote)' : ''}`,
        fixes: [{ start: m.start, end: m.end, text: replacement, title: `Replace with “${replacement}”` }],
      });
    }
    return { findings };
  },
};

/** Keeps a sentence-initial capital when the preferred form is lower case (Per cent → Percent). */
export function matchCase(actual: string, preferred: string): string {
  const a0 = actual[0] ?? '';
  const p0 = preferred[0] ?? '';
  if (a0 !== a0.toLowerCase() && p0 === p0.toLowerCase()) return p0.toUpperCase() + preferred.slice(1);
  return preferred;
}
