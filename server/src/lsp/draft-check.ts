// What the check of an open draft is, in one place. The server runs it after every edit, its warm-up runs
// it on a private copy, and the benchmarks of the keystroke path run it: the same options, so the same
// code. A warm-up that checked with other options (it used to leave the names' facts in) warmed code the
// writer's keystrokes then did not take.
import { analyze, type CheckResult, type CompiledStyle, type Session, type TextLike } from '../engine/index.js';

/** The engine's check of an open draft in its session, without the facts that only hovers and reports read
 *  (the server makes them when one asks). */
export function checkDraft(text: TextLike, languageId: string, style: CompiledStyle, session: Session): CheckResult {
  return analyze(text, { languageId, style, session, facts: false });
}
