// A minimal LSP client over stdio for the benchmarks: starts dist/server.js, answers configuration
// requests, and resolves when diagnostics for a given document version arrive.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const here = path.dirname(fileURLToPath(import.meta.url));

/** The seed article (or, without ../shared, a bundled example draft). */
export function seedText() {
  const seedFile = path.join(here, '..', '..', 'shared', 'seed', 'dpa-istanbul-talks.txt');
  return fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(here, '..', 'examples', 'black-sea-grain-talks.md'), 'utf8');
}

export const wordCount = (t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Copies of the seed, a blank line apart, until the draft has `minWords` words: the typing benchmarks' draft. */
export function seedDraft(minWords) {
  const seed = seedText();
  let text = seed;
  while (wordCount(text) < minWords) text += '\n\n' + seed;
  return text;
}

/** The LSP position of `offset` in `doc`. */
export function position(doc, offset) {
  const lines = doc.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** A repeatable stream of numbers in [0, 1) from `seed`. */
export function seeded(seed) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** The `i`th edit of a writer typing `letter` at random places of `doc`, as { at, end, insert }: every third
 *  edit deletes a letter instead, never a line break (the draft keeps its paragraphs, no CRLF is split). */
export function typedLetter(doc, i, rand, letter) {
  let at = Math.floor(rand() * doc.length);
  const remove = i % 3 === 2;
  while (remove && /[\r\n]/.test(doc[at] ?? '\n')) at = (at + 1) % doc.length;
  return { at, end: remove ? at + 1 : at, insert: remove ? '' : letter };
}

/** Holds the server `pid` (all its threads) to core 0 and this client (all its threads) to core 1 (Linux,
 *  taskset): client and server each on a core of their own, as on a machine whose scheduler puts a woken
 *  process on an idle core. This VM's shows no cache topology, and its scheduler often runs the client, woken
 *  by a publish, on the server's core while the other core idles (server/src/lsp/run-queue.ts). The server's
 *  V8 threads share its core. */
export function pinApart(pid) {
  execFileSync('taskset', ['-a', '-cp', '0', String(pid)], { stdio: 'ignore' });
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
}

/** Holds the server's main thread (its id is the process id) to core 0 alone, and the server's other
 *  threads (V8's compiler and GC helpers) and this client to core 1: the main thread never waits for a core,
 *  as on a machine with a core to spare for it. Call once the server has started its threads. */
export function pinMainAlone(pid) {
  execFileSync('taskset', ['-cp', '0', String(pid)], { stdio: 'ignore' });
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) if (Number(tid) !== pid) execFileSync('taskset', ['-cp', '1', tid], { stdio: 'ignore' });
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
}

/** How PIN asks startServer to place each server and this client: PIN=1 apart (pinApart), PIN=main with the
 *  server's main thread alone on a core (pinMainAlone); false when unset. */
export const pinned = process.env.PIN === '1' ? 'apart' : process.env.PIN === 'main' ? 'main thread alone' : false;

export async function startServer(settings = {}) {
  const spawnedAt = performance.now();
  const ipc = process.env.TRANSPORT === 'ipc';
  // The server starts as the extension starts it (server/src/lsp/server-environment.ts, built into dist/):
  // in the environment it gives it, without what Node would load at start for nothing, and with its Node
  // flags. SERVER_ENV=inherit starts it in this process's own environment; SERVER_NODE_ARGS replaces the flags.
  const { serverEnvironment, serverExecArgv } = require(path.join(here, '..', 'dist', 'server-environment.js'));
  const env = process.env.SERVER_ENV === 'inherit' ? process.env : { ...process.env, ...serverEnvironment() };
  const args = process.env.SERVER_NODE_ARGS !== undefined ? process.env.SERVER_NODE_ARGS.split(' ').filter(Boolean) : serverExecArgv();
  const child = spawn(process.execPath, [...args, path.join(here, '..', 'dist', 'server.js'), ipc ? '--node-ipc' : '--stdio'], { env, stdio: ipc ? ['pipe', 'pipe', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'] });
  if (pinned === 'apart') pinApart(child.pid);
  const conn = ipc ? rpc.createMessageConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child)) : rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const latest = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    latest.set(p.uri, p);
    const key = `${p.uri}#${p.version}`;
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(p);
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, debounceMs: 0, ...settings })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => {});
  conn.listen();
  const root = pathToFileURL(path.join(here, '..')).href;
  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
    initializationOptions: settings,
  });
  conn.sendNotification('initialized', {});
  if (pinned === 'main thread alone') pinMainAlone(child.pid);
  return {
    child,
    conn,
    spawnedAt,
    capabilities: init.capabilities,
    latest,
    diagnosticsFor(uri, version) {
      const hit = latest.get(uri);
      if (hit && hit.version === version) return Promise.resolve(hit);
      return new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));
    },
    async stop() {
      try {
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
      } catch { /* already gone */ }
      setTimeout(() => child.kill(), 500).unref();
    },
  };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
