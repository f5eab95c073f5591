import type { Check } from '../../check.js';
import { paragraphQuotes, type ParagraphQuotes } from '../../quotes/paragraph.js';
import type { QuoteFact, RawFinding } from '../../types.js';

// One to three quoted words are scare quotes or a term ("so-called “tropical nights”"), not a direct quote;
// from four words on ("was “not a good thing”") a fragment reads as something someone said.
const MIN_QUOTE_WORDS = 4;

/** A direct quote that nobody in its paragraph is credited with. */
export const unattributed: Check<ParagraphQuotes> = {
  id: 'quotes.unattributed',
  family: 'quotes',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A direct quote whose paragraph credits no speaker (no said, told, wrote, according to …), and that does not continue a quote from the paragraph before.',
  docs: {
    bad: ['“We will win this war,” Zelensky said.\n\n“Pressure must continue to rise until real progress is made.”', 'The plan was “dead on arrival in the Senate and everywhere else.”'],
    good: ['“We will win,” Zelensky said.', 'Moscow calls it a “special military operation.”', 'She read “Lwów and Its Churches” twice.', '“We will rebuild every building,” she said. “Every one.”'],
  },
  block(block) {
    return { summary: paragraphQuotes(block) };
  },
  document(model, summaries) {
    const findings: RawFinding[] = [];
    const facts: QuoteFact[] = [];
    let lastSpeaker: string | null = null;
    let lastNamed: string | null = null;
    let continuing = false;
    let introduced: string | null | false = false;
    summaries.forEach((p, b) => {
      if (!p) return;
      const base = model.blocks[b]!.start;
      // A paragraph that opens with a quote while the one before ended inside one continues that quote;
      // one that follows an introduction ending in a colon ("Clinton wrote:") is credited by it.
      const continues = (continuing && p.startsWithQuote) || (introduced !== false && p.startsWithQuote);
      if (p.named) lastNamed = p.named;
      const speaker = resolve(p.speaker, lastNamed) ?? (continues ? (introduced || lastSpeaker) : null);
      for (const q of p.quotes) {
        const direct = q.words >= MIN_QUOTE_WORDS && !q.title;
        const credited = p.credited || continues;
        if (direct) facts.push({ start: base + q.open, end: base + q.end, text: q.text, speaker: credited ? speaker ?? 'unnamed' : null });
        if (!direct || credited) continue;
        const start = base + q.open;
        const end = base + q.end;
        if (p.quoteOnly) {
          const who = lastSpeaker;
          findings.push({
            start,
            end,
            message: `This quote paragraph credits no one${who ? ` (the last speaker was ${who})` : ''}: a standalone quote needs its own attribution.`,
            fixes: who && q.closed ? [{ start: end, end, text: ` \${1:${who}} said.`, snippet: true, title: `Add “${who} said.”` }] : [],
            data: { lastSpeaker: who },
          });
        } else if (!q.actor) {
          findings.push({ start, end, message: 'Direct quote with no speaker in its paragraph: say who said it.' });
        }
      }
      // The last speaker is the last person quoted (a paraphrase without quotation marks does not count).
      if (p.credited && speaker && p.quotes.length) lastSpeaker = speaker;
      // An uncredited quote passes nothing on: the paragraphs that continue it are as uncredited as it is.
      if (p.quotes.length) continuing = p.endsOpen && (p.credited || continues);
      else continuing = false;
      introduced = p.introduces ? resolve(p.speaker, lastNamed) ?? p.named ?? lastNamed : false;
    });
    return { findings, facts: { quotes: facts } };
  },
};

/** Pronouns and titles stand for the last person named ("he said" after Zelensky). */
function resolve(speaker: string | null, lastNamed: string | null): string | null {
  if (!speaker) return null;
  if (/^\p{Lu}/u.test(speaker)) return speaker;
  return lastNamed ?? speaker;
}
