import type { Check } from '../../check.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import type { RawFinding } from '../../types.js';

// Doubled words that are grammatical.
const ALLOWED = new Set(['had had', 'that that', 'is is', 'do do']);
// Words people double on purpose (blah blah, tsk tsk, really really).
const REDUPLICATED = new Set(['blah', 'bla', 'tsk', 'tut', 'ha', 'ho', 'hee', 'la', 'no', 'yes', 'yeah', 'bye', 'very', 'really', 'so', 'now', 'well', 'knock', 'boo', 'go', 'chop', 'bang', 'hush', 'night', 'tick', 'ding', 'ta', 'oh', 'wow', 'bravo', 'more', 'many', 'far', 'long', 'again', 'never', 'please', 'quick', 'slowly', 'step', 'yada']);

/** A word written twice in a row ("the the"). */
export const repeatedWord: Check = {
  id: 'style.repeated-word',
  family: 'style',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A word written twice in a row (“the the”).',
  docs: { bad: ['The city bought the the building in 2019.'], good: ['The council had had enough.', 'He said that that was final.'] },
  block(block) {
    const t = block.tokens;
    const findings: RawFinding[] = [];
    const same = (i: number): boolean => {
      if (t.kind[i] !== TokenKind.Word || t.kind[i - 1] !== TokenKind.Word) return false;
      if (t.end[i]! - t.start[i]! !== t.end[i - 1]! - t.start[i - 1]!) return false;
      if ((block.prose.charCodeAt(t.start[i]!) | 32) !== (block.prose.charCodeAt(t.start[i - 1]!) | 32)) return false;
      const gap = block.prose.slice(t.end[i - 1], t.start[i]);
      if (!/^[ \t]+$/.test(gap) && !/^[ \t]*\r?\n[ \t]*$/.test(gap)) return false;
      return block.prose.slice(t.start[i - 1], t.end[i - 1]).toLowerCase() === block.prose.slice(t.start[i], t.end[i]).toLowerCase();
    };
    for (let i = 1; i < t.count; i++) {
      if (!same(i)) continue;
      const a = block.prose.slice(t.start[i - 1], t.end[i - 1]);
      // A run of the same word ("the the the") is one finding, fixed in one step.
      let last = i;
      while (last + 1 < t.count && same(last + 1)) last++;
      const first = i - 1;
      i = last;
      if (ALLOWED.has(`${a} ${a}`.toLowerCase()) && last === first + 1) continue;
      if (REDUPLICATED.has(a.toLowerCase()) || /^\d/.test(a)) continue;
      // A transcript may double a word on purpose; the desk does not edit quotes.
      if (t.flags[last]! & TokenFlag.InQuote) continue;
      const start = t.start[first]!;
      const end = t.end[last]!;
      findings.push({ start, end, message: `“${a}” is written ${last - first === 1 ? 'twice' : `${last - first + 1} times`}.`, fixes: [{ start, end, text: a, title: `Write “${a}” once` }] });
    }
    return findings.length ? { findings } : undefined;
  },
};
