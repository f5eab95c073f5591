// The publish step of a keystroke on its own: a 10,000-word draft with PRE typos (about 500 diagnostics),
// then N more typed, each publish's diagnostics written as the server writes them (writtenDiagnostics and
// the message framed), two ways side by side on the same findings: each finding's last positions checked
// against the line starts first (a PieceDocument, what the server has), and every position searched
// afresh (the same document behind a plain TextDocument). PACE_MS between keystrokes, as a writer types.
//   node --import tsx bench/publish.ts
import { analyze, defaultStyle, prepare, Session } from '../server/src/engine/index';
import { PieceText } from '../server/src/engine/document/text';
import { PieceDocument } from '../server/src/lsp/piece-document';
import { PublishedDiagnostics, writtenDiagnostics } from '../server/src/lsp/published';
import { JsonWriter } from '../server/src/lsp/wire';
import type { TextDocument } from 'vscode-languageserver-textdocument';
// @ts-expect-error: a plain JavaScript module of the benchmarks
import { percentile, seedDraft, seeded, typedLetter } from './lsp.mjs';

const PRE = Number(process.env.PRE ?? 600);
const N = Number(process.env.N ?? 300);
const PACE_MS = Number(process.env.PACE_MS ?? 0);

async function main(): Promise<void> {
  const style = defaultStyle();
  await prepare(style);
  const doc = new PieceDocument('file:///bench/publish.md', 'markdown', 1, PieceText.of(seedDraft(10_000)));
  const plain: TextDocument = {
    uri: doc.uri,
    languageId: doc.languageId,
    get version() { return doc.version; },
    get lineCount() { return doc.lineCount; },
    getText: (range) => doc.getText(range),
    positionAt: (offset) => doc.positionAt(offset),
    offsetAt: (position) => doc.offsetAt(position),
    getLineRange: (line) => doc.getLineRange(line),
    getEOLCharacters: (line) => doc.getEOLCharacters(line),
  };
  const session = new Session();
  const ways = [
    { name: 'line starts first', doc: doc as TextDocument, published: new PublishedDiagnostics(), ms: [] as number[] },
    { name: 'every position searched', doc: plain, published: new PublishedDiagnostics(), ms: [] as number[] },
  ];
  const writer = new JsonWriter();
  const rand = seeded(7);
  let diagnostics = 0;
  for (let i = 0; i < PRE + N; i++) {
    const { at, end, insert } = typedLetter(doc.getText(), i, rand, 'q');
    doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: insert }], doc.version + 1);
    const { findings } = analyze(doc.text, { languageId: 'markdown', style, session, facts: false });
    diagnostics = findings.length;
    // Alternating which goes first, so neither always meets the caches the other warmed.
    for (const way of i % 2 ? ways : [...ways].reverse()) {
      const t0 = performance.now();
      const list = writtenDiagnostics(way.doc, findings, way.published);
      writer.frame({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics: list } });
      if (i >= PRE) way.ms.push(performance.now() - t0);
    }
    if (i >= PRE && PACE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  console.log(`${N} publishes of about ${diagnostics} diagnostics${PACE_MS ? `, ${PACE_MS} ms apart` : ', back to back'}:`);
  for (const way of ways) {
    const sorted = [...way.ms].sort((a, b) => a - b);
    console.log(`  ${way.name}: p50 ${percentile(sorted, 50).toFixed(3)} ms, p95 ${percentile(sorted, 95).toFixed(3)} ms`);
  }
}

void main();
