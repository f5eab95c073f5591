// Runs the registry over a document model: per-block work (cached by block text and style in an editor
// session, see session.ts), then the document phase from per-block summaries; adds rule id and severity,
// applies suppression, sorts.
import { addFinished, describeError, NO_SUMMARIES, placeBlocks, type ActiveCheck, type BlockPhase } from './block-phase.js';
import type { Check, CheckContext, DocumentMemo, DocumentOutput } from './check.js';
import { commonEnds } from './document/chunks.js';
import { asString, type TextLike } from './document/text.js';
import { scanBlocks, scanDirectives, type Block, type DocumentModel, type DocumentOutline } from './document/model.js';
import { CHECKS } from './registry.js';
import { cachedAnalysis, forgetStyleWork, prune, reuseByPosition, Session, sessionBlocks, sessionDirectives, type CachedBlock } from './session.js';
import { dedupe } from './dedupe.js';
import { isSilenced, silencedRanges } from './suppress.js';
import type { CompiledStyle } from './style/types.js';
import type { CheckResult, DocumentFacts, Finding, RawFinding, Severity } from './types.js';

export { Session };

export interface RunOptions {
  languageId: string;
  style: CompiledStyle;
  session?: Session;
  /** Milliseconds a single check may take on one document before it is skipped for the session. */
  budgetMs?: number;
  /** See CheckContext.facts; default true. */
  facts?: boolean;
  /** When given, the milliseconds of each phase of the run are added to it (bench/phases.ts). */
  phases?: RunPhases;
}

/** Where a run's time went: finding the blocks (scan), matching them to the last run's work (reuse), the
 *  blocks' checks and the reuse of their records (blocks), the document phases (document), and sorting,
 *  deduplicating and silencing the findings (finish). */
export type RunPhases = Partial<Record<'scan' | 'reuse' | 'blocks' | 'document' | 'finish', number>>;

export function buildModel(text: string, languageId: string, session?: Session, style?: CompiledStyle): DocumentModel {
  const spans = scanBlocks(text, languageId);
  const blocks: Block[] = spans.map((s, index) => ({ ...s, index, ...cachedAnalysis(s, session, style).analysis }));
  return { text, languageId, blocks, directives: scanDirectives(text) };
}

function levelOf(check: Check, style: CompiledStyle): Severity | 'off' {
  const configured = style.level(check.id);
  if (configured) return configured;
  return check.offByDefault ? 'off' : check.defaultSeverity;
}

export function run(text: TextLike, opts: RunOptions): CheckResult {
  const { style, session, languageId } = opts;
  if (session && session.styleKey !== style.key) forgetStyleWork(session, style);
  if (session) session.runs++;
  const lap = opts.phases ? lapTimer(opts.phases) : undefined;
  const change = session?.previous ? commonEnds(session.previous.text, text) : undefined;
  const spans = session ? sessionBlocks(text, languageId, session, change) : scanBlocks(asString(text), languageId);
  lap?.('scan');
  const before = session?.previous?.entries;
  const entries = session ? reuseByPosition(text, spans, session, style, change) : null;
  lap?.('reuse');
  const ctx: CheckContext = { style, languageId, facts: opts.facts ?? true };
  const active = activeChecks(ctx, session);
  // The same string object from run to run while the checks stay the same: every block compares its record's
  // key with it, and two equal strings that are different objects compare character by character.
  let key = session ? active.map((r) => `${r.ci}${r.level}`).join(' ') : '';
  if (session && session.summariesKey === key) key = session.summariesKey;
  const documentRuns = active.filter((r) => r.slot >= 0);
  const phase: BlockPhase = {
    ctx,
    active,
    documentRuns,
    key: entries ? key : null,
    middleFrom: 0,
    middleTo: spans.length,
    findings: [],
    outline: new Array(spans.length),
    facts: { quotes: [], names: [], placeholders: [], words: 0, sentences: 0, paragraphs: spans.length, longestSentence: 0 },
  };
  takeOverSummaries(phase, entries, before, session);
  placeBlocks(spans, entries, phase);
  lap?.('blocks');

  if (session) {
    // Made by push, never by map: map's result is sometimes a holey array and sometimes a packed one, and
    // the next run's read of it (an array shape its optimised code had not seen) sent run back to the interpreter.
    const lists: unknown[][] = [];
    for (const r of documentRuns) lists.push(r.summaries);
    session.summaries = lists;
    session.summariesKey = key;
  }
  const model: DocumentOutline = { text, languageId, blocks: phase.outline, directives: session ? sessionDirectives(session, text, change) : scanDirectives(asString(text)) };
  const failures = documentPhase(model, phase, session, opts.budgetMs ?? 2000);
  lap?.('document');
  if (session) prune(session, spans);
  const { shown, suppressed } = finishFindings(model, phase, style);
  lap?.('finish');
  return { findings: shown, suppressed, facts: phase.facts, failures };
}

