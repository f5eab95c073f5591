import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, defaultStyle, prepare, Session } from '../../../server/src/engine/index';
import { checkDraft } from '../../../server/src/lsp/draft-check';

const DRAFT = 'Dana Whitcombe spoke first.\n\nWhitcombe said no. Later Witcombe left, and Whitcombe stayed.\n';

test('an open draft is checked in its session with the findings of a full check, leaving the names’ facts to hovers and reports', async () => {
  const style = defaultStyle();
  await prepare(style);
  const full = analyze(DRAFT, { languageId: 'markdown', style });
  const draft = checkDraft(DRAFT, 'markdown', style, new Session());
  assert.ok(full.findings.some((f) => f.rule === 'names.inconsistent'), 'the fixture has a name spelled two ways');
  assert.deepEqual(draft.findings.map((f) => [f.rule, f.start, f.end, f.message]), full.findings.map((f) => [f.rule, f.start, f.end, f.message]));
  assert.ok((full.facts.names ?? []).length > 0);
  assert.equal((draft.facts.names ?? []).length, 0);
});
