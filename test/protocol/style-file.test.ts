import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { applyEdits, startClient, type LspTextEdit } from '../support/lsp-client';

const draft = 'Officials in Kiev met.\n\nThe fund lost TK million.\n';

test('a broken copydesk.yaml is a diagnostic at its line while the last good style stays in force', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-style-'));
  const styleFile = path.join(dir, 'copydesk.yaml');
  fs.writeFileSync(styleFile, 'rules:\n  style.placeholder: off\n');
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'a.md')).href;
    const styleUri = pathToFileURL(styleFile).href;
    client.open(uri, draft, 'markdown', 1);
    const first = await client.diagnostics(uri, 1);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['names.listed-variant']);

    // The writer opens the style file and breaks it.
    client.open(styleUri, 'rules:\n  style.placeholder: off\n', 'yaml', 1);
    client.change(styleUri, 2, 'rules:\n  style.placeholder: off\nnames:\n  - nmae: Kaja Kallas\n');
    const problems = await client.diagnostics(styleUri);
    assert.ok(problems.diagnostics.length >= 1);
    assert.ok(problems.diagnostics.every((d) => d.range.start.line === 3), 'every problem points at line 4');
    assert.ok(problems.diagnostics.some((d) => /unknown key "nmae"/.test(d.message)));
    client.change(uri, 2, draft + '\nMore TK.\n');
    const still = await client.diagnostics(uri, 2);
    assert.deepEqual(still.diagnostics.map((d) => d.code), ['names.listed-variant'], 'last good style (placeholder off) still applies');

    // Fixing the file clears its diagnostic and the new style applies.
    client.change(styleUri, 3, 'rules:\n  style.placeholder: error\n');
    // Under load the republish can take a while: wait for it (up to 5 s) rather than a fixed pause.
    const latest = (u: string) => [...client.published].reverse().find((p) => p.uri === u)!;
    for (let waited = 0; waited < 5000 && (latest(styleUri).diagnostics.length > 0 || !latest(uri).diagnostics.some((d) => d.code === 'style.placeholder')); waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const lastStyle = latest(styleUri);
    assert.equal(lastStyle.diagnostics.length, 0);
    const now = [...client.published].reverse().find((p) => p.uri === uri)!;
    assert.ok(now.diagnostics.some((d) => d.code === 'style.placeholder'));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('"ignore in this workspace" adds the finding to copydesk.yaml, keeping its comments', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-ignore-'));
  const styleFile = path.join(dir, 'copydesk.yaml');
  const source = '# the desk\nextends: default # AP\n';
  fs.writeFileSync(styleFile, source);
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'a.md')).href;
    client.open(uri, draft, 'markdown', 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const target = diagnostics.find((d) => d.code === 'names.listed-variant')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as { title: string; edit: { changes: Record<string, LspTextEdit[]> } }[];
    const ignore = actions.find((a) => a.title.includes('in this workspace'))!;
    const edited = applyEdits(source, ignore.edit.changes[pathToFileURL(styleFile).href]!);
    assert.match(edited, /^# the desk\nextends: default # AP\n/);
    assert.match(edited, /ignore:\n\s+- rule: names.listed-variant\n\s+text: Kiev/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
