// Who is credited with each direct quote, paragraph by paragraph: a paragraph's outcome depends on its own
// quotes and cues and on what flows in from the paragraphs before it (the last speaker, a quote left open,
// an introduction ending in a colon).
import type { QuoteFact, RawFinding } from '../types.js';
import type { ParagraphQuotes } from './paragraph.js';

// One to three quoted words are scare quotes or a term ("so-called “tropical nights”"), not a direct quote;
// from four words on ("was “not a good thing”") a fragment reads as something someone said.
const MIN_QUOTE_WORDS = 4;

/** What one paragraph passes on to the next. Never changed once made: a paragraph that passes on what it
 *  got passes on the same object, so most comparisons are one identity check. */
export interface Flow {
  readonly lastSpeaker: string | null;
  readonly lastNamed: string | null;
  /** The paragraph ended inside a credited quote (or one continuing such a quote). */
  readonly continuing: boolean;
  /** The paragraph introduces what follows ("Clinton wrote:"): who, or false. */
  readonly introduced: string | null | false;
}

export const START: Flow = { lastSpeaker: null, lastNamed: null, continuing: false, introduced: false };

export const sameFlow = (a: Flow, b: Flow): boolean =>
  a === b || (a.lastSpeaker === b.lastSpeaker && a.lastNamed === b.lastNamed && a.continuing === b.continuing && a.introduced === b.introduced);

/** Adds the paragraph's findings and quote facts (for a paragraph starting at `at`) and returns what it passes on. */
export function credit(p: ParagraphQuotes, before: Flow, at: number, findings: RawFinding[], facts: QuoteFact[]): Flow {
  const { continuing, introduced, lastSpeaker } = before;
  // A paragraph that opens with a quote while the one before ended inside one continues that quote;
  // one that follows an introduction ending in a colon ("Clinton wrote:") is credited by it.
  const continues = (continuing && p.startsWithQuote) || (introduced !== false && p.startsWithQuote);
  const lastNamed = p.named ? p.named : before.lastNamed;
  const speaker = resolve(p.speaker, lastNamed) ?? (continues ? (introduced || lastSpeaker) : null);
  for (const q of p.quotes) {
    const direct = q.words >= MIN_QUOTE_WORDS && !q.title;
    const credited = p.credited || continues;
    if (direct) facts.push({ start: at + q.open, end: at + q.end, text: q.text, speaker: credited ? speaker ?? 'unnamed' : null });
    if (!direct || credited) continue;
    const start = at + q.open;
    const end = at + q.end;
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
  const after: Flow = {
    // The last speaker is the last person quoted (a paraphrase without quotation marks does not count).
    lastSpeaker: p.credited && speaker && p.quotes.length ? speaker : lastSpeaker,
    lastNamed,
    // An uncredited quote passes nothing on: the paragraphs that continue it are as uncredited as it is.
    continuing: p.quotes.length ? p.endsOpen && (p.credited || continues) : false,
    introduced: p.introduces ? resolve(p.speaker, lastNamed) ?? p.named ?? lastNamed : false,
  };
  return sameFlow(after, before) ? before : after;
}

/** Pronouns and titles stand for the last person named ("he said" after Zelensky). */
function resolve(speaker: string | null, lastNamed: string | null): string | null {
  if (!speaker) return null;
  if (/^\p{Lu}/u.test(speaker)) return speaker;
  return lastNamed ?? speaker;
}
