import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Session } from '../../../server/src/engine/index';
import { loadStyleText } from '../../../server/src/engine/style/load';
import type { Finding } from '../../../server/src/engine/types';
import { diagnosticBody, positionsInto, toDiagnostic } from '../../../server/src/lsp/convert';
import { PublishedDiagnostics, writtenDiagnostics } from '../../../server/src/lsp/published';
import { JsonWriter } from '../../../server/src/lsp/wire';
import { PieceText } from '../../../server/src/engine/document/text';
import { PieceDocument } from '../../../server/src/lsp/piece-document';
import { seededRandom } from '../../support/random';

/** A diagnostic's JSON as a publish writes it, from its positions. */
const diagnosticJson = (doc: TextDocument, f: Finding, uriJson: string): string => {
  const at: number[] = [];
  positionsInto(at, doc, f);
  return diagnosticBody(f, at, uriJson);
};

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
  findings.forEach((f) => assert.equal(diagnosticJson(doc, f, uriJson), JSON.stringify(toDiagnostic(doc, f))));
  const bare = { ...findings[0]!, related: [] };
  assert.equal(diagnosticJson(doc, bare, uriJson), JSON.stringify(toDiagnostic(doc, bare)));
});

const message = (uri: string, diagnostics: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } });

test('diagnostics written as JSON are the JSON of the diagnostic objects, and read back by anything else that serialises them', () => {
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, draft);
  const { findings } = analyze(draft, { languageId: 'markdown' });
  const many = Array.from({ length: 40 }, (_, i) => findings[i % findings.length]!);
  const plain = many.map((f) => toDiagnostic(doc, f));
  const written = writtenDiagnostics(doc, many, new PublishedDiagnostics());
  assert.equal(new JsonWriter().encode(message(doc.uri, written)).toString('utf8'), JSON.stringify(message(doc.uri, plain)));
  assert.equal(JSON.stringify(message(doc.uri, written)), JSON.stringify(message(doc.uri, plain)));
});

test('a publish after an edit reuses the previous one only where rule, message and positions still match', () => {
  const long = Array.from({ length: 8 }, () => draft).join('\n\n');
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, long);
  const published = new PublishedDiagnostics();
  const writer = new JsonWriter();
  const publish = (d: TextDocument, findings: Finding[]) => {
    const got = writer.encode(message(d.uri, writtenDiagnostics(d, findings, published))).toString('utf8');
    assert.equal(got, JSON.stringify(message(d.uri, findings.map((f) => toDiagnostic(d, f)))), `after: ${d.getText().slice(0, 40)}`);
  };
  const session = new Session();
  publish(doc, analyze(long, { languageId: 'markdown', session }).findings);
  // A letter typed (characters move on one line), a line break typed (every later line moves), a line
  // break taken out, and the whole story re-checked under another severity (same messages and places).
  const edits = [
    { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: 'x' },
    { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: '\n' },
    { range: { start: { line: 0, character: 10 }, end: { line: 1, character: 0 } }, text: '' },
  ];
  let version = 1;
  for (const edit of edits) {
    TextDocument.update(doc, [edit], ++version);
    publish(doc, analyze(doc.getText(), { languageId: 'markdown', session }).findings);
  }
  const strict = loadStyleText('rules:\n  style.consistency: error\n  names.inconsistent: error\n').style!;
  publish(doc, analyze(doc.getText(), { languageId: 'markdown', style: strict }).findings);
  // The same story under another name: the related places carry the new address.
  const renamed = TextDocument.create('file:///b.md', 'markdown', 1, doc.getText());
  publish(renamed, analyze(doc.getText(), { languageId: 'markdown', style: strict }).findings);
});

test('publishes of a document in pieces reuse the previous publish only where its positions still hold, through typing with every kind of line break', () => {
  const rand = seededRandom(3);
  const long = Array.from({ length: 6 }, () => draft).join('\n\n');
  const doc = new PieceDocument('file:///p.md', 'markdown', 1, PieceText.of(long, 300));
  const published = new PublishedDiagnostics();
  const writer = new JsonWriter();
  const session = new Session();
  const typed = ['x', ' ', '\n', '\r\n', '', '“', 'Witcombe '];
  for (let v = 2; v < 120; v++) {
    const text = doc.getText();
    const at = Math.floor(rand() * text.length);
    const end = Math.min(text.length, at + (rand() < 0.3 ? 1 + Math.floor(rand() * 3) : 0));
    doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: typed[Math.floor(rand() * typed.length)]! }], v);
    const { findings } = analyze(doc.text, { languageId: 'markdown', session });
    const got = writer.encode(message(doc.uri, writtenDiagnostics(doc, findings, published))).toString('utf8');
    assert.equal(got, JSON.stringify(message(doc.uri, findings.map((f) => toDiagnostic(doc, f)))), `edit ${v}`);
  }
});