/** The registry's checks that run with this style, in registry order, each with its slot among the checks
 *  with a document phase. */
function activeChecks(ctx: CheckContext, session: Session | undefined): ActiveCheck[] {
  const active: ActiveCheck[] = [];
  let withDocument = 0;
  CHECKS.forEach((check, ci) => {
    const level = levelOf(check, ctx.style);
    if (level === 'off' || session?.overrun.has(check.id)) return;
    if (check.ready && !check.ready(ctx.style)) return;
    // Without a session, a check that can fold its document phase reads each summary as it is made.
    const fold = !session && check.fold ? check.fold(ctx) : undefined;
    active.push({ check, ci, level, summaries: NO_SUMMARIES, slot: check.document && !fold ? withDocument++ : -1, failed: undefined, took: 0, fold });
  });
  return active;
}

/** Gives each document check its list of block summaries. The blocks before and after the edit are the
 *  previous run's entries with their records: their summaries are taken over as slices of the previous
 *  run's lists, and only the edited stretch (middleFrom to middleTo) is left to fill block by block. */
function takeOverSummaries(phase: BlockPhase, entries: CachedBlock[] | null, before: CachedBlock[] | undefined, session: Session | undefined): void {
  const last = session?.summaries;
  const n = phase.outline.length;
  if (!(entries && before && last && session.summariesKey === phase.key)) {
    for (const run of phase.documentRuns) run.summaries = new Array(n);
    return;
  }
  const m = before.length;
  let head = 0;
  let tail = 0;
  while (head < Math.min(n, m) && entries[head] === before[head]) head++;
  while (tail < Math.min(n, m) - head && entries[n - 1 - tail] === before[m - 1 - tail]) tail++;
  for (const run of phase.documentRuns) {
    const prev = last[run.slot]!;
    // A keystroke keeps the number of blocks: one copy, whose edited stretch is overwritten block by block.
    run.summaries = n === m ? prev.slice().fill(undefined, head, n - tail) : prev.slice(0, head).concat(new Array(n - head - tail), prev.slice(m - tail));
  }
  phase.middleFrom = head;
  phase.middleTo = n - tail;
}

/** Runs each active check's document phase (or finishes its fold) and adds its findings and facts; returns
 *  the run's failures, including checks over their time budget (skipped for the rest of the session). */
function documentPhase(model: DocumentOutline, phase: BlockPhase, session: Session | undefined, budget: number): CheckResult['failures'] {
  const { ctx, findings, facts } = phase;
  const failures: CheckResult['failures'] = [];
  for (const run of phase.active) {
    const { check } = run;
    const started = performance.now();
    if (!run.failed && (run.fold || check.document)) {
      try {
        let out: DocumentOutput | RawFinding[];
        if (run.fold) out = run.fold.finish(model);
        else {
          let memo: DocumentMemo = {};
          if (session) {
            const kept = session.memos.get(check.id);
            if (kept) memo = kept;
            else session.memos.set(check.id, memo);
          }
          out = check.document!(model, run.summaries, ctx, memo);
        }
        addFinished(findings, check, run.level, Array.isArray(out) ? out : out.findings);
        if (!Array.isArray(out) && out.facts) mergeFacts(facts, out.facts);
      } catch (e) {
        run.failed = describeError(e);
        // A store left half-updated by the failure must not feed the next run.
        session?.memos.delete(check.id);
      }
    }
    if (run.failed) failures.push({ rule: check.id, error: run.failed });
    const took = run.took + performance.now() - started;
    if (session && took > budget) {
      session.overrun.add(check.id);
      failures.push({ rule: check.id, error: `took ${Math.round(took)} ms (budget ${budget} ms); skipped for this document from now on` });
    }
  }
  return failures;
}

/** The run's findings deduplicated and split into shown and silenced (disable comments, ignore lists); the
 *  placeholders among them go into the facts, in text order. */
function finishFindings(model: DocumentOutline, { findings, facts }: BlockPhase, style: CompiledStyle): { shown: Finding[]; suppressed: Finding[] } {
  const { text } = model;
  for (const f of findings) if (f.rule === 'style.placeholder') facts.placeholders.push({ text: text.slice(f.start, f.end), start: f.start, end: f.end });
  // Findings arrive block by block in a session and check by check otherwise: report in text order.
  facts.placeholders.sort((a, b) => a.start - b.start);
  const ranges = silencedRanges(text, model.directives);
  const shown: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of dedupe(findings)) (isSilenced(f, text, ranges, style) ? suppressed : shown).push(f);
  return { shown, suppressed };
}

/** Adds the time since its last call (or its making) to `phases[name]`. */
function lapTimer(phases: RunPhases): (name: keyof RunPhases) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - last;
    last = now;
  };
}

function mergeFacts(into: DocumentFacts, from: Partial<DocumentFacts>): void {
  if (from.quotes) into.quotes.push(...from.quotes);
  if (from.names) into.names.push(...from.names);
}
