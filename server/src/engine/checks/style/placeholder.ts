import type { Check } from '../../check.js';
import type { RawFinding } from '../../types.js';

// TK, TKTK, TKK (to come), XX or XXX standing for a missing figure, [[editor notes]] and [TK].
// The word-start test is done by hand: a leading lookbehind keeps V8 from skipping ahead to the literal
// first characters, and the scan then costs a regex step at every position of every block.
const PLACEHOLDER = /(?:TK+(?:TK+)*|XXX?)(?![\p{L}\p{N}])|\[\[[^\]\n]*\]\]|\[(?:TK|XX|TBD|TKTK)[^\]\n]*\]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Placeholders left in copy: TK, TKTK, XX, [[editor notes]]. */
export const placeholder: Check = {
  id: 'style.placeholder',
  family: 'style',
  defaultSeverity: 'error',
  fixable: false,
  description: 'A placeholder left in copy (TK, TKTK, XX, [[editor note]]) that must be filled before publication.',
  docs: {
    bad: ['The fund lost TK million last year.', 'About XX people attended.', 'The mayor [[check title]] said.'],
    good: ['The TKO came in the third round.', 'Super Bowl XL was played in Detroit.'],
  },
  block(block) {
    const findings: RawFinding[] = [];
    if (!/TK|XX|\[/.test(block.prose)) return undefined;
    PLACEHOLDER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PLACEHOLDER.exec(block.prose)) !== null) {
      const text = m[0];
      if (text[0] !== '[' && m.index > 0 && WORD_CHAR.test(block.prose[m.index - 1]!)) continue;
      // XX after a capitalised word is more likely a Roman numeral (Pope Pius XX, Super Bowl XX).
      if (text.startsWith('X') && followsNameWord(block.prose, m.index)) continue;
      findings.push({
        start: m.index,
        end: m.index + text.length,
        message: `Placeholder “${text}” is still in the copy.`,
        data: { placeholder: text },
      });
    }
    return findings.length ? { findings } : undefined;
  },
};

function followsNameWord(prose: string, at: number): boolean {
  const before = prose.slice(Math.max(0, at - 40), at);
  const word = /(\p{Lu}\p{L}*)\s+$/u.exec(before);
  if (!word) return false;
  // A capital that only starts the sentence ("About XX people") says nothing about a Roman numeral.
  const lead = before.slice(0, word.index);
  return !/(^|[.!?]["”’]?\s+)$/.test(lead) || (lead === '' && at - before.length > 0);
}
