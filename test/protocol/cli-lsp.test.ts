import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { startClient } from '../support/lsp-client';

test('`copydesk lsp --stdio` runs the same server an editor starts', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-lsp-'));
  const client = await startClient(dir, {}, [path.join(__dirname, '..', '..', 'bin', 'copydesk.js'), 'lsp', '--stdio']);
  try {
    const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
    client.open(uri, 'Hakan Fidan flew to Kiev.', 'plaintext', 7);
    const d = await client.diagnostics(uri, 7);
    assert.deepEqual(d.diagnostics.map((x) => x.code), ['names.listed-variant']);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
