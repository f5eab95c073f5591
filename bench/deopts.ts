// Which functions V8 throws back out of optimised code during a long editing session, and how often: a
// function that deoptimises on most keystrokes runs the rest of each call in the interpreter. The keystroke
// path in this process (the engine with a session, the diagnostics, their JSON) on a 10,000-word draft,
// KEYS keystrokes (the first 300 typing x, then e, as bench/typing.mjs's warm-up and measured streams);
// V8's --trace-deopt lines are counted per function and reason, per block of 100 keystrokes for `run`.
//   node --import tsx bench/deopts.ts            (spawns itself with --trace-deopt and counts)
import { spawn } from 'node:child_process';
import { analyze, defaultStyle, PieceText, prepare, Session } from '../server/src/engine/index';
import { PieceDocument } from '../server/src/lsp/piece-document';
import { PublishedDiagnostics } from '../server/src/lsp/published';
import { diagnosticsOf } from '../server/src/lsp/transport';
import { JsonWriter } from '../server/src/lsp/wire';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { seedDraft, seeded, typedLetter } from './lsp.mjs';

const KEYS = Number(process.env.KEYS ?? 1200);
const MARK = '=== keystroke ';

async function type(): Promise<void> {
  const style = defaultStyle();
  await prepare(style);
  let text: string = seedDraft(10_000);
  const doc = new PieceDocument('file:///bench/deopts.md', 'markdown', 1, PieceText.of(text));
  const session = new Session();
  const published = new PublishedDiagnostics();
  const json = new JsonWriter();
  const rand = seeded(7);
  for (let i = 0; i < KEYS; i++) {
    if (i % 100 === 0) console.log(`${MARK}${i}`);
    const { at, end, insert } = typedLetter(text, i, rand, i < 300 ? 'x' : 'e');
    doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: insert }], doc.version + 1);
    text = text.slice(0, at) + insert + text.slice(end);
    const result = analyze(doc.text, { languageId: 'markdown', style, session });
    const diagnostics = diagnosticsOf(doc, result.findings, published);
    json.frame({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics } });
  }
}

async function count(): Promise<void> {
  const child = spawn(process.execPath, ['--trace-deopt', '--import', 'tsx', new URL(import.meta.url).pathname], { env: { ...process.env, DEOPTS_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const byFunction = new Map<string, number>();
  const runByBlock = new Map<number, number>();
  let block = 0;
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(MARK)) block = Number(line.slice(MARK.length));
      const m = /^\[bailout \(kind: ([^,]+), reason: ([^)]*)\).*?<JSFunction (\S*)/.exec(line);
      if (!m) continue;
      const name = !m[3] || m[3].startsWith('(') ? '(anonymous)' : m[3];
      const key = `${name}: ${m[2]}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
      if (name === 'run') runByBlock.set(block, (runByBlock.get(block) ?? 0) + 1);
    }
  });
  await new Promise((resolve) => child.on('exit', resolve));
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  console.log(`${KEYS} keystrokes: ${total} deoptimisations; the functions with three or more:`);
  for (const [key, n] of [...byFunction].sort((a, b) => b[1] - a[1])) if (n >= 3) console.log(`  ${String(n).padStart(4)}  ${key}`);
  console.log(`the runner's run, per 100 keystrokes: ${[...Array(Math.ceil(KEYS / 100)).keys()].map((k) => runByBlock.get(k * 100) ?? 0).join(' ')}`);
}

void (process.env.DEOPTS_CHILD ? type() : count());
