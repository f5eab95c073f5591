// Writes the V8 code caches of the bundles (server/src/launch/code-cache.ts): runs each one as an editor or
// a user would (the server over stdio on the bundled example drafts, with typing; the CLI on the examples)
// with COPYDESK_WRITE_CODE_CACHE=1, and the bundle writes its cache as it exits. Called by esbuild.mjs
// after a build; a failure here only costs start-up speed, so it warns and never fails the build.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const examples = path.join(root, 'examples');
const env = { ...process.env, COPYDESK_WRITE_CODE_CACHE: '1' };
const TIMEOUT_MS = 60_000;

function warn(what, err) {
  process.stderr.write(`warm-code-cache: ${what} left without a code cache (${err instanceof Error ? err.message : String(err)})\n`);
}

let server;

async function warmServer() {
  const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  server = child;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, debounceMs: 0 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => {});
  conn.listen();
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  const rootUri = pathToFileURL(root).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'copydesk' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
  });
  conn.sendNotification('initialized', {});
  for (const name of readdirSync(examples).filter((n) => /\.(md|txt)$/.test(n))) {
    const uri = pathToFileURL(path.join(examples, name)).href;
    let text = readFileSync(path.join(examples, name), 'utf8');
    const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
    let version = 1;
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    const first = await published(uri, version);
    // Typing in the middle of the draft: the incremental path, which a fresh server takes on its first edits.
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    for (let i = 0; i < 40; i++) {
      const character = Math.min(lines[line].length, 10 + i);
      const insert = i % 8 === 7 ? ' ' : 'e';
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: insert }] });
      lines[line] = lines[line].slice(0, character) + insert + lines[line].slice(character);
      await published(uri, version);
    }
    text = lines.join('\n');
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: first.diagnostics } });
    if (first.diagnostics[0]) await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: first.diagnostics[0].range.start });
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  await exited;
}

/** The CLI on copies of the examples: first with two workers (the workers' cache), then in one process,
 *  which writes the CLI's cache last so that it holds the checks. */
function warmCli() {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-warm-'));
  try {
    const drafts = readdirSync(examples).filter((n) => /\.(md|txt)$/.test(n));
    for (let i = 0; i < 20; i++) for (const name of drafts) copyFileSync(path.join(examples, name), path.join(dir, `${i}-${name}`));
    for (const jobs of ['2', '1']) {
      const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', '--fail-on', 'none', '--format', 'json', '--jobs', jobs, dir], { env, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(r.error?.message ?? `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withTimeout(what, run) {
  let timer;
  try {
    await Promise.race([run(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no end within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS); })]);
  } catch (err) {
    server?.kill();
    warn(what, err);
    return false;
  } finally {
    clearTimeout(timer);
  }
  return true;
}

if (existsSync(path.join(dist, 'server-main.js'))) {
  if (!(await withTimeout('the server', warmServer))) rmSync(path.join(dist, 'server-main.js.cache'), { force: true });
}
if (existsSync(path.join(dist, 'cli-main.js'))) {
  try {
    warmCli();
  } catch (err) {
    warn('the CLI', err);
    for (const f of ['cli-main.js.cache', 'worker-main.js.cache']) rmSync(path.join(dist, f), { force: true });
  }
}
process.exit(0);
