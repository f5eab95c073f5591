// A small LSP client for tests: starts the bundled server over stdio and acts as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; message: string; severity?: number; data?: unknown; source?: string }[];
}

export interface TestClient {
  conn: MessageConnection;
  child: ChildProcess;
  rootUri: string;
  published: PublishedDiagnostics[];
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishedDiagnostics>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  stop(): Promise<void>;
  settings: Record<string, unknown>;
  stderr: string[];
  /** The server's window/logMessage messages. */
  logs: string[];
  /** Sends didChangeConfiguration and resolves once the server has asked for the settings and had them. */
  reconfigure(): Promise<void>;
}

export const serverPath = path.join(__dirname, '..', '..', 'dist', 'server.js');

export async function startClient(rootDir: string, settings: Record<string, unknown> = {}, command: string[] = [serverPath, '--stdio']): Promise<TestClient> {
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  const logs: string[] = [];
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishedDiagnostics[] = [];
  const waiters: { uri: string; version?: number; resolve: (p: PublishedDiagnostics) => void }[] = [];
  let answered = 0;
  const client: TestClient = {
    conn, child, published, settings, stderr, logs,
    async reconfigure() {
      const before = answered;
      conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      while (answered === before) await new Promise((r) => setTimeout(r, 10));
      // The answer is on its way: a request sent now is read after it, and answered after it is applied.
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } }).catch(() => undefined);
    },
    rootUri: pathToFileURL(rootDir).href,
    diagnostics(uri, version, timeoutMs = 10_000) {
      const hit = [...published].reverse().find((p) => p.uri === uri);
      if (hit && (version === undefined || hit.version === version)) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    open(uri, text, languageId = 'markdown', version = 1) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, text) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        conn.sendNotification('exit');
      } catch { /* gone already */ }
      setTimeout(() => child.kill(), 300).unref();
      conn.dispose();
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
    answered++;
    return p.items.map(() => ({ debounceMs: 0, ...client.settings }));
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: client.rootUri,
    workspaceFolders: [{ uri: client.rootUri, name: 'test' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
    },
  });
  conn.sendNotification('initialized', {});
  return client;
}

export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies LSP text edits to a text, as an editor does. */
export function applyEdits(text: string, edits: LspTextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
