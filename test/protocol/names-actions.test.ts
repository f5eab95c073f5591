import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { applyEdits, startClient, type LspTextEdit } from '../support/lsp-client';

const story = 'Dana Whitcombe chairs the committee. Whitcombe said no. Witcombe said the vote would wait. Whitcombe left.\n';

test('"treat as a different name" writes names.distinct into copydesk.yaml, and the finding goes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-distinct-'));
  const styleFile = path.join(dir, 'copydesk.yaml');
  const styleUri = pathToFileURL(styleFile).href;
  const source = '# the desk\nextends: default # AP\nnames:\n  - name: Kyiv # capital\n';
  fs.writeFileSync(styleFile, source);
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'a.md')).href;
    client.open(uri, story, 'markdown', 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const target = diagnostics.find((d) => d.code === 'names.inconsistent')!;
    assert.ok(target, JSON.stringify(diagnostics));
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as { title: string; kind: string; edit: { changes: Record<string, LspTextEdit[]> } }[];
    const different = actions.find((a) => a.title === 'Treat “Witcombe” as a different name from “Whitcombe”');
    assert.ok(different, actions.map((a) => a.title).join(' | '));
    assert.equal(different.kind, 'quickfix');
    assert.deepEqual(Object.keys(different.edit.changes), [styleUri], 'only copydesk.yaml is edited');
    const edited = applyEdits(source, different.edit.changes[styleUri]!);
    assert.equal(edited, '# the desk\nextends: default # AP\nnames:\n  list:\n    - name: Kyiv # capital\n  distinct:\n    - [Witcombe, Whitcombe]\n');

    // The editor saves the edited file; the server reloads the style and the finding is gone.
    fs.writeFileSync(styleFile, edited);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: styleUri, type: 2 }] });
    const end = Date.now() + 5000;
    for (;;) {
      const last = [...client.published].reverse().find((p) => p.uri === uri)!;
      if (!last.diagnostics.some((d) => d.code === 'names.inconsistent')) break;
      assert.ok(Date.now() < end, 'the finding should disappear');
      await new Promise((r) => setTimeout(r, 25));
    }
    // Offered no more once recorded.
    client.change(uri, 2, story + '\nWitcombe again.\n');
    await client.diagnostics(uri, 2);
    const after = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [] } })) as { title: string }[];
    assert.ok(!after.some((a) => a.title.startsWith('Treat')));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
