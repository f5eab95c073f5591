// The engine's public face: text + house style in, findings out. No editor or protocol code here.
import type { TextLike } from './document/text.js';
import { run, Session, type RunOptions, type RunPhases } from './runner.js';
export type { RunPhases } from './runner.js';
import { defaultStyle } from './style/load.js';
import type { CompiledStyle } from './style/types.js';
import type { CheckResult, Finding } from './types.js';

export interface CheckOptions {
  languageId?: string;
  style?: CompiledStyle;
  session?: Session;
  budgetMs?: number;
  /** False when the caller will not read the result's facts (an editor's keystroke): some are then left
   *  out (the names'), and the findings are the same. Default true. */
  facts?: boolean;
  /** When given, each phase's milliseconds are added to it (see RunOptions.phases). */
  phases?: RunPhases;
}

/** Every finding Copydesk has for a text, sorted by position (suppressed ones left out). */
export function check(text: TextLike, options: CheckOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

/** Findings plus what was suppressed, the facts for reports and any check failures. */
export function analyze(text: TextLike, options: CheckOptions = {}): CheckResult {
  const opts: RunOptions = {
    languageId: options.languageId ?? 'plaintext',
    style: options.style ?? defaultStyle(),
    session: options.session,
    budgetMs: options.budgetMs,
    facts: options.facts,
    phases: options.phases,
  };
  return run(text, opts);
}

export { Session };
export { PieceText, type TextLike } from './document/text.js';

/** Loads what asynchronous checks need (dictionaries). Until it resolves those checks are skipped; the
 *  CLI awaits it before checking, the language server re-checks open documents when it resolves. */
export async function prepare(style?: CompiledStyle): Promise<void> {
  const { CHECKS } = await import('./registry.js');
  await Promise.all(CHECKS.filter((c) => c.prepare).map((c) => c.prepare!(style)));
}
/** Builds what makes later checks cheaper but costs a moment now (the spelling suggestions' form sets);
 *  an editor calls it once prepare() is done and the documents are re-checked. Optional: without it the
 *  same suggestions are found more slowly. */
export { prepareSuggestions as prepareIdleWork } from './spelling/dictionary.js';
export { CHECKS, findCheck, ruleDocsUrl } from './registry.js';
export { defaultStyle, loadStyleFile, loadStyleText } from './style/load.js';
export type { CompiledStyle, StyleProblem } from './style/types.js';
export * from './types.js';
export { applyFixes, preferredFixes } from './fixes.js';
