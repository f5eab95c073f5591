// Which functions V8 throws back out of optimised code during a long editing session, and how often: a
// function that deoptimises on most keystrokes runs the rest of each call in the interpreter. The keystroke
// path in this process (the engine with a session, the diagnostics, their JSON) on a 10,000-word draft,
// KEYS keystrokes (the first 300 typing x, then e, as bench/typing.mjs's warm-up and measured streams);
// V8's --trace-deopt lines are counted per function and reason, per block of 100 keystrokes for `run`.
//   node --import tsx bench/deopts.ts            (spawns itself with --trace-deopt and counts)
import { openDraft, traced } from './keystroke-path';

const KEYS = Number(process.env.KEYS ?? 1200);
const MARK = '=== keystroke ';

async function type(): Promise<void> {
  const draft = await openDraft('file:///bench/deopts.md', 7);
  for (let i = 0; i < KEYS; i++) {
    if (i % 100 === 0) console.log(`${MARK}${i}`);
    draft.type(i, i < 300 ? 'x' : 'e');
  }
}

async function count(): Promise<void> {
  const byFunction = new Map<string, number>();
  const runByBlock = new Map<number, number>();
  let block = 0;
  await traced(new URL(import.meta.url).pathname, ['--trace-deopt'], 'DEOPTS_CHILD', (line) => {
    if (line.startsWith(MARK)) block = Number(line.slice(MARK.length));
    const m = /^\[bailout \(kind: ([^,]+), reason: ([^)]*)\).*?<JSFunction (\S*)/.exec(line);
    if (!m) return;
    const name = !m[3] || m[3].startsWith('(') ? '(anonymous)' : m[3];
    const key = `${name}: ${m[2]}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
    if (name === 'run') runByBlock.set(block, (runByBlock.get(block) ?? 0) + 1);
  });
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  console.log(`${KEYS} keystrokes: ${total} deoptimisations; the functions with three or more:`);
  for (const [key, n] of [...byFunction].sort((a, b) => b[1] - a[1])) if (n >= 3) console.log(`  ${String(n).padStart(4)}  ${key}`);
  console.log(`the runner's run, per 100 keystrokes: ${[...Array(Math.ceil(KEYS / 100)).keys()].map((k) => runByBlock.get(k * 100) ?? 0).join(' ')}`);
}

void (process.env.DEOPTS_CHILD ? type() : count());
