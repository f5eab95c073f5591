// The block phase of a run: each block's outline, its counts, and its findings and summaries, from the
// block's record when an editor session already holds its finished work, else from the checks (in batches).
// Kept apart from run so that each compiles on its own: V8 took 50-180 ms to optimise run when this loop
// was part of it, and did so again after every deoptimisation, on the second core while the writer typed.
import type { BlockOutput, Check, CheckContext, DocumentFold } from './check.js';
import type { Block, BlockSpan, OutlineBlock } from './document/model.js';
import { freshEntry, moveRecord, movedRanges, placedRanges, type BlockRecord, type CachedBlock } from './session.js';
import type { DocumentFacts, Finding, RawFinding, Severity } from './types.js';

// Blocks analysed and checked together: enough to amortise the per-check timing, few enough that a
// one-off run (the CLI, a benchmark) holds only one batch's token index at a time, not the document's.
const BATCH = 128;

/** What the block phase reads and fills: the run's active checks and its lists. */
export interface BlockPhase {
  ctx: CheckContext;
  active: ActiveCheck[];
  /** The active checks with a document phase, in slot order. */
  documentRuns: ActiveCheck[];
  /** The key of the records this run can take over (null without a session). */
  key: string | null;
  /** The blocks whose summaries are not already in documentRuns' lists (the edited stretch). */
  middleFrom: number;
  middleTo: number;
  findings: Finding[];
  outline: OutlineBlock[];
  facts: DocumentFacts;
}

/** Places every block of the run: its outline and counts, then its findings and summaries, taken over from
 *  its record or made by the checks. `entries` are the session's (null without a session). */
export function placeBlocks(spans: BlockSpan[], entries: CachedBlock[] | null, phase: BlockPhase): void {
  const { active, documentRuns, key, middleFrom, middleTo, findings, outline, facts } = phase;
  const withDocument = documentRuns.length;
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
    if (pending.blocks.length === BATCH) checkBlocks(pending, phase);
  }
  if (pending.blocks.length) checkBlocks(pending, phase);
}

/** The summaries of a check without a document phase: never read, never written. */
export const NO_SUMMARIES: unknown[] = [];

export interface ActiveCheck {
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
function checkBlocks(pending: Pending, { active, ctx, findings, key }: BlockPhase): void {
  const { blocks, entries } = pending;
  const records: BlockRecord[] | null = key === null ? null : blocks.map((b) => ({ key, at: b.start, findings: [], summaries: [], failed: undefined }));
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
export function addFinished(findings: Finding[], check: Check, level: Severity, list: readonly RawFinding[]): void {
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

export function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
