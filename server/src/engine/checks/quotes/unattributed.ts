import type { Check } from '../../check.js';
import { credit, sameFlow, START, type Flow } from '../../quotes/credits.js';
import { paragraphQuotes, type ParagraphQuotes } from '../../quotes/paragraph.js';
import { changedSpan } from '../../document/changed-blocks.js';
import type { QuoteFact, RawFinding } from '../../types.js';

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
  document(model, summaries, _ctx, memo) {
    // A paragraph gives what it gave last time while its text, its start and the flow into it are the same:
    // the paragraphs before an edit are taken over as they are, the edit is worked out again until the flow
    // is what it was, and after that the paragraphs' quotes are only moved.
    const kept = (memo.state ??= { summaries: [], starts: [], flows: [], findings: [], facts: [], findingsFrom: [0], factsFrom: [0] }) as Kept;
    const span = changedSpan(kept.summaries, summaries);
    let b = 0;
    while (b < span.from && model.blocks[b]!.start === kept.starts[b]) b++;
    // The per-block lists at their final length, filled in place: slices of the last run's lists grown by
    // push were copied again and again as they grew, on every keystroke.
    const n = summaries.length;
    const next: Kept = {
      summaries,
      starts: copyInto(new Array<number>(n), kept.starts, b),
      flows: copyInto(new Array<Flow>(n), kept.flows, b),
      findings: kept.findings.slice(0, kept.findingsFrom[b]),
      facts: kept.facts.slice(0, kept.factsFrom[b]),
      findingsFrom: copyInto(new Array<number>(n + 1), kept.findingsFrom, b),
      factsFrom: copyInto(new Array<number>(n + 1), kept.factsFrom, b),
    };
    let flow = b > 0 ? kept.flows[b - 1]! : START;
    for (; b < n; b++) {
      const p = summaries[b];
      const at = model.blocks[b]!.start;
      next.starts[b] = at;
      next.findingsFrom[b] = next.findings.length;
      next.factsFrom[b] = next.facts.length;
      // The same paragraph as block `old` last time, with the same flow into it (after the first such
      // block, one identity check: the flow is the one block old - 1 passed on).
      const old = b < span.from ? b : b >= span.to ? b - span.to + span.toBefore : -1;
      if (old >= 0 && sameFlow(old > 0 ? kept.flows[old - 1]! : START, flow)) {
        if (p) placeAgain(kept, old, next, p, flow, at);
        flow = kept.flows[old]!;
      } else if (p) {
        flow = credit(p, flow, at, next.findings, next.facts);
      }
      next.flows[b] = flow;
    }
    next.findingsFrom[n] = next.findings.length;
    next.factsFrom[n] = next.facts.length;
    memo.state = next;
    return { findings: next.findings, facts: { quotes: next.facts } };
  },
  fold() {
    // The same crediting, paragraph after paragraph, with nothing kept for a next run.
    let flow = START;
    const findings: RawFinding[] = [];
    const facts: QuoteFact[] = [];
    return {
      add(p, block) {
        if (p) flow = credit(p, flow, block.start, findings, facts);
      },
      finish: () => ({ findings, facts: { quotes: facts } }),
    };
  },
};

/** The last run's outcome: per block its start and the flow out of it, and where its findings and facts begin. */
interface Kept {
  summaries: readonly (ParagraphQuotes | undefined)[];
  starts: number[];
  flows: Flow[];
  findings: RawFinding[];
  facts: QuoteFact[];
  /** Per block, the index of its first finding (one more entry at the end: the count). */
  findingsFrom: number[];
  factsFrom: number[];
}

/** `to` with the first `count` items of `from`. */
function copyInto<T>(to: T[], from: readonly T[], count: number): T[] {
  for (let i = 0; i < count; i++) to[i] = from[i]!;
  return to;
}

/** Adds what block `old` of the last run gave, for the same paragraph with the same flow now at `at`. */
function placeAgain(kept: Kept, old: number, next: Kept, p: ParagraphQuotes, flow: Flow, at: number): void {
  const firstFact = kept.factsFrom[old]!;
  const endFact = kept.factsFrom[old + 1]!;
  const firstFinding = kept.findingsFrom[old]!;
  const endFinding = kept.findingsFrom[old + 1]!;
  if (firstFact === endFact && firstFinding === endFinding) return;
  const by = at - kept.starts[old]!;
  if (by === 0) {
    for (let i = firstFinding; i < endFinding; i++) next.findings.push(kept.findings[i]!);
    for (let i = firstFact; i < endFact; i++) next.facts.push(kept.facts[i]!);
  } else if (firstFinding !== endFinding) {
    // Findings are rare and carry fixes and data: worked out again rather than copied field by field.
    credit(p, flow, at, next.findings, next.facts);
  } else {
    for (let i = firstFact; i < endFact; i++) {
      const f = kept.facts[i]!;
      next.facts.push({ start: f.start + by, end: f.end + by, text: f.text, speaker: f.speaker });
    }
  }
}
