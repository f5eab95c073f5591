// Where a writer's-pace keystroke's wall time goes when the publish is large: the same stream typed twice
// into a fresh server, once with client and server free to share a core, once pinned to different cores
// (taskset, Linux with two cores or more). A draft of the seed's copies gets PRE typos at random places
// back to back (publishes of about 500 diagnostics), then EDITS more at PACE_MS from each diagnostics to
// the next edit; prints the server's time, CPU, its main thread's wait for a core (copydesk/timings'
// queuedMs), and the client's latency.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { percentile, pinApart, position, seedDraft, seeded, startServer, typedLetter } from './lsp.mjs';

const start = seedDraft(10_000);
const PRE = Number(process.env.PRE ?? 600);
const EDITS = Number(process.env.EDITS ?? 150);
const PACE_MS = Number(process.env.PACE_MS ?? 100);
if (os.cpus().length < 2) throw new Error('bench/cores.mjs needs two cores or more');

async function run(pinned) {
  const server = await startServer();
  if (pinned) pinApart(server.child.pid);
  const uri = 'file:///bench/cores.md';
  let text = start;
  let v = 1;
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: v, text } });
  await server.diagnosticsFor(uri, v);
  const rand = seeded(7);
  const lat = [];
  for (let i = 0; i < PRE + EDITS; i++) {
    if (i === PRE) await server.conn.sendRequest('copydesk/timings');
    const { at, end, insert } = typedLetter(text, i, rand, 'q');
    const range = { start: position(text, at), end: position(text, end) };
    text = text.slice(0, at) + insert + text.slice(end);
    v++;
    const t0 = performance.now();
    server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert }] });
    const published = await server.diagnosticsFor(uri, v);
    if (i >= PRE) {
      lat.push(performance.now() - t0);
      if (i === PRE) console.log(`  ${published.diagnostics.length} diagnostics per publish`);
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    }
  }
  const t = await server.conn.sendRequest('copydesk/timings');
  await server.stop();
  if (pinned) execFileSync('taskset', ['-a', '-cp', `0-${os.cpus().length - 1}`, String(process.pid)], { stdio: 'ignore' });
  const p = (list, q) => percentile([...list].sort((a, b) => a - b), q).toFixed(2);
  const of = (k) => t.map((x) => x[k]);
  console.log(`${pinned ? 'pinned to different cores' : 'free'}: server p50 ${p(of('wallMs'), 50)} ms, p95 ${p(of('wallMs'), 95)}; CPU p50 ${p(of('cpuMs'), 50)}; waiting for a core p50 ${t[0]?.queuedMs === undefined ? 'n/a' : p(of('queuedMs'), 50)}; client p50 ${p(lat, 50)}, p95 ${p(lat, 95)}`);
}

for (const pinned of [false, true, false, true]) await run(pinned);
