import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { startClient } from '../support/lsp-client';

test('`copydesk lsp --stdio` runs the same server an editor starts, from the server bundle and its code cache', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-lsp-'));
  // The loader says which bundle it compiled (the server's, not the CLI's) and what became of its cache.
  process.env.COPYDESK_DEBUG_CODE_CACHE = '1';
  const client = await startClient(dir, {}, [path.join(__dirname, '..', '..', 'bin', 'copydesk.js'), 'lsp', '--stdio']);
  delete process.env.COPYDESK_DEBUG_CODE_CACHE;
  try {
    const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
    client.open(uri, 'Hakan Fidan flew to Kiev.', 'plaintext', 7);
    const d = await client.diagnostics(uri, 7);
    assert.deepEqual(d.diagnostics.map((x) => x.code), ['names.listed-variant']);
    assert.match(client.stderr.join(''), /^code cache for server-main\.js: (used|rejected|none)\n$/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
