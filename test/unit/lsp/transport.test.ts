import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { notePublishHandover, takeChangeArrival, takePublishHandover, TimedReader } from '../../../server/src/lsp/transport';

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

test('a publish hand-over is noted per document and version, taken once, and only for publishes', () => {
  const publish = (uri: string, version: number) => ({ jsonrpc: '2.0' as const, method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: [] } });
  const before = performance.now();
  notePublishHandover(publish('file:///p.md', 4));
  notePublishHandover({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'file:///q.md' } } as never);
  assert.equal(takePublishHandover('file:///p.md', 3), undefined, 'another version is not this publish');
  const h = takePublishHandover('file:///p.md', 4);
  assert.ok(h && h.at >= before && h.at <= performance.now() && h.cpu.user >= 0);
  assert.equal(takePublishHandover('file:///p.md', 4), undefined, 'taken once');
  assert.equal(takePublishHandover('file:///q.md', 1), undefined);
});
