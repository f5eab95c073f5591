// Typing benchmark: a 10,000-word draft open in the real server over stdio, then a stream of one-character
// edits; the latency from sending each didChange to receiving its diagnostics (debounce set to 0).
// A server that has just started runs its code unoptimised for the first few hundred edits; a writer types
// for hours. So a warm-up stream (WARMUP edits, default 300) is typed into another copy of the draft first,
// with other letters at other places (its words are new to the measured stream), and reported on its own as
// the cold start; the measured stream follows, into the first document. A third stream shows a fresh server
// as a writer meets it: the draft opened, PAUSE_MS (default 3000) of reading, then typing; in that pause
// the server warms its code on a copy of the draft (server/src/lsp/warm-up.ts). A fourth stream types on at a
// writer's pace: PACE_MS (default 100) from each diagnostics received to the next edit, PACED_EDITS (default
// 150) edits. A pause costs the next keystroke here: on this VM, work that reads a few megabytes ran 1.6-4
// times slower after 50 ms idle than back to back (node bench/machine.mjs), so the back-to-back streams are the
// best case, and the paced one is what a writer meets. Its draft carries the typos of the streams before it
// (a few hundred, so each publish is over 100 KB); a fifth stream writes
// sentences at the same pace into a clean copy of the draft, letter by letter at the end of a paragraph,
// as a reporter adds to a story (WRITING_EDITS, default 150). A sixth stream is a fresh server typed into the
// moment the draft opens, at the writer's pace (FRESH_PACED_EDITS, default 150). TRANSPORT=ipc runs the
// streams over Node's IPC channel instead of stdio (what the VS Code client used until it moved to stdio).
// PIN=1 holds each server to one core and this client to the other; PIN=main holds each server's main
// thread alone to one core, and its other threads and this client to the other (bench/lsp.mjs).
import { percentile, pinned, position, seedDraft, seeded, startServer, typedLetter, wordCount as words } from './lsp.mjs';

const text = seedDraft(10_000);

const server = await startServer();
const uri = 'file:///bench/typing.md';
const full = server.capabilities.textDocumentSync?.change ?? server.capabilities.textDocumentSync;
let version = 1;
server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
await server.diagnosticsFor(uri, version);
await server.conn.sendRequest('copydesk/timings'); // the opening check is not an edit

const edits = Number(process.env.EDITS ?? 300);
const warmup = Number(process.env.WARMUP ?? 300);

/** Sends `count` edits into the open document `docUri` (its text `start`, at `startVersion`), each made by
 *  `next(doc, i, rand)` as { at, end, insert }, waiting for each edit's diagnostics and then `paceMs`;
 *  returns the client-side latencies, the server's own timings of those edits, and the final text. */
async function stream(server, docUri, start, startVersion, count, seed, paceMs, next) {
  let doc = start;
  let v = startVersion;
  const rand = seeded(seed);
  const lat = [];
  for (let i = 0; i < count; i++) {
    const { at, end, insert } = next(doc, i, rand);
    const range = { start: position(doc, at), end: position(doc, end) };
    doc = doc.slice(0, at) + insert + doc.slice(end);
    v++;
    const change = full === 1 ? { text: doc } : { range, text: insert };
    const t0 = performance.now();
    server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: docUri, version: v }, contentChanges: [change] });
    await server.diagnosticsFor(docUri, v);
    lat.push(performance.now() - t0);
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  // The server's own account: from each didChange read off the pipe to its diagnostics written (wall time),
  // and the CPU time from the check's start.
  const serverTimes = await server.conn.sendRequest('copydesk/timings');
  return { lat, serverTimes, text: doc, version: v };
}

/** Types `count` letters at random places (every third edit deletes a letter instead). */
function type(server, docUri, start, startVersion, count, letter, seed, paceMs = 0) {
  return stream(server, docUri, start, startVersion, count, seed, paceMs, (doc, i, rand) => typedLetter(doc, i, rand, letter));
}

