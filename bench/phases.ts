// Where an editor session's check of a keystroke spends its time, phase by phase (RunOptions.phases), in
// the typo-laden stream of the typing benchmark: a draft of WORDS words (default 10,000), PRE typos typed
// back to back (about 500 findings), then N keystrokes back to back and N more PACE_MS apart, as a writer
// types. The engine alone, in this process; p50 per phase and of the whole check, for each way of typing.
// A smaller draft (WORDS=1000) tells what a keystroke costs whatever the draft's length.
//   node --import tsx bench/phases.ts
import { analyze, defaultStyle, PieceText, prepare, Session, type RunPhases } from '../server/src/engine/index';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { percentile, seedDraft, seeded, typedLetter, wordCount } from './lsp.mjs';

const WORDS = Number(process.env.WORDS ?? 10_000);
const PRE = Number(process.env.PRE ?? 600);
const N = Number(process.env.N ?? 150);
const PACE_MS = Number(process.env.PACE_MS ?? 100);
const NAMES: (keyof RunPhases)[] = ['scan', 'reuse', 'blocks', 'document', 'finish'];

async function main(): Promise<void> {
  const style = defaultStyle();
  await prepare(style);
  let text: string = seedDraft(WORDS);
  let pieces = PieceText.of(text);
  const session = new Session();
  analyze(pieces, { languageId: 'markdown', style, session, facts: false });
  const rand = seeded(7);
  const rows: { label: string; runs: (RunPhases & { total: number })[] }[] = [];
  let findings = 0;
  for (const [label, count, pace] of [['typo', PRE, 0], ['back to back', N, 0], [`${PACE_MS} ms apart`, N, PACE_MS]] as const) {
    const runs: (RunPhases & { total: number })[] = [];
    for (let i = 0; i < count; i++) {
      const { at, end, insert } = typedLetter(text, i, rand, 'q');
      text = text.slice(0, at) + insert + text.slice(end);
      pieces = pieces.edit(at, end, insert);
      const phases: RunPhases = {};
      const t0 = performance.now();
      findings = analyze(pieces, { languageId: 'markdown', style, session, facts: false, phases }).findings.length;
      runs.push({ ...phases, total: performance.now() - t0 });
      if (pace > 0) await new Promise((resolve) => setTimeout(resolve, pace));
    }
    if (label !== 'typo') rows.push({ label, runs });
  }
  console.log(`A ${wordCount(text).toLocaleString('en')}-word draft with ${PRE} typos (${findings} findings), then ${N} keystrokes each way; p50 ms:`);
  console.log(`  ${'phase'.padEnd(10)}${rows.map((r) => r.label.padStart(16)).join('')}`);
  for (const name of [...NAMES, 'total' as const]) {
    const cells = rows.map((r) => percentile(r.runs.map((x) => x[name] ?? 0).sort((a: number, b: number) => a - b), 50).toFixed(3).padStart(16));
    console.log(`  ${name.padEnd(10)}${cells.join('')}`);
  }
}

void main();
