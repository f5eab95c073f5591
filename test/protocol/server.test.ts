import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { applyEdits, startClient, type LspTextEdit, type TestClient } from '../support/lsp-client';

const draft = 'Turkish officials met in Kiev.\n\nShelling hit Zaporizhzhya overnight, and Kiev was quiet.\n';

describe('the language server over stdio', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-'));
    client = await startClient(dir);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('publishes diagnostics tagged with the version on open and after a change', async () => {
    const uri = pathToFileURL(path.join(dir, 'a.md')).href;
    client.open(uri, draft, 'markdown', 1);
    const first = await client.diagnostics(uri, 1);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['names.listed-variant', 'names.listed-variant', 'names.listed-variant']);
    assert.equal(first.diagnostics[0]!.source, 'copydesk');
    assert.deepEqual(first.diagnostics[1]!.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 25 } });
    client.change(uri, 2, draft.replace('Zaporizhzhya', 'Zaporizhzhia'));
    const second = await client.diagnostics(uri, 2);
    assert.equal(second.diagnostics.length, 2);
  });

  test('a long list of diagnostics (written straight to JSON) arrives as the diagnostics of the findings', async () => {
    const uri = pathToFileURL(path.join(dir, 'long “list”.md')).href;
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Officials in Kiev and Zaporizhzhya met on day ${i}.\r\n“We will not give up on this budget,” Dana Whitcombe said, and Witcombe left.`);
    const text = paragraphs.join('\n\n');
    client.open(uri, text, 'markdown', 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const { analyze } = await import('../../server/src/engine/index');
    const { toDiagnostic } = await import('../../server/src/lsp/convert');
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const findings = analyze(text, { languageId: 'markdown' }).findings.filter((f) => f.rule !== 'spelling.unknown');
    assert.ok(findings.length >= 40, `${findings.length} findings`);
    const expected = findings.map((f) => JSON.parse(JSON.stringify(toDiagnostic(doc, f))));
    const got = diagnostics.filter((d) => d.code !== 'spelling.unknown');
    assert.deepEqual(got, expected);
  });

  test('the server accounts for its time after each edit, and hands the figures over once', async () => {
    const uri = pathToFileURL(path.join(dir, 'timed.md')).href;
    client.open(uri, draft, 'markdown', 1);
    await client.diagnostics(uri, 1);
    await client.conn.sendRequest('copydesk/timings');
    client.change(uri, 2, draft.replace('Kiev.', 'Kyiv.'));
    await client.diagnostics(uri, 2);
    const timings = (await client.conn.sendRequest('copydesk/timings')) as { wallMs: number; cpuMs: number; queuedMs?: number }[];
    assert.equal(timings.length, 1);
    const [t] = timings;
    assert.ok(t!.wallMs >= 0 && t!.cpuMs >= 0);
    // Linux says how long the server waited for a core, a part of its wall time.
    if (process.platform === 'linux') assert.ok(t!.queuedMs! >= 0 && t!.queuedMs! <= t!.wallMs, JSON.stringify(t));
    assert.deepEqual(await client.conn.sendRequest('copydesk/timings'), []);
  });

  test('a quick fix replaces the variant with the canonical name, and fix-all fixes every one', async () => {
    const uri = pathToFileURL(path.join(dir, 'b.md')).href;
    client.open(uri, draft, 'markdown', 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const target = diagnostics[1]!;
    type Action = { title: string; kind: string; isPreferred?: boolean; diagnostics?: unknown[]; edit: { changes: Record<string, LspTextEdit[]> } };
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as Action[];
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Replace with “Zaporizhzhia”');
    assert.deepEqual(preferred.diagnostics, [target], 'the fix names the diagnostic it resolves (by its rule and range)');
    // Asked from elsewhere in the draft with the diagnostic in the context (as from the Problems panel).
    const fromPanel = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [target] } })) as Action[];
    assert.deepEqual(fromPanel.find((a) => a.isPreferred)?.diagnostics, [target]);
    const moved = { ...target, range: { start: { ...target.range.start, character: target.range.start.character + 1 }, end: target.range.end } };
    const elsewhere = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [moved] } })) as Action[];
    assert.ok(!elsewhere.some((a) => a.title === 'Replace with “Zaporizhzhia”'), 'a diagnostic whose range no finding has names none');
    assert.match(applyEdits(draft, preferred.edit.changes[uri]!), /Shelling hit Zaporizhzhia overnight/);
    const fixAll = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.copydesk'] } })) as { kind: string; edit: { changes: Record<string, LspTextEdit[]> } }[];
    assert.equal(fixAll[0]!.kind, 'source.fixAll.copydesk');
    assert.equal(applyEdits(draft, fixAll[0]!.edit.changes[uri]!), 'Turkish officials met in Kyiv.\n\nShelling hit Zaporizhzhia overnight, and Kyiv was quiet.\n');
  });

  test('"ignore this occurrence" inserts a comment that silences exactly that finding', async () => {
    const uri = pathToFileURL(path.join(dir, 'c.md')).href;
    client.open(uri, draft, 'markdown', 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const target = diagnostics[1]!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as { title: string; edit: { changes: Record<string, LspTextEdit[]> } }[];
    const ignore = actions.find((a) => a.title.startsWith('Ignore this occurrence'))!;
    const next = applyEdits(draft, ignore.edit.changes[uri]!);
    assert.match(next, /<!-- copydesk-disable-next-line names.listed-variant -->\nShelling/);
    client.change(uri, 2, next);
    const after = await client.diagnostics(uri, 2);
    assert.equal(after.diagnostics.length, 1);
    assert.equal(after.diagnostics[0]!.range.start.line, 0);
  });

  test('code actions are not served from results of an older version', async () => {
    const uri = pathToFileURL(path.join(dir, 'd.md')).href;
    client.settings.debounceMs = 2000;
    await client.reconfigure();
    client.open(uri, draft, 'markdown', 1);
    await client.diagnostics(uri, 1);
    client.change(uri, 2, 'Officials in Kiev.\n');
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, context: { diagnostics: [] } })) as unknown[];
    assert.deepEqual(actions, []);
    client.settings.debounceMs = 0;
    client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics(uri, 2);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = pathToFileURL(path.join(dir, 'e.md')).href;
    client.open(uri, draft, 'markdown', 1);
    await client.diagnostics(uri, 1);
    client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await new Promise<boolean>((resolve) => {
      const t0 = Date.now();
      const poll = () => {
        const last = [...client.published].reverse().find((p) => p.uri === uri);
        if (last && last.diagnostics.length === 0) resolve(true);
        else if (Date.now() - t0 > 5000) resolve(false);
        else setTimeout(poll, 20);
      };
      poll();
    });
    assert.ok(cleared);
  });

  test('hover on a finding shows its message and rule', async () => {
    const uri = pathToFileURL(path.join(dir, 'f.md')).href;
    client.open(uri, draft, 'markdown', 1);
    await client.diagnostics(uri, 1);
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 15 } })) as { contents: { value: string } };
    assert.match(h.contents.value, /Zaporizhzhia/);
    assert.match(h.contents.value, /names.listed-variant/);
  });

  test('hover on a name spelled two ways counts its mentions, after typing too', async () => {
    // The checks after each keystroke leave the names' mentions out of their facts; a hover asks for them.
    const uri = pathToFileURL(path.join(dir, 'g.md')).href;
    const story = 'Dana Whitcombe spoke first.\n\nWhitcombe said no.\n\nLater Witcombe left.\n';
    client.open(uri, story, 'markdown', 1);
    await client.diagnostics(uri, 1);
    const hoverAt = async (line: number, character: number) => ((await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } } | null)?.contents.value ?? '';
    assert.match(await hoverAt(2, 3), /Name: \*\*Whitcombe\*\* \(3 mentions in this story\)/);
    client.change(uri, 2, 'Dana Whitcombe spoke first.\n\nWhitcombe said no.\n\nLater Witcombe left. Whitcombe stayed.\n');
    await client.diagnostics(uri, 2);
    assert.match(await hoverAt(4, 24), /Name: \*\*Whitcombe\*\* \(4 mentions in this story\)/);
  });
});
