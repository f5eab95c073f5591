import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Writable } from 'node:stream';
import { encodedWriter } from '../../../server/src/lsp/transport';
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

test('a shared encoding is a view of the scratch space, and encode still returns a buffer of its own', () => {
  const writer = new JsonWriter();
  const long = { list: Array.from({ length: 100 }, (_, i) => ({ i, s: `é${i}` })) };
  const shared = writer.encodeShared(long);
  assert.equal(shared.toString('utf8'), JSON.stringify(long));
  const own = writer.encode(long);
  assert.notEqual(own.buffer, shared.buffer, 'encode copies out of the scratch space');
  writer.encode({ list: Array.from({ length: 100 }, () => 'x') });
  assert.equal(own.toString('utf8'), JSON.stringify(long));
  assert.notEqual(shared.toString('utf8'), JSON.stringify(long), 'the shared view was written over by the next message');
});

test('the stream writer sends every message intact while the stream takes its time over each write', async () => {
  // A stream that takes each chunk's bytes only when it calls back, after a while: a message encoded into
  // the scratch space before the previous write finished would show up corrupted.
  const taken: Buffer[] = [];
  const slow = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        taken.push(Buffer.from(chunk));
        callback();
      }, 1 + (taken.length % 3));
    },
  });
  const writer = encodedWriter(slow);
  const messages = Array.from({ length: 12 }, (_, n) => ({ jsonrpc: '2.0' as const, method: 'textDocument/publishDiagnostics', params: { uri: `file:///d${n}.md`, diagnostics: Array.from({ length: 40 + 200 * (n % 4) }, (_, i) => diagnostic(i + n)) } }));
  await Promise.all(messages.map((m) => writer.write(m)));
  const all = Buffer.concat(taken).toString('utf8');
  const bodies: unknown[] = [];
  for (let at = 0; at < all.length; ) {
    const head = /^Content-Length: (\d+)\r\n\r\n/.exec(all.slice(at));
    assert.ok(head, `a header at ${at}`);
    const start = at + head[0].length;
    const length = Number(head[1]);
    const body = Buffer.from(all.slice(start)).subarray(0, length).toString('utf8');
    bodies.push(JSON.parse(body));
    at = start + body.length;
  }
  assert.deepEqual(bodies, JSON.parse(JSON.stringify(messages)));
});