// What the fifth stream writes, a sentence at a time.
const SENTENCES = [
  'Officials said the talks would resume in Istanbul next week.',
  'The ministry did not say who would lead the delegation.',
  'Shipping companies have asked for written guarantees before they return.',
  'Grain prices fell slightly after the announcement.',
];

/** Writes `count` letters: each sentence letter by letter at the end of a paragraph (the cursor moving on
 *  with each letter), then the next sentence at another paragraph's end. */
function write(server, docUri, start, startVersion, count, seed, paceMs) {
  let cursor = 0;
  let left = '';
  return stream(server, docUri, start, startVersion, count, seed, paceMs, (doc, _i, rand) => {
    if (!left) {
      const ends = [...doc.matchAll(/[^\n](?=\n\n)/g)].map((m) => m.index + 1);
      cursor = ends[Math.floor(rand() * ends.length)];
      left = ' ' + SENTENCES[Math.floor(rand() * SENTENCES.length)];
    }
    const insert = left[0];
    left = left.slice(1);
    const at = cursor;
    cursor++;
    return { at, end: at, insert };
  });
}

function summary(count, lat, serverTimes, finalText) {
  lat = [...lat].sort((a, b) => a - b);
  const wall = serverTimes.map((t) => t.wallMs).sort((a, b) => a - b);
  const cpu = serverTimes.map((t) => t.cpuMs).sort((a, b) => a - b);
  const engine = serverTimes.map((t) => t.engineMs).sort((a, b) => a - b);
  // Linux: how long the server's main thread waited, ready to run, for a core held by another thread (this
  // client reading the publish, or the server's own V8 compiler and GC threads); and each check's server time
  // less that wait.
  const known = serverTimes.every((t) => typeof t.queuedMs === 'number');
  const queued = known ? serverTimes.map((t) => t.queuedMs).sort((a, b) => a - b) : null;
  const own = known ? serverTimes.map((t) => t.wallMs - t.queuedMs).sort((a, b) => a - b) : null;
  return {
    words: words(finalText), edits: count, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1], sync: full === 1 ? 'full' : 'incremental',
    server: { checks: wall.length, p50: percentile(wall, 50), p95: percentile(wall, 95), p99: percentile(wall, 99), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), engineP50: percentile(engine, 50), engineP95: percentile(engine, 95), ...(known && { queuedP50: percentile(queued, 50), queuedP95: percentile(queued, 95), unqueuedP50: percentile(own, 50), unqueuedP95: percentile(own, 95) }) },
  };
}

const print = (label, r) => {
  console.log(`${label}: ${r.edits} one-character edits in a ${r.words}-word draft over stdio (${r.sync} sync): p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (didChange sent → diagnostics received)`);
  console.log(`  server time (didChange read off the pipe → diagnostics written, ${r.server.checks} checks): p50 ${r.server.p50.toFixed(2)} ms, p95 ${r.server.p95.toFixed(2)} ms, p99 ${r.server.p99.toFixed(2)} ms; CPU p50 ${r.server.cpuP50.toFixed(2)} ms, p95 ${r.server.cpuP95.toFixed(2)} ms; of it in the engine p50 ${r.server.engineP50.toFixed(2)} ms, p95 ${r.server.engineP95.toFixed(2)} ms`);
  if (r.server.queuedP50 !== undefined) console.log(`  of the server time, its main thread waiting for a core (held by this client or by its own V8 threads): p50 ${r.server.queuedP50.toFixed(2)} ms, p95 ${r.server.queuedP95.toFixed(2)} ms; server time less that wait: p50 ${r.server.unqueuedP50.toFixed(2)} ms, p95 ${r.server.unqueuedP95.toFixed(2)} ms`);
};

