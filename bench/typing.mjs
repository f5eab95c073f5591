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

const edits = Number(process.env.EDITS ?? 300);
const lat = [];
let seedRand = 42;
const rand = () => ((seedRand = (seedRand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = 0; i < edits; i++) {
  // Type a letter somewhere in the draft, as a writer would, and sometimes delete it again.
  const at = Math.floor(rand() * text.length);
  const insert = i % 3 === 2 ? '' : 'e';
  const before = text;
  const lines = before.slice(0, at).split(/\r\n|\r|\n/);
  const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
  text = before.slice(0, at) + insert + before.slice(at);
  version++;
  const change = full === 1 ? { text } : { range: { start: pos, end: pos }, text: insert };
  const t0 = performance.now();
  server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  await server.diagnosticsFor(uri, version);
  lat.push(performance.now() - t0);
}
await server.stop();
lat.sort((a, b) => a - b);
const r = { words: words(text), edits, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1], sync: full === 1 ? 'full' : 'incremental' };
console.log(`Typing: ${r.edits} one-character edits in a ${r.words}-word draft over stdio (${r.sync} sync): p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (didChange sent → diagnostics received)`);
console.log(JSON.stringify(r));
