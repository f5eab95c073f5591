// What the server's warm-up leaves for V8 to optimise while the writer types: the keystroke path in this
// process (the engine with a session, the diagnostics, their JSON) on a 10,000-word draft, the warm-up of
// server/src/lsp/warm-up.ts run to its end on that draft, then KEYS random keystrokes (bench/typing.mjs's
// stream). Counts V8's optimising compilations (and the compiler's milliseconds, spent on another thread)
// and deoptimisations during the keystrokes, and prints their p50/p95. NOWARM=1 skips the warm-up.
//   node --import tsx bench/warm-up.ts            (spawns itself with --trace-opt --trace-deopt and counts)
import { spawn } from 'node:child_process';
import { analyze, defaultStyle, PieceText, prepare, Session } from '../server/src/engine/index';
import { PieceDocument } from '../server/src/lsp/piece-document';
import { PublishedDiagnostics } from '../server/src/lsp/published';
import { diagnosticsOf } from '../server/src/lsp/transport';
import { keystrokeWarmUp } from '../server/src/lsp/warm-up';
import { JsonWriter } from '../server/src/lsp/wire';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { percentile, seedDraft, seeded, typedLetter } from './lsp.mjs';

const KEYS = Number(process.env.KEYS ?? 300);
const MARK = '=== typing';

async function type(): Promise<void> {
  const style = defaultStyle();
  await prepare(style);
  let text: string = seedDraft(10_000);
  const doc = new PieceDocument('file:///bench/warm-up.md', 'markdown', 1, PieceText.of(text));
  const session = new Session();
  const published = new PublishedDiagnostics();
  const json = new JsonWriter();
  const keystroke = (): void => {
    const result = analyze(doc.text, { languageId: 'markdown', style, session });
    const diagnostics = diagnosticsOf(doc, result.findings, published);
    json.frame({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics } });
  };
  keystroke();
  if (!process.env.NOWARM) {
    // The warm-up's timers never keep a process alive; this one does until it is over.
    const alive = setInterval(() => {}, 1000);
    let log = '';
    const warm = keystrokeWarmUp(() => style, (message) => (log = message));
    warm.start(doc.text, 'markdown');
    while (!log) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(alive);
    console.error(log);
  }
  // The compilations the warm-up queued finish on their own thread before the writer starts.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  console.log(MARK);
  const rand = seeded(42);
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const { at, end, insert } = typedLetter(text, i, rand, 'x');
    doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: insert }], doc.version + 1);
    text = text.slice(0, at) + insert + text.slice(end);
    const t0 = performance.now();
    keystroke();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.error(`${KEYS} keystrokes: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
}

async function count(): Promise<void> {
  const child = spawn(process.execPath, ['--trace-opt', '--trace-deopt', '--import', 'tsx', new URL(import.meta.url).pathname], { env: { ...process.env, WARM_UP_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let typing = false;
  let compiled = 0;
  let compilerMs = 0;
  let deopts = 0;
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(MARK)) typing = true;
      if (!typing) continue;
      // "took a, b, c ms": b is the part on the compiler's own thread.
      const c = /^\[completed compiling .* took [\d.]+, ([\d.]+), [\d.]+ ms/.exec(line);
      if (c) {
        compiled++;
        compilerMs += Number(c[1]);
      }
      if (line.startsWith('[bailout (kind:')) deopts++;
    }
  });
  await new Promise((resolve) => child.on('exit', resolve));
  console.log(`while typing: ${compiled} optimising compilations (${compilerMs.toFixed(0)} ms of compiler time), ${deopts} deoptimisations`);
}

void (process.env.WARM_UP_CHILD ? type() : count());
