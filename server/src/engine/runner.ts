// Runs the registry over a document model: per-block work (cached by block text and style in an editor
// session, see session.ts), then the document phase from per-block summaries; adds rule id and severity,
// applies suppression, sorts.
import type { BlockOutput, Check, CheckContext, DocumentFold, DocumentMemo, DocumentOutput } from './check.js';
import { commonEnds } from './document/chunks.js';
import { asString, type TextLike } from './document/text.js';
import { scanBlocks, scanDirectives, type Block, type BlockSpan, type DocumentModel, type DocumentOutline, type OutlineBlock } from './document/model.js';
import { CHECKS } from './registry.js';
import { cachedAnalysis, forgetStyleWork, freshEntry, moveRecord, movedRanges, placedRanges, prune, reuseByPosition, Session, sessionBlocks, sessionDirectives, type BlockRecord, type CachedBlock } from './session.js';
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

// Blocks analysed and checked together: enough to amortise the per-check timing, few enough that a
// one-off run (the CLI, a benchmark) holds only one batch's token index at a time, not the document's.
const BATCH = 128;

export function run(text: TextLike, opts: RunOptions): CheckResult {
  const { style, session, languageId } = opts;
  const budget = opts.budgetMs ?? 2000;
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
  const findings: Finding[] = [];
  const failures: CheckResult['failures'] = [];
  const outline: OutlineBlock[] = new Array(spans.length);
  const facts: DocumentFacts = { quotes: [], names: [], placeholders: [], words: 0, sentences: 0, paragraphs: spans.length, longestSentence: 0 };

  const active: ActiveCheck[] = [];
  let withDocument = 0;
  CHECKS.forEach((check, ci) => {
    const level = levelOf(check, style);
    if (level === 'off' || session?.overrun.has(check.id)) return;
    if (check.ready && !check.ready(style)) return;
    // Without a session, a check that can fold its document phase reads each summary as it is made.
    const fold = !session && check.fold ? check.fold(ctx) : undefined;
    active.push({ check, ci, level, summaries: NO_SUMMARIES, slot: check.document && !fold ? withDocument++ : -1, failed: undefined, took: 0, fold });
  });
  // The same string object from run to run while the checks stay the same: every block compares its record's
  // key with it, and two equal strings that are different objects compare character by character.
  let key = session ? active.map((r) => `${r.ci}${r.level}`).join(' ') : '';
  if (session && session.summariesKey === key) key = session.summariesKey;
  const documentRuns = active.filter((r) => r.slot >= 0);
  // The blocks before and after the edit are the previous run's entries with their records: their summaries
  // are taken over as slices of the previous run's lists, and only the edited stretch is filled block by block.
  let middleFrom = 0;
  let middleTo = spans.length;
  const last = session?.summaries;
  if (entries && before && last && session.summariesKey === key) {
    const n = entries.length;
    const m = before.length;
    let head = 0;
    let tail = 0;
    while (head < Math.min(n, m) && entries[head] === before[head]) head++;
    while (tail < Math.min(n, m) - head && entries[n - 1 - tail] === before[m - 1 - tail]) tail++;
    for (const run of documentRuns) {
      const prev = last[run.slot]!;
      // A keystroke keeps the number of blocks: one copy, whose edited stretch is overwritten below.
      run.summaries = n === m ? prev.slice().fill(undefined, head, n - tail) : prev.slice(0, head).concat(new Array(n - head - tail), prev.slice(m - tail));
    }
    middleFrom = head;
    middleTo = n - tail;
  } else {
    for (const run of documentRuns) run.summaries = new Array(spans.length);
  }

  const pending = new Pending();
  for (let index = 0; index < spans.length; index++) {
    const s = spans[index]!;
    const entry = entries ? entries[index]! : freshEntry(s.prose);
    let o = entry.outline;
    if (!entries) {
      // A run without a session made this span for itself: it becomes the outline block (one object per
      // block kept through the run, not two).
      o = s as OutlineBlock;
      o.index = index;
      o.words = entry.analysis.tokens.words;
    } else if (!o) o = entry.outline = { kind: s.kind, start: s.start, end: s.end, prose: s.prose, index, words: entry.analysis.tokens.words };
    else if (o.start !== s.start || o.end !== s.end || o.index !== index) {
      // Moved by an edit before it: the outline of a run is read during that run only, so the entry's
      // outline block moves with it (an edit moves hundreds of blocks; new objects for them were garbage).
      o.start = s.start;
      o.end = s.end;
      o.index = index;
    }
    outline[index] = o;
    countProse(entry, facts);
    const record = entry.record;
    if (record && record.key === key) {
      if (record.at !== s.start) moveRecord(record, s.start);
      const placed = record.findings;
      for (let k = 0; k < placed.length; k++) findings.push(placed[k]!);
      if (index >= middleFrom && index < middleTo) for (let d = 0; d < withDocument; d++) documentRuns[d]!.summaries[index] = record.summaries[d];
      if (record.failed) active.forEach((run, a) => (run.failed ??= record.failed![a]));
      continue;
    }
    pending.add(s, index, entry);
    if (pending.blocks.length === BATCH) checkBlocks(pending, active, ctx, findings, entries ? key : null);
  }
  if (pending.blocks.length) checkBlocks(pending, active, ctx, findings, entries ? key : null);
  lap?.('blocks');

  if (session) {
    // Made by push, never by map: map's result is sometimes a holey array and sometimes a packed one, and
    // the next run's read of it (an array shape its optimised code had not seen) sent run back to the interpreter.
    const lists: unknown[][] = [];
    for (const r of documentRuns) lists.push(r.summaries);
    session.summaries = lists;
    session.summariesKey = key;
  }
  const model: DocumentOutline = { text, languageId, blocks: outline, directives: session ? sessionDirectives(session, text, change) : scanDirectives(asString(text)) };
  for (const run of active) {
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

  lap?.('document');
  if (session) prune(session, spans);
  for (const f of findings) if (f.rule === 'style.placeholder') facts.placeholders.push({ text: text.slice(f.start, f.end), start: f.start, end: f.end });
  // Findings arrive block by block in a session and check by check otherwise: report in text order.
  facts.placeholders.sort((a, b) => a.start - b.start);
  const ranges = silencedRanges(text, model.directives);
  const shown: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of dedupe(findings)) (isSilenced(f, text, ranges, style) ? suppressed : shown).push(f);
  lap?.('finish');
  return { findings: shown, suppressed, facts, failures };
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

/** The summaries of a check without a document phase: never read, never written. */
const NO_SUMMARIES: unknown[] = [];

interface ActiveCheck {
  check: Check;
  ci: number;
  level: Severity;
  summaries: unknown[];
  /** Index into a block record's summaries, or -1 for a check without a document phase. */
  slot: number;
  failed: string | undefined;
  /** Milliseconds spent in this check on this run, block and document phases. */
  took: number;
  /** The check's document phase as a fold (runs without a session): fed each block's summary in turn. */
  fold: DocumentFold | undefined;
}

/** Blocks waiting to be checked, with their cached entries. */
class Pending {
  blocks: Block[] = [];
  entries: CachedBlock[] = [];
  add(s: BlockSpan, index: number, entry: CachedBlock): void {
    const a = entry.analysis;
    this.blocks.push({ kind: s.kind, start: s.start, end: s.end, prose: s.prose, index, tokens: a.tokens, sentences: a.sentences, quotes: a.quotes });
    this.entries.push(entry);
  }
}

/** Takes a batch of blocks through one active check after another (each check's outputs cached on the
 *  entry by check); with a record key (a session), leaves each block a record of its finished work. */
function checkBlocks(pending: Pending, active: ActiveCheck[], ctx: CheckContext, findings: Finding[], key: string | null): void {
  const { blocks, entries } = pending;
  const records: BlockRecord[] | null = key === null ? null : blocks.map((b) => ({ key, at: b.start, findings: [], summaries: [] }));
  active.forEach((run, a) => {
    const { check, ci } = run;
    if (!check.block) return;
    const started = performance.now();
    for (let k = 0; k < blocks.length; k++) {
      const entry = entries[k]!;
      let out: BlockOutput | undefined;
      if (entry.done[ci]) {
        out = entry.outputs[ci];
        if (entry.failures?.[ci]) run.failed ??= entry.failures[ci];
      } else {
        try {
          out = check.block!(blocks[k]!, ctx) ?? undefined;
        } catch (e) {
          run.failed ??= describeError(e);
          (entry.failures ??= [])[ci] = describeError(e);
        }
        // Nothing to keep is kept as nothing: most blocks have no findings for most checks.
        if (out && !out.findings?.length && out.summary === undefined) out = undefined;
        if (out) entry.outputs[ci] = out;
        entry.done[ci] = 1;
      }
      if (records && entry.failures?.[ci]) (records[k]!.failed ??= [])[a] = entry.failures[ci];
      if (run.fold && !run.failed) run.fold.add(out?.summary, blocks[k]!);
      if (!out) continue;
      if (run.slot >= 0) {
        run.summaries[blocks[k]!.index] = out.summary;
        if (records) records[k]!.summaries[run.slot] = out.summary;
      }
      if (out.findings) {
        const at = blocks[k]!.start;
        for (const raw of out.findings) {
          const f = finish(check, run.level, raw, at, records !== null);
          findings.push(f);
          if (records) records[k]!.findings.push(f);
        }
      }
    }
    run.took += performance.now() - started;
  });
  if (records) for (let k = 0; k < blocks.length; k++) entries[k]!.record = records[k];
  blocks.length = 0;
  entries.length = 0;
}

// One literal with every field in one order: spreading raw findings of many shapes made each finding a
// slow copy (about 5 µs) and the findings of different checks objects of different shapes. With `own`
// (a record's finding, which moveRecord moves in place) the fixes and related places are its own copies.
function finish(check: Check, level: Severity, raw: RawFinding, offset: number, own = false): Finding {
  const place = own ? placedRanges : movedRanges;
  return {
    start: raw.start + offset,
    end: raw.end + offset,
    message: raw.message,
    rule: check.id,
    severity: raw.severity ?? level,
    fixes: raw.fixes ? place(raw.fixes, offset) : [],
    related: raw.related && place(raw.related, offset),
    data: raw.data,
  };
}

// Out of run's frame: the checks' lists come in several array shapes (empty literals, lists made by push,
// holey ones from map), and a shape that run's optimised code had not seen threw the whole of run back into
// the interpreter for the rest of the keystroke, on most keystrokes of a long session (V8 kept the code).
function addFinished(findings: Finding[], check: Check, level: Severity, list: readonly RawFinding[]): void {
  for (let k = 0; k < list.length; k++) findings.push(finish(check, level, list[k]!, 0));
}

function countProse(entry: CachedBlock, facts: DocumentFacts): void {
  const { tokens, sentences } = entry.analysis;
  facts.words += tokens.words;
  facts.sentences += sentences.length;
  if (entry.longestSentence === undefined) {
    let longest = 0;
    for (const s of sentences) {
      let w = 0;
      for (let i = s.tokFrom; i < s.tokTo; i++) if (tokens.kind[i] !== 3) w++;
      if (w > longest) longest = w;
    }
    entry.longestSentence = longest;
  }
  if (entry.longestSentence > facts.longestSentence) facts.longestSentence = entry.longestSentence;
}

function mergeFacts(into: DocumentFacts, from: Partial<DocumentFacts>): void {
  if (from.quotes) into.quotes.push(...from.quotes);
  if (from.names) into.names.push(...from.names);
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
