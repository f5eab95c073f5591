// How the server talks to its editor: the connection the command line asks for, and the diagnostics as
// that connection sends them best.
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';
import { toDiagnostic } from './convert.js';
import { writtenDiagnostics, type PublishedDiagnostics } from './published.js';
import { JsonWriter } from './wire.js';

/** Messages go through JsonWriter, so diagnostics may be handed over as JSON they write themselves. */
let writesEncoded = false;

/** The connection the command line asks for. Over stdio, messages are encoded by JsonWriter (a long story's
 *  diagnostics never become one string); the library's own transports serve the other options. */
export function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  writesEncoded = true;
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), encodedWriter(process.stdout));
  // What the library does for its own stdio transport: stdout carries only messages, and the server ends
  // with its client's pipe (exit code 0 only after a shutdown request).
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const quit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', quit);
  process.stdin.on('close', quit);
  const toLog = (...args: unknown[]) => connection.console.log(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  console.log = console.info = console.debug = toLog;
  return connection;
}

/** A message writer onto `stream` whose messages are encoded by JsonWriter. */
export function encodedWriter(stream: NodeJS.WritableStream): StreamMessageWriter {
  const json = new JsonWriter();
  return new StreamMessageWriter(stream, {
    charset: 'utf-8',
    // A view of the encoder's scratch space: the writer encodes under a lock it keeps until the stream has
    // taken the bytes (the write's callback), so no message is encoded over one still being written.
    contentTypeEncoder: { name: 'application/json', encode: (msg) => Promise.resolve(json.encodeShared(msg)) },
  });
}

/** The findings as the diagnostics of a publish; `published` is the document's previous publish. */
export function diagnosticsOf(doc: TextDocument, findings: readonly Finding[], published: PublishedDiagnostics): Diagnostic[] {
  if (!writesEncoded) return findings.map((f, i) => toDiagnostic(doc, f, i));
  return writtenDiagnostics(doc, findings, published);
}
