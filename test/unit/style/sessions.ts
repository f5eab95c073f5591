// Runs drafts through one editor session, each checked against a fresh run of the same text, so a test can
// follow an edit that changes a document check's index (which form wins, where a quote ends).
import assert from 'node:assert/strict';
import { analyze, Session, type CheckResult } from '../../../server/src/engine/index';

export function typedInOneSession(drafts: string[], languageId = 'markdown'): CheckResult[] {
  const session = new Session();
  return drafts.map((text, i) => {
    const live = analyze(text, { languageId, session });
    const fresh = analyze(text, { languageId });
    assert.deepStrictEqual(live.findings, fresh.findings, `findings of draft ${i}`);
    assert.deepStrictEqual(live.facts, fresh.facts, `facts of draft ${i}`);
    return live;
  });
}

/** [flagged text, first fix] for one rule's findings. */
export const flagged = (text: string, r: CheckResult, rule: string) =>
  r.findings.filter((f) => f.rule === rule).map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);