let cold = null;
if (warmup > 0) {
  const warmUri = 'file:///bench/warm-up.md';
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: warmUri, languageId: 'markdown', version: 1, text } });
  await server.diagnosticsFor(warmUri, 1);
  await server.conn.sendRequest('copydesk/timings');
  const w = await type(server, warmUri, text, 1, warmup, 'x', 7);
  server.conn.sendNotification('textDocument/didClose', { textDocument: { uri: warmUri } });
  cold = summary(warmup, w.lat, w.serverTimes, w.text);
  print('Typing, cold start (a fresh server, another copy of the draft)', cold);
}
const measured = await type(server, uri, text, version, edits, 'e', 42);
const paceMs = Number(process.env.PACE_MS ?? 100);
const pacedEdits = Number(process.env.PACED_EDITS ?? 150);
let paced = null;
if (paceMs > 0 && pacedEdits > 0) {
  const p = await type(server, uri, measured.text, measured.version, pacedEdits, 'a', 11, paceMs);
  paced = { ...summary(pacedEdits, p.lat, p.serverTimes, p.text), paceMs };
}
const writingEdits = Number(process.env.WRITING_EDITS ?? 150);
let writing = null;
if (paceMs > 0 && writingEdits > 0) {
  // The typo-laden draft is closed: a writer has the one story open.
  server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const writingUri = 'file:///bench/writing.md';
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: writingUri, languageId: 'markdown', version: 1, text } });
  await server.diagnosticsFor(writingUri, 1);
  await server.conn.sendRequest('copydesk/timings');
  const w = await write(server, writingUri, text, 1, writingEdits, 5, paceMs);
  writing = { ...summary(writingEdits, w.lat, w.serverTimes, w.text), paceMs };
}
await server.stop();

const pauseMs = Number(process.env.PAUSE_MS ?? 3000);
let afterPause = null;
if (pauseMs > 0) {
  const fresh = await startServer();
  const pausedUri = 'file:///bench/paused.md';
  fresh.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pausedUri, languageId: 'markdown', version: 1, text } });
  await fresh.diagnosticsFor(pausedUri, 1);
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  await fresh.conn.sendRequest('copydesk/timings');
  const p = await type(fresh, pausedUri, text, 1, warmup || edits, 'x', 7);
  await fresh.stop();
  afterPause = { ...summary(warmup || edits, p.lat, p.serverTimes, p.text), pauseMs };
  print(`Typing, a fresh server after ${pauseMs / 1000} s of reading (the same stream as the cold start)`, afterPause);
}
// A writer who starts typing the moment the draft opens, at the writer's pace: the server warms its code in
// the gaps between keystrokes.
const freshPacedEdits = Number(process.env.FRESH_PACED_EDITS ?? 150);
let freshPaced = null;
if (paceMs > 0 && freshPacedEdits > 0) {
  const fresh = await startServer();
  const freshUri = 'file:///bench/fresh.md';
  fresh.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text } });
  await fresh.diagnosticsFor(freshUri, 1);
  await fresh.conn.sendRequest('copydesk/timings');
  const p = await type(fresh, freshUri, text, 1, freshPacedEdits, 'x', 7, paceMs);
  await fresh.stop();
  freshPaced = { ...summary(freshPacedEdits, p.lat, p.serverTimes, p.text), paceMs };
  print(`Typing, a fresh server typed into at once at a writer's pace (${paceMs} ms from each diagnostics to the next edit)`, freshPaced);
}
const r = { ...summary(edits, measured.lat, measured.serverTimes, measured.text), warmup, cold, afterPause, freshPaced, paced, writing, ...(pinned && { pinned }) };
if (pinned) console.log(`Pinned (PIN=${process.env.PIN}): ${pinned}.`);
print(`Typing${warmup > 0 ? ` after ${warmup} warm-up edits` : ''}`, r);
if (paced) print(`Typing on at a writer's pace (${paceMs} ms from each diagnostics to the next edit)`, paced);
if (writing) print(`Writing sentences into a clean copy at the same pace (letter by letter at paragraph ends)`, writing);
console.log(JSON.stringify(r));
