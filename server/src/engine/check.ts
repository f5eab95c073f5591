// The shape of a check. One check per file under checks/<family>/<name>.ts; the registry lists them.
import type { Block, DocumentOutline } from './document/model.js';
import type { CompiledStyle } from './style/types.js';
import type { DocumentFacts, Family, RawFinding, Severity } from './types.js';

export interface CheckContext {
  style: CompiledStyle;
  languageId: string;
  /** Whether the run's caller reads the facts (a report, a hover, the CLI). An editor's keystroke does not:
   *  a check may then leave out facts that cost it work on every run (names.inconsistent's mentions). */
  facts: boolean;
}

export interface BlockOutput<S = unknown> {
  /** Offsets relative to the block's start (so the output can be reused when the block recurs). */
  findings?: RawFinding[];
  /** What the document phase needs to know about this block (also block-relative). */
  summary?: S;
}

/** A document check's store between runs; a fresh one for every run without a session. */
export interface DocumentMemo {
  state?: unknown;
}

export interface DocumentOutput {
  /** Absolute offsets. */
  findings: RawFinding[];
  facts?: Partial<DocumentFacts>;
}

/** A document phase read block by block, for runs without a session (the CLI, a one-off check): the
 *  runner hands over each block's summary as soon as it is made, in story order, and keeps none of them, so
 *  a long story's summaries die young instead of living through the run (a million words of them cost the
 *  garbage collector more than the checks that made them). */
export interface DocumentFold<S = unknown> {
  /** Every block in story order, with its summary (undefined when it has none). */
  add(summary: S | undefined, block: { start: number; index: number }): void;
  finish(model: DocumentOutline): DocumentOutput | RawFinding[];
}

export interface Check<S = unknown> {
  /** `family.name`, matching the file's path: checks/names/listed-variant.ts → names.listed-variant */
  id: string;
  family: Family;
  defaultSeverity: Severity;
  fixable: boolean;
  /** One line for the README and hovers. */
  description: string;
  /** Documentation examples; `bad` must be flagged and `good` must not (the tests run them). */
  docs: { bad: string[]; good: string[]; details?: string };
  /** When findings of one family overlap, the check with the lower number keeps its finding
   *  (a listed variant beats a fuzzy match, which beats an in-story inconsistency). Default 10. */
  priority?: number;
  /** Off unless a house style turns it on (`rules: { id: warning }`). */
  offByDefault?: boolean;
  /** For checks that need data loaded asynchronously (a dictionary): false until it is loaded; the
   *  runner skips the check meanwhile, so the other checks' diagnostics never wait for it. */
  ready?(style: CompiledStyle): boolean;
  /** Loads what the check needs for a style; `prepare(style)` in the engine's index awaits every check's. */
  prepare?(style?: CompiledStyle): Promise<void>;
  /** Per-block work: must read only the block and the style, so its output can be cached. */
  block?(block: Block, ctx: CheckContext): BlockOutput<S> | undefined;
  /** Whole-story work, from the per-block summaries and the model's block list. `memo` is the check's own
   *  store, kept between runs of one document (an editor session) while the style stays the same, so the
   *  check can keep its document index and update it from the blocks whose summaries changed (a summary
   *  object is reused as long as its block is unchanged). The output must equal a fresh run's. */
  document?(model: DocumentOutline, summaries: readonly (S | undefined)[], ctx: CheckContext, memo: DocumentMemo): DocumentOutput | RawFinding[];
  /** The same document phase as a fold, used instead of `document` by runs without a session; it must give
   *  what `document` gives on a fresh memo. */
  fold?(ctx: CheckContext): DocumentFold<S>;
}
