import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/engine/index';
import { diagnosticJson, toDiagnostic } from '../../../server/src/lsp/convert';
import { Encoded, JsonWriter } from '../../../server/src/lsp/wire';

const draft = [
  'Dana Whitcombe, the council leader, spoke on Monday in Zaporozhye.\r\n',
  '“We will keep going,” Whitcombe said. Later Witcombe left, and the goverment defence office closed.',
  '',
  'The U.S. defense budget grew 5 percent. TK',
  '',
  '“Pressure must continue to rise until real progress is made.”',
].join('\n');

test('a diagnostic written straight to JSON is the JSON of the diagnostic object', () => {
  const doc = TextDocument.create('file:///drafts/a%20b/“quote”.md', 'markdown', 3, draft);
  const { findings } = analyze(draft, { languageId: 'markdown' });
  assert.ok(findings.length >= 5 && findings.some((f) => f.related?.length), 'the draft has findings, some with related places');
  const uriJson = JSON.stringify(doc.uri);
  findings.forEach((f, i) => assert.equal(diagnosticJson(doc, f, i, uriJson), JSON.stringify(toDiagnostic(doc, f, i))));
  const bare = { ...findings[0]!, related: [] };
  assert.equal(diagnosticJson(doc, bare, 9, uriJson), JSON.stringify(toDiagnostic(doc, bare, 9)));
});

test('encoded diagnostics are written as they are, and read back by anything else that serialises them', () => {
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, draft);
  const { findings } = analyze(draft, { languageId: 'markdown' });
  const many = Array.from({ length: 40 }, (_, i) => findings[i % findings.length]!);
  const plain = many.map((f, i) => toDiagnostic(doc, f, i));
  const encoded = many.map((f, i) => new Encoded(diagnosticJson(doc, f, i, JSON.stringify(doc.uri))));
  const message = (diagnostics: unknown[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: 1, diagnostics } });
  assert.equal(new JsonWriter().encode(message(encoded)).toString('utf8'), JSON.stringify(message(plain)));
  assert.equal(JSON.stringify(message(encoded)), JSON.stringify(message(plain)));
});
