import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { DirectMessageWriter } from '../../../server/src/lsp/message-writer';

const diagnostic = (i: number) => ({
  range: { start: { line: i, character: 3 }, end: { line: i, character: 9 } },
  severity: 2,
  code: 'names.inconsistent',
  message: `“Witcombe” is spelled “Whitcombe” elsewhere in this story (${i} times) — ü 😀`,
  data: { index: i },
});
const publish = (n: number) => ({ jsonrpc: '2.0' as const, method: 'textDocument/publishDiagnostics', params: { uri: `file:///d${n}.md`, diagnostics: Array.from({ length: 40 + 200 * (n % 4) }, (_, i) => diagnostic(i + n)) } });

/** The messages in `bytes`, read back by their Content-Length headers. */
function messagesIn(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf('\r\n\r\n', at);
    const head = /^Content-Length: (\d+)$/.exec(bytes.subarray(at, end).toString('latin1'));
    assert.ok(head, `a header at byte ${at}`);
    const start = end + 4;
    out.push(JSON.parse(bytes.subarray(start, start + Number(head[1])).toString('utf8')));
    at = start + Number(head[1]);
  }
  return out;
}

test('messages are written in the order sent, each intact, while the stream takes its time over each write', async () => {
  // The stream takes each chunk's bytes only when it calls back, a while later: a message encoded into the
  // scratch space before the previous write was taken would show up corrupted.
  const taken: Buffer[] = [];
  const slow = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        taken.push(Buffer.from(chunk));
        callback();
      }, 1 + (taken.length % 3));
    },
  });
  const writer = new DirectMessageWriter(slow);
  const messages = Array.from({ length: 12 }, (_, n) => publish(n));
  await Promise.all(messages.map((m) => writer.write(m)));
  assert.equal(taken.length, messages.length, 'one write per message');
  assert.deepEqual(messagesIn(Buffer.concat(taken)), JSON.parse(JSON.stringify(messages)));
});

test('a message is handed to the stream within the call that sends it', () => {
  const chunks: Buffer[] = [];
  const writer = new DirectMessageWriter(new Writable({ write(chunk: Buffer, _e, callback) { chunks.push(Buffer.from(chunk)); callback(); } }));
  void writer.write(publish(1));
  assert.equal(chunks.length, 1, 'written before the event loop turns');
  assert.deepEqual(messagesIn(chunks[0]!), [JSON.parse(JSON.stringify(publish(1)))]);
});

test('a failed write rejects its message and is reported, and the messages queued behind it are settled, not left waiting', async () => {
  let calls = 0;
  const chunks: Buffer[] = [];
  const flaky = new Writable({
    write(chunk: Buffer, _e, callback) {
      if (calls++ === 0) return callback(new Error('pipe hiccup'));
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  flaky.on('error', () => {}); // the writer reports it; the stream's own event is not the test's concern
  const writer = new DirectMessageWriter(flaky);
  const reported: string[] = [];
  writer.onError(([error]) => reported.push(error.message));
  const first = writer.write(publish(1));
  const second = writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'after' } } as never);
  await assert.rejects(first, /pipe hiccup/);
  // A stream that failed a write is destroyed: the next message fails too, but its promise settles.
  await assert.rejects(second);
  assert.ok(reported.includes('pipe hiccup'));
  assert.equal(chunks.length, 0);
});

test('a message counts as handed over within its write when the stream takes its bytes at once, and at the callback when the stream takes its time', async () => {
  const handed: string[] = [];
  const note = (msg: { method?: string }) => handed.push(msg.method!);
  // Takes the bytes within the write (as a pipe with room does); Node still calls back on a later tick.
  const quick = new DirectMessageWriter(new Writable({ write(_chunk, _e, callback) { callback(); } }), note as never);
  const quickSent = quick.write({ jsonrpc: '2.0', method: 'quick', params: {} } as never);
  assert.deepEqual(handed, ['quick'], 'handed over before the write call returned');
  await quickSent;
  assert.deepEqual(handed, ['quick'], 'and only once');
  let release: () => void = () => {};
  const slow = new DirectMessageWriter(new Writable({ write(_chunk, _e, callback) { release = callback; } }), note as never);
  const slowSent = slow.write({ jsonrpc: '2.0', method: 'slow', params: {} } as never);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(handed, ['quick'], 'not handed over while the stream holds the bytes');
  release();
  await slowSent;
  assert.deepEqual(handed, ['quick', 'slow']);
});

test('a write that fails is never counted as handed over', async () => {
  const handed: unknown[] = [];
  const broken = new Writable({ write(_chunk, _e, callback) { callback(new Error('pipe gone')); } });
  broken.on('error', () => {});
  const writer = new DirectMessageWriter(broken, (msg) => handed.push(msg));
  await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'lost', params: {} } as never), /pipe gone/);
  assert.deepEqual(handed, []);
});
