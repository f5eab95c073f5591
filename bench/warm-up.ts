// What the server's warm-up leaves for V8 to optimise while the writer types: the keystroke path in this
// process (the engine with a session, the diagnostics, their JSON) on a 10,000-word draft, the warm-up of
// server/src/lsp/warm-up.ts run to its end on that draft, then KEYS random keystrokes (bench/typing.mjs's
// stream). Counts V8's optimising compilations (and the compiler's milliseconds, spent on another thread)
// and deoptimisations during the keystrokes, and prints their p50/p95. NOWARM=1 skips the warm-up.
//   node --import tsx bench/warm-up.ts            (spawns itself with --trace-opt --trace-deopt and counts)
import { keystrokeWarmUp } from '../server/src/lsp/warm-up';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { percentile } from './lsp.mjs';
import { openDraft, traced } from './keystroke-path';

const KEYS = Number(process.env.KEYS ?? 300);
const MARK = '=== typing';

async function type(): Promise<void> {
  const draft = await openDraft('file:///bench/warm-up.md', 42);
  draft.check();
  if (!process.env.NOWARM) {
    // The warm-up's timers never keep a process alive; this one does until it is over.
    const alive = setInterval(() => {}, 1000);
    let log = '';
    const warm = keystrokeWarmUp(() => draft.style, (message) => (log = message));
    warm.start(draft.doc.text, 'markdown');
    while (!log) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(alive);
    console.error(log);
  }
  // The compilations the warm-up queued finish on their own thread before the writer starts.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  console.log(MARK);
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const t0 = performance.now();
    draft.type(i, 'x');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.error(`${KEYS} keystrokes: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
}

async function count(): Promise<void> {
  let typing = false;
  let compiled = 0;
  let compilerMs = 0;
  let deopts = 0;
  await traced(new URL(import.meta.url).pathname, ['--trace-opt', '--trace-deopt'], 'WARM_UP_CHILD', (line) => {
    if (line.startsWith(MARK)) typing = true;
    if (!typing) return;
    // "took a, b, c ms": b is the part on the compiler's own thread.
    const c = /^\[completed compiling .* took [\d.]+, ([\d.]+), [\d.]+ ms/.exec(line);
    if (c) {
      compiled++;
      compilerMs += Number(c[1]);
    }
    if (line.startsWith('[bailout (kind:')) deopts++;
  });
  console.log(`while typing: ${compiled} optimising compilations (${compilerMs.toFixed(0)} ms of compiler time), ${deopts} deoptimisations`);
}

void (process.env.WARM_UP_CHILD ? type() : count());
