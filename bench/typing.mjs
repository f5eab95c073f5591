// Typing benchmark: a 10,000-word draft open in the real server over stdio, then a stream of one-character
// edits; the latency from sending each didChange to receiving its diagnostics (debounce set to 0).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, startServer } from './lsp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedFile = path.join(here, '..', '..', 'shared', 'seed', 'dpa-istanbul-talks.txt');
const seed = fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(here, '..', 'examples', 'black-sea-grain-talks.md'), 'utf8');
const words = (t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
let text = seed;
while (words(text) < 10_000) text += '\n\n' + seed;

const server = await startServer();
const uri = 'file:///bench/typing.md';
const full = server.capabilities.textDocumentSync?.change ?? server.capabilities.textDocumentSync;
let version = 1;
server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
await server.diagnosticsFor(uri, version);
await server.conn.sendRequest('copydesk/timings'); // the opening check is not an edit

const edits = Number(process.env.EDITS ?? 300);
const lat = [];
let seedRand = 42;
const rand = () => ((seedRand = (seedRand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const position = (offset) => {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
};
for (let i = 0; i < edits; i++) {
  // Type a letter somewhere in the draft, as a writer would; every third edit deletes a letter instead.
  let at = Math.floor(rand() * text.length);
  const remove = i % 3 === 2;
  // Never split a CRLF pair or delete a line break: the draft keeps its paragraphs.
  while (remove && /[\r\n]/.test(text[at] ?? '\n')) at = (at + 1) % text.length;
  const insert = remove ? '' : 'e';
  const range = { start: position(at), end: position(remove ? at + 1 : at) };
  text = text.slice(0, at) + insert + text.slice(remove ? at + 1 : at);
  version++;
  const change = full === 1 ? { text } : { range, text: insert };
  const t0 = performance.now();
  server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  await server.diagnosticsFor(uri, version);
  lat.push(performance.now() - t0);
}
// The server's own account: from each didChange's arrival to its diagnostics written, wall and CPU time.
const serverTimes = await server.conn.sendRequest('copydesk/timings');
await server.stop();
lat.sort((a, b) => a - b);
const wall = serverTimes.map((t) => t.wallMs).sort((a, b) => a - b);
const cpu = serverTimes.map((t) => t.cpuMs).sort((a, b) => a - b);
const engine = serverTimes.map((t) => t.engineMs).sort((a, b) => a - b);
const r = {
  words: words(text), edits, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1], sync: full === 1 ? 'full' : 'incremental',
  server: { checks: wall.length, p50: percentile(wall, 50), p95: percentile(wall, 95), p99: percentile(wall, 99), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), engineP50: percentile(engine, 50), engineP95: percentile(engine, 95) },
};
console.log(`Typing: ${r.edits} one-character edits in a ${r.words}-word draft over stdio (${r.sync} sync): p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (didChange sent → diagnostics received)`);
console.log(`  server time (didChange arrived → diagnostics written, ${r.server.checks} checks): p50 ${r.server.p50.toFixed(2)} ms, p95 ${r.server.p95.toFixed(2)} ms, p99 ${r.server.p99.toFixed(2)} ms; CPU p50 ${r.server.cpuP50.toFixed(2)} ms, p95 ${r.server.cpuP95.toFixed(2)} ms; of it in the engine p50 ${r.server.engineP50.toFixed(2)} ms, p95 ${r.server.engineP95.toFixed(2)} ms`);
console.log(JSON.stringify(r));
