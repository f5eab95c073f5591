import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../server/src/lsp/code-actions';
import type { Finding } from '../../../server/src/engine/types';

const draft = TextDocument.create('file:///w/story.md', 'markdown', 1, 'The dolmus left at dawn.\n');
const finding: Finding = { rule: 'spelling.unknown', severity: 'info', message: 'Unknown word “dolmus”.', start: 4, end: 10, fixes: [] };
const params = { textDocument: { uri: draft.uri }, range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, context: { diagnostics: [] } };

test('spelling.unknown offers "Add to house words": one edit of copydesk.yaml that keeps its comments', () => {
  const source = '# our house style\nextends: default\nwords:\n  - Dolmabahçe # the palace\n';
  const actions = codeActions(draft, [finding], params, { uri: 'file:///w/copydesk.yaml', exists: true, read: () => source });
  const add = actions.find((a) => a.title === 'Add “dolmus” to house words');
  assert.ok(add, actions.map((a) => a.title).join('; '));
  const edits = add.edit!.changes!['file:///w/copydesk.yaml']!;
  assert.equal(edits.length, 1);
  const doc = TextDocument.create('file:///w/copydesk.yaml', 'yaml', 1, source);
  const after = TextDocument.applyEdits(doc, edits);
  assert.equal(after, '# our house style\nextends: default\nwords:\n  - Dolmabahçe # the palace\n  - dolmus\n');
});

test('with no copydesk.yaml the action creates one; a word already listed offers nothing; other rules do not get it', () => {
  const created = codeActions(draft, [finding], params, { uri: 'file:///w/copydesk.yaml', exists: false, read: () => undefined }).find((a) => a.title.startsWith('Add “dolmus”'));
  assert.ok(created?.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
  const listed = codeActions(draft, [finding], params, { uri: 'file:///w/copydesk.yaml', exists: true, read: () => 'words: [dolmus]\n' });
  assert.equal(listed.filter((a) => a.title.startsWith('Add “dolmus”')).length, 0);
  const other = codeActions(draft, [{ ...finding, rule: 'style.substitution' }], params, { uri: 'file:///w/copydesk.yaml', exists: true, read: () => '' });
  assert.equal(other.filter((a) => a.title.includes('house words')).length, 0);
});
