import type { Check } from '../../check.js';
import type { Block } from '../../document/model.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import type { RawFinding } from '../../types.js';
import { blockPhrases } from '../../style/phrases.js';

/** A term the house style replaces (Burma → Myanmar, per cent → percent). */
export const substitution: Check = {
  id: 'style.substitution',
  family: 'style',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A term the house style replaces with its preferred form (Burma → Myanmar, Bombay → Mumbai).',
  docs: {
    bad: ['The junta in Burma met on Monday.', 'Prices rose 3 per cent.'],
    good: ['The junta in Myanmar met on Monday.', '“We will never call it anything but Burma,” he said.', 'Shares rose on the Bombay Stock Exchange.'],
  },
  block(block, { style }) {
    const findings: RawFinding[] = [];
    const subs = style.config.substitutions;
    for (const m of blockPhrases(block, style.phrases)) {
      if (m.phrase.kind !== 'substitution') continue;
      const entry = subs[m.phrase.entry]!;
      const quoted = (block.tokens.flags[m.tokFrom]! & TokenFlag.InQuote) !== 0;
      // A quote is what the person said; the house style does not rewrite it unless the entry says so.
      if (quoted && !entry.inQuotes) continue;
      // A place's old name inside a proper name stays: Bombay Stock Exchange, Peking University, Madras High Court.
      if (partOfName(block, m.tokTo, entry.prefer)) continue;
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
    return findings.length ? { findings } : undefined;
  },
};

/** Keeps a sentence-initial capital when the preferred form is lower case (Per cent → Percent). */
export function matchCase(actual: string, preferred: string): string {
  const a0 = actual[0] ?? '';
  const p0 = preferred[0] ?? '';
  if (a0 !== a0.toLowerCase() && p0 === p0.toLowerCase()) return p0.toUpperCase() + preferred.slice(1);
  return preferred;
}

/** The matched term is followed by a capitalised word that continues a name (not a new sentence). */
function partOfName(block: Block, next: number, prefer: string): boolean {
  const t = block.tokens;
  if (next >= t.count || !/^\p{Lu}/u.test(prefer)) return false;
  const flags = t.flags[next]!;
  return t.kind[next] === TokenKind.Word && (flags & TokenFlag.Cap) !== 0 && (flags & TokenFlag.SentenceStart) === 0 && /^ $/.test(block.prose.slice(t.end[next - 1], t.start[next]));
}
