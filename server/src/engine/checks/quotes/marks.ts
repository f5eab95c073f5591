import type { Check } from '../../check.js';
import type { RawFinding } from '../../types.js';

/** Straight quotation marks where the house wants curly ones, or the reverse (`quotes.style` in copydesk.yaml). */
export const marks: Check = {
  id: 'quotes.marks',
  family: 'quotes',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Straight quotation marks where the house style (quotes.style) wants curly ones, or curly where it wants straight.',
  docs: { bad: [], good: ['“Curly,” she said.'] },
  block(block, { style }) {
    const want = style.config.quotes.style;
    if (want === 'any') return undefined;
    const findings: RawFinding[] = [];
    for (const q of block.quotes.spans) {
      if (!q.double) continue;
      const marksAt = q.close >= 0 ? [q.open, q.close] : [q.open];
      for (const at of marksAt) {
        const c = block.prose[at]!;
        const opening = at === q.open;
        if (want === 'curly' && c === '"') {
          const fix = opening ? '\u201C' : '\u201D';
          findings.push({ start: at, end: at + 1, message: `Use a curly quotation mark (${fix}) here, as the house style asks.`, fixes: [{ start: at, end: at + 1, text: fix, title: `Use ${fix}` }] });
        } else if (want === 'straight' && (c === '\u201C' || c === '\u201D')) {
          findings.push({ start: at, end: at + 1, message: 'Use a straight quotation mark (") here, as the house style asks.', fixes: [{ start: at, end: at + 1, text: '"', title: 'Use "' }] });
        }
      }
    }
    return { findings };
  },
};
