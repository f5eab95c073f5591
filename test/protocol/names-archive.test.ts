import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath, startClient, type PublishedDiagnostics, type TestClient } from '../support/lsp-client';

const story = (name: string) => `Defense Minister Teodor ${name} said on Tuesday that the army needed recruits.\n\n${name} spoke in Bucharest. Teodor ${name} has held the post since 2023. Critics of ${name} called it rushed.\n`;

/** The latest diagnostics of a document once they satisfy `ok` (the server re-publishes when the archive changes). */
async function until(client: Pick<TestClient, 'published'>, uri: string, ok: (p: PublishedDiagnostics) => boolean, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const last = [...client.published].reverse().find((p) => p.uri === uri);
    if (last && ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out; last diagnostics: ${JSON.stringify(last?.diagnostics.map((d) => [d.code, d.message]))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const hasArchive = (p: PublishedDiagnostics) => p.diagnostics.some((d) => d.code === 'names.archive');

test('names.archive follows the archive files: a finding appears, disappears and comes back as they change', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-archive-'));
  fs.writeFileSync(path.join(dir, 'copydesk.yaml'), '# the desk\nnames:\n  archive: "published/*.md"\n');
  fs.mkdirSync(path.join(dir, 'published'));
  const published = path.join(dir, 'published', 'a.md');
  fs.writeFileSync(published, story('Vasilescu'));
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
    client.open(uri, 'Defense Minister Teodor Vasilesco arrived.\n', 'markdown', 1);
    const first = await until(client, uri, hasArchive);
    const d = first.diagnostics.find((x) => x.code === 'names.archive')!;
    assert.match(d.message, /published stories spell it “Vasilescu”/);
    assert.deepEqual([d.range.start.character, d.range.end.character], [24, 33]);

    // The archive now spells the name the draft's way: the finding goes.
    fs.writeFileSync(published, story('Vasilesco'));
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(published).href, type: 2 }] });
    await until(client, uri, (p) => !hasArchive(p));

    // A new published file with the usual spelling brings it back; deleting it takes it away again.
    fs.writeFileSync(published, 'Nothing about ministers here.\n');
    const second = path.join(dir, 'published', 'b.md');
    fs.writeFileSync(second, story('Vasilescu'));
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(published).href, type: 2 }, { uri: pathToFileURL(second).href, type: 1 }] });
    await until(client, uri, hasArchive);
    fs.rmSync(second);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(second).href, type: 3 }] });
    await until(client, uri, (p) => !hasArchive(p));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an archive glob leaving the workspace is a diagnostic on copydesk.yaml', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-archive-'));
  const styleFile = path.join(dir, 'copydesk.yaml');
  fs.writeFileSync(styleFile, 'names:\n  archive: "../../*.md"\n');
  const client = await startClient(dir);
  try {
    const problems = await client.diagnostics(pathToFileURL(styleFile).href);
    assert.equal(problems.diagnostics.length, 1);
    assert.equal(problems.diagnostics[0]!.range.start.line, 1);
    assert.match(problems.diagnostics[0]!.message, /leaves the workspace/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('for an editor that cannot watch files, the server watches the archive folders itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-archive-'));
  fs.writeFileSync(path.join(dir, 'copydesk.yaml'), 'names:\n  archive: "published/**/*.md"\n');
  fs.mkdirSync(path.join(dir, 'published', '2025'), { recursive: true });
  const published = path.join(dir, 'published', '2025', 'a.md');
  fs.writeFileSync(published, story('Vasilescu'));
  // A bare client: no workspace/didChangeWatchedFiles capability at all.
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published2: PublishedDiagnostics[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => void published2.push(p));
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  try {
    const rootUri = pathToFileURL(dir).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'test' }], capabilities: {} });
    conn.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Defense Minister Teodor Vasilesco arrived.\n' } });
    const fake = { published: published2 };
    await until(fake, uri, hasArchive);
    fs.writeFileSync(published, story('Vasilesco'));
    await until(fake, uri, (p) => !hasArchive(p));
  } finally {
    conn.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
