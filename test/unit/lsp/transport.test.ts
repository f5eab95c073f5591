import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { takeChangeArrival, TimedReader } from '../../../server/src/lsp/transport';

const frame = (msg: unknown): string => {
  const json = JSON.stringify(msg);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
};
const change = (uri: string, version: number) => ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: 'x' }] } });

test('a document’s change is timed from when its oldest unanswered didChange was read, and the time is taken once', async () => {
  const input = new PassThrough();
  const reader = new TimedReader(input);
  const seen: unknown[] = [];
  reader.listen((msg) => seen.push(msg));
  const before = performance.now();
  input.write(frame(change('file:///a.md', 2)));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const between = performance.now();
  input.write(frame(change('file:///a.md', 3)) + frame(change('file:///b.md', 2)) + frame({ jsonrpc: '2.0', method: 'textDocument/didSave', params: { textDocument: { uri: 'file:///c.md' } } }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(seen.length, 4, 'every message is passed on');
  const a = takeChangeArrival('file:///a.md');
  assert.ok(a !== undefined && a >= before && a <= between, 'the first of the two changes to a.md');
  assert.equal(takeChangeArrival('file:///a.md'), undefined, 'taken once');
  assert.ok((takeChangeArrival('file:///b.md') ?? 0) >= between);
  assert.equal(takeChangeArrival('file:///c.md'), undefined, 'only didChange is timed');
  reader.dispose();
});
