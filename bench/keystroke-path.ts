// The server's keystroke path in this process, for benchmarks that watch V8 while it runs (bench/deopts.ts,
// bench/warm-up.ts): a 10,000-word draft as the server holds it, each keystroke checked by the engine with a
// session, turned into diagnostics and framed as a publish; and a way to run a benchmark again as a child
// with V8's tracing flags, reading what they print line by line.
import { spawn } from 'node:child_process';
import { defaultStyle, PieceText, prepare, Session, type CompiledStyle } from '../server/src/engine/index';
import { checkDraft } from '../server/src/lsp/draft-check';
import { PieceDocument } from '../server/src/lsp/piece-document';
import { PublishedDiagnostics } from '../server/src/lsp/published';
import { diagnosticsOf, encodeWrites } from '../server/src/lsp/transport';
import { JsonWriter } from '../server/src/lsp/wire';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { seedDraft, seeded, typedLetter } from './lsp.mjs';

export interface OpenDraft {
  style: CompiledStyle;
  doc: PieceDocument;
  /** Checks the draft as it stands and publishes (into a buffer that goes nowhere). */
  check(): void;
  /** Types keystroke `i` of bench/typing.mjs's stream with `letter` (seeded by `seed`), then checks. */
  type(i: number, letter: string): void;
}

export async function openDraft(uri: string, seed: number): Promise<OpenDraft> {
  // The diagnostics as the server makes them over stdio, here and in its warm-up: JSON written directly,
  // not objects serialised (lsp/transport.ts).
  encodeWrites();
  const style = defaultStyle();
  await prepare(style);
  let text: string = seedDraft(10_000);
  const doc = new PieceDocument(uri, 'markdown', 1, PieceText.of(text));
  const session = new Session();
  const published = new PublishedDiagnostics();
  const json = new JsonWriter();
  const rand = seeded(seed);
  const check = (): void => {
    const result = checkDraft(doc.text, 'markdown', style, session);
    const diagnostics = diagnosticsOf(doc, result.findings, published);
    json.frame({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics } });
  };
  const type = (i: number, letter: string): void => {
    const { at, end, insert } = typedLetter(text, i, rand, letter);
    doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: insert }], doc.version + 1);
    text = text.slice(0, at) + insert + text.slice(end);
    check();
  };
  return { style, doc, check, type };
}

/** Runs `script` again in a child with V8's `flags` and `childEnv` set, handing each line it prints to
 *  `onLine`; resolves when the child exits. */
export async function traced(script: string, flags: string[], childEnv: string, onLine: (line: string) => void): Promise<void> {
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], { env: { ...process.env, [childEnv]: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) onLine(line);
  });
  await new Promise((resolve) => child.on('exit', resolve));
}
