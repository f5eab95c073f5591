import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { serverEnvironment } from '../../../server/src/lsp/server-environment';

/** The environment vscode-languageclient gives a forked server: the editor's, then the overrides. */
const asTheClientMerges = (editor: NodeJS.ProcessEnv, overrides: Record<string, unknown>): NodeJS.ProcessEnv => ({ ...editor, ...overrides }) as NodeJS.ProcessEnv;

test('the server process starts without NODE_EXTRA_CA_CERTS and with the rest of the editor environment', () => {
  const editor = { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', COPYDESK_PROBE: 'kept' };
  const seen = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify([process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.COPYDESK_PROBE ?? null]))'], { env: asTheClientMerges(editor, serverEnvironment()), encoding: 'utf8' });
  assert.equal(seen.status, 0, seen.stderr);
  assert.deepEqual(JSON.parse(seen.stdout), [null, 'kept']);
});
