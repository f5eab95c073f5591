import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { startClient } from '../support/lsp-client';

const draft = [
  'Turkish Foreign Minister Hakan Fiden met the delegations in Istanbul.',
  '“We want a ceasefire,” Fidan said. Shelling hit Zaporizhzhya overnight.',
  'The Defence Ministry said the talks would go on. The defense minister did not comment.',
].join('\n\n');

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('in a pause after the first diagnostics the server warms up on a copy, publishing nothing for it and changing nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-warm-'));
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'talks.md')).href;
    client.open(uri, draft, 'markdown', 1);
    await client.diagnostics(uri, 1);
    await until('the warm-up', () => client.logs.some((m) => /warmed up in \d+ checks/.test(m)));
    // Only the writer's draft was ever published, and its last publish before the warm-up ended had spelling
    // in it (the warm-up starts once the spelling data is loaded).
    assert.deepEqual([...new Set(client.published.map((p) => p.uri))], [uri]);
    const before = client.published.filter((p) => p.uri === uri).pop()!;
    // The same text again as a new version: what the server says about it is what it said before the warm-up.
    client.change(uri, 2, draft);
    const again = await client.diagnostics(uri, 2);
    assert.deepEqual(again.diagnostics, before.diagnostics);
    assert.ok(again.diagnostics.some((d) => d.code === 'names.misspelled'));
    // And an edit is still checked as an edit.
    client.change(uri, 3, draft.replace('Fiden', 'Fidan'));
    const fixed = await client.diagnostics(uri, 3);
    assert.equal(fixed.diagnostics.filter((d) => d.code === 'names.misspelled').length, 0);
    assert.deepEqual(client.stderr.join(''), '');
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('while the writer keeps typing, the warm-up waits', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-warm-'));
  const client = await startClient(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'talks.md')).href;
    let text = draft;
    client.open(uri, text, 'markdown', 1);
    await client.diagnostics(uri, 1);
    // Two seconds of typing, an edit every 50 ms (well inside the warm-up's quiet time): long enough for the
    // spelling data to load, and the warm-up to become due, many times over.
    const end = Date.now() + 2000;
    let version = 1;
    while (Date.now() < end) {
      text = text.replace('Istanbul.', 'Istanbul..');
      client.change(uri, ++version, text);
      await client.diagnostics(uri, version);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(client.logs.filter((m) => /warmed up/.test(m)).length, 0, 'the warm-up ran while the writer typed');
    await until('the warm-up once the typing stops', () => client.logs.some((m) => /warmed up/.test(m)));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
