import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonWriter } from '../../../server/src/lsp/wire';

const diagnostic = (i: number) => ({
  range: { start: { line: i, character: 3 }, end: { line: i, character: 9 } },
  severity: 2,
  code: 'names.inconsistent',
  source: 'copydesk',
  message: `“Witcombe” is spelled “Whitcombe” elsewhere in this story (${i} times) — ü ß 😀`,
  relatedInformation: i % 3 ? undefined : [{ location: { uri: 'file:///a.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: '“Whitcombe” here' }],
  data: { index: i },
});

test('a long diagnostics message is encoded piece by piece to the same bytes as JSON.stringify', () => {
  const writer = new JsonWriter();
  const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///draft.md', version: 7, diagnostics: Array.from({ length: 3000 }, (_, i) => diagnostic(i)) } };
  const bytes = writer.encode(msg);
  assert.ok(bytes.length > 64 * 1024, 'the message outgrows the first scratch buffer');
  assert.equal(bytes.toString('utf8'), JSON.stringify(msg));
  // The scratch space is reused: a second, shorter message is not mixed with the first.
  const shorter = { ...msg, params: { ...msg.params, diagnostics: msg.params.diagnostics.slice(0, 40) } };
  assert.equal(writer.encode(shorter).toString('utf8'), JSON.stringify(shorter));
  assert.equal(bytes.toString('utf8'), JSON.stringify(msg), 'an earlier result is its own buffer');
});

test('values JSON.stringify drops or turns into null are treated the same inside long lists', () => {
  const writer = new JsonWriter();
  const odd = [undefined, () => 1, Symbol('s'), NaN, Infinity, null, { toJSON: () => 'custom' }, new Date(0), { a: undefined, b: () => 2, c: 1 }, [undefined], '\u2028"\\'];
  const value = { list: Array.from({ length: 60 }, (_, i) => odd[i % odd.length]), skipped: undefined, nested: { deep: { list: Array.from({ length: 30 }, (_, i) => ({ i, u: undefined })) } } };
  assert.equal(writer.encode(value).toString('utf8'), JSON.stringify(value));
  assert.equal(writer.encode([1, 2, 3]).toString('utf8'), '[1,2,3]');
  assert.equal(writer.encode(undefined).toString('utf8'), 'null');
});

test('a framed message is its Content-Length header and its JSON, written over by the next one', () => {
  const writer = new JsonWriter();
  const long = { list: Array.from({ length: 100 }, (_, i) => ({ i, s: `é“${i}”` })) };
  const json = JSON.stringify(long);
  const framed = writer.frame(long);
  assert.equal(framed.toString('utf8'), `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  const own = writer.encode(long);
  writer.frame({ list: Array.from({ length: 100 }, () => 'x') });
  assert.equal(own.toString('utf8'), json, 'encode returns a buffer of its own');
  assert.notEqual(framed.toString('utf8').slice(-json.length), json, 'a frame is a view of the scratch space');
  // A short message takes the plain path, with the same framing.
  assert.equal(writer.frame({ a: '€' }).toString('utf8'), 'Content-Length: 11\r\n\r\n{"a":"€"}');
});
