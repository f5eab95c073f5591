import type { Check } from '../../check.js';
import { paragraphQuotes, type ParagraphQuotes } from '../../quotes/paragraph.js';
import { MarkedBlocks } from '../../document/changed-blocks.js';
import type { RawFinding } from '../../types.js';

/** An opening quotation mark never closed (and not continued in the next paragraph), or a closing mark with no opening. */
export const unbalanced: Check<ParagraphQuotes> = {
  id: 'quotes.unbalanced',
  family: 'quotes',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'An opening quotation mark never closed in its paragraph (when the next paragraph does not continue the quote), or a closing mark with no opening one.',
  docs: {
    bad: ['Kowalczyk said: “I will be the clerk for everyone in this county.\n\nThe count ended on Friday.'],
    good: ['He said: “We know what is needed.\n\n“Now we need them to act.”', '“We will win,” she said.'],
  },
  block(block) {
    return { summary: paragraphQuotes(block) };
  },
  document(model, summaries, _ctx, memo) {
    // Only paragraphs with an unclosed or stray mark can have a finding: few, and kept track of between runs.
    const marked = (memo.state ??= new MarkedBlocks<ParagraphQuotes>(mayBeUnbalanced)) as MarkedBlocks<ParagraphQuotes>;
    marked.update(summaries);
    const findings: RawFinding[] = [];
    for (const b of marked.blocks) report(summaries[b]!, model.blocks[b]!.start, summaries[b + 1], findings);
    return findings;
  },
  fold() {
    // A paragraph with an open mark waits for the next one (which may continue its quote).
    let waiting: { p: ParagraphQuotes; base: number } | null = null;
    const findings: RawFinding[] = [];
    return {
      add(p, block) {
        if (waiting) report(waiting.p, waiting.base, p, findings);
        waiting = p && mayBeUnbalanced(p) ? { p, base: block.start } : null;
      },
      finish() {
        if (waiting) report(waiting.p, waiting.base, undefined, findings);
        return findings;
      },
    };
  },
};

/** The findings of paragraph p (starting at base), given the paragraph after it. */
function report(p: ParagraphQuotes, base: number, next: ParagraphQuotes | undefined, findings: RawFinding[]): void {
  // The next paragraph with any text continues the quote when it opens with a quotation mark.
  const continued = next?.startsWithQuote === true;
  for (const q of p.quotes) {
    if (q.closed) continue;
    const last = q === p.quotes[p.quotes.length - 1];
    if (last && continued) continue;
    findings.push({ start: base + q.open, end: base + q.open + 1, message: last ? 'This quotation mark is never closed, and the next paragraph does not continue the quote.' : 'This quotation mark is never closed before the next quote opens.' });
  }
  for (const s of p.strays) findings.push({ start: base + s, end: base + s + 1, message: 'Closing quotation mark with no opening one.' });
}

const mayBeUnbalanced = (p: ParagraphQuotes): boolean => p.strays.length > 0 || p.quotes.some((q) => !q.closed);
