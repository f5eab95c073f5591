// Start-up benchmark: from spawning the server process to the first diagnostics of a 1,000-word draft.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lsp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedFile = path.join(here, '..', '..', 'shared', 'seed', 'dpa-istanbul-talks.txt');
const text = fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(here, '..', 'examples', 'black-sea-grain-talks.md'), 'utf8');
const runs = [];
for (let i = 0; i < 7; i++) {
  const server = await startServer();
  const uri = `file:///bench/start-${i}.txt`;
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const d = await server.diagnosticsFor(uri, 1);
  runs.push({ ms: performance.now() - server.spawnedAt, diagnostics: d.diagnostics.length });
  await server.stop();
}
const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
const r = { median: sorted[3], min: sorted[0], max: sorted[6], diagnostics: runs[0].diagnostics };
console.log(`Start: process spawn → first diagnostics of a ${(text.match(/[\p{L}\p{N}]+/gu) ?? []).length}-word draft: median ${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)}, 7 runs)`);
console.log(JSON.stringify(r));
