import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from '../../../server/src/engine/document/text';
import { PieceDocument } from '../../../server/src/lsp/piece-document';
import { seededRandom } from '../../support/random';

const bits = ['word ', 'a', '\n', '\r\n', '\r', '“', '😀', '\n\n'];

test('a document in pieces answers as vscode-languageserver-textdocument does, through random edits with every kind of line break', () => {
  const rand = seededRandom(5);
  const pick = () => bits[Math.floor(rand() * bits.length)]!;
  const start = Array.from({ length: 400 }, pick).join('');
  let reference = TextDocument.create('file:///d.md', 'markdown', 1, start);
  const doc = new PieceDocument('file:///d.md', 'markdown', 1, PieceText.of(start, 50));
  for (let v = 2; v < 600; v++) {
    const text = reference.getText();
    const a = Math.floor(rand() * (text.length + 1));
    const b = Math.min(text.length, a + (rand() < 0.4 ? Math.floor(rand() * 40) : 0));
    const change = rand() < 0.02
      ? { text: Array.from({ length: 50 }, pick).join('') }
      : { range: { start: reference.positionAt(rand() < 0.5 ? a : b), end: reference.positionAt(rand() < 0.5 ? b : a) }, text: Array.from({ length: Math.floor(rand() * 3) }, pick).join('') };
    reference = TextDocument.update(reference, [change], v);
    doc.update([change], v);
    assert.equal(doc.getText(), reference.getText(), `text after edit ${v}`);
    assert.equal(doc.lineCount, reference.lineCount);
    for (let k = 0; k < 4; k++) {
      const offset = Math.floor(rand() * (reference.getText().length + 4)) - 2;
      assert.deepEqual(doc.positionAt(offset), reference.positionAt(offset), `positionAt(${offset})`);
      const position = { line: Math.floor(rand() * (reference.lineCount + 1)), character: Math.floor(rand() * 30) };
      assert.equal(doc.offsetAt(position), reference.offsetAt(position), `offsetAt(${JSON.stringify(position)})`);
      const line = Math.floor(rand() * (reference.lineCount + 2)) - 1;
      assert.deepEqual(doc.getLineRange(line), reference.getLineRange(line));
      assert.equal(doc.getEOLCharacters(line), reference.getEOLCharacters(line));
    }
  }
  assert.equal(doc.version, reference.version);
});

test('a document in pieces confirms a position from its line starts only where positionAt gives that position', () => {
  const rand = seededRandom(11);
  const pick = () => bits[Math.floor(rand() * bits.length)]!;
  const text = Array.from({ length: 600 }, pick).join('');
  const doc = new PieceDocument('file:///d.md', 'markdown', 1, PieceText.of(text, 40));
  let confirmed = 0;
  for (let offset = 0; offset <= text.length; offset++) {
    const p = doc.positionAt(offset);
    if (doc.isAt(offset, p.line, p.character)) confirmed++;
    // Every other position near it is refused.
    for (const [line, character] of [[p.line, p.character + 1], [p.line, p.character - 1], [p.line + 1, p.character], [p.line - 1, p.character]] as const) {
      if (line >= 0 && character >= 0 && doc.isAt(offset, line, character)) assert.deepEqual(doc.positionAt(offset), { line, character }, `isAt(${offset}, ${line}, ${character})`);
    }
  }
  // Refused only at the last character of a line (where a CRLF pair might be split).
  assert.ok(confirmed > text.length * 0.5, `confirmed ${confirmed} of ${text.length + 1}`);
});
