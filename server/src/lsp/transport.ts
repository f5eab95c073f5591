// How the server talks to its editor: the connection the command line asks for, and the diagnostics as
// that connection sends them best.
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type DataCallback, type Diagnostic, type Disposable, type Message } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';
import { toDiagnostic } from './convert.js';
import { writtenDiagnostics, type PublishedDiagnostics } from './published.js';
import { DirectMessageWriter } from './message-writer.js';
import { handoverNow, type Handover } from './timings.js';

/** Messages go through JsonWriter, so diagnostics may be handed over as JSON they write themselves. */
let writesEncoded = false;

/** The connection the command line asks for. Over stdio, messages are encoded by JsonWriter (a long story's
 *  diagnostics never become one string) and written at once (lsp/message-writer.ts); the library's own
 *  transports serve the other options. */
export function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  encodeWrites();
  const connection = createConnection(ProposedFeatures.all, new TimedReader(process.stdin), new DirectMessageWriter(process.stdout, notePublishHandover));
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

/** Diagnostics from here on are handed over as JSON they write themselves (diagnosticsOf): the stdio
 *  connection's writer, and the benchmarks that run the server's keystroke path in their own process. */
export function encodeWrites(): void {
  writesEncoded = true;
}

/** When each document's oldest unanswered didChange was read off the pipe. The typing latency the server
 *  reports (copydesk/timings) runs from there: the document's update, which flattens its text, and the
 *  library's message queue are the keystroke's time too. */
const changeArrivals = new Map<string, number>();

/** When the didChange behind a document's change event was read (stdio), taken once; undefined otherwise. */
export function takeChangeArrival(uri: string): number | undefined {
  const at = changeArrivals.get(uri);
  changeArrivals.delete(uri);
  return at;
}

/** When each document's last publish was handed to the editor's pipe (stdio), with its version. */
const publishHandovers = new Map<string, Handover & { version: unknown }>();

/** The stdio writer's hand-over note (lsp/message-writer.ts): kept for publishes only. */
export function notePublishHandover(msg: Message): void {
  const publish = msg as { method?: string; params?: { uri?: unknown; version?: unknown } };
  if (publish.method !== 'textDocument/publishDiagnostics' || typeof publish.params?.uri !== 'string') return;
  publishHandovers.set(publish.params.uri, { ...handoverNow(), version: publish.params.version });
}

/** When the publish of `uri` at `version` was handed to the editor's pipe, taken once; undefined when it
 *  was not noted (a transport other than stdio). */
export function takePublishHandover(uri: string, version: number): Handover | undefined {
  const h = publishHandovers.get(uri);
  if (!h || h.version !== version) return undefined;
  publishHandovers.delete(uri);
  return h;
}

/** The stdio reader, noting when each document's didChange messages are read. */
export class TimedReader extends StreamMessageReader {
  override listen(callback: DataCallback): Disposable {
    return super.listen((msg: Message) => {
      const change = msg as { method?: string; params?: { textDocument?: { uri?: unknown } } };
      const uri = change.method === 'textDocument/didChange' ? change.params?.textDocument?.uri : undefined;
      if (typeof uri === 'string' && !changeArrivals.has(uri)) changeArrivals.set(uri, performance.now());
      callback(msg);
    });
  }
}

/** The findings as the diagnostics of a publish; `published` is the document's previous publish. */
export function diagnosticsOf(doc: TextDocument, findings: readonly Finding[], published: PublishedDiagnostics): Diagnostic[] {
  if (!writesEncoded) return findings.map((f) => toDiagnostic(doc, f));
  return writtenDiagnostics(doc, findings, published);
}
