import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { serverEnvironment, serverExecArgv } from '../../../server/src/lsp/server-environment';

/** The environment vscode-languageclient gives a forked server: the editor's, then the overrides. */
const asTheClientMerges = (editor: NodeJS.ProcessEnv, overrides: Record<string, unknown>): NodeJS.ProcessEnv => ({ ...editor, ...overrides }) as NodeJS.ProcessEnv;

test('the server process starts without NODE_EXTRA_CA_CERTS and with the rest of the editor environment', () => {
  const editor = { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', COPYDESK_PROBE: 'kept' };
  const seen = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify([process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.COPYDESK_PROBE ?? null]))'], { env: asTheClientMerges(editor, serverEnvironment()), encoding: 'utf8' });
  assert.equal(seen.status, 0, seen.stderr);
  assert.deepEqual(JSON.parse(seen.stdout), [null, 'kept']);
});

test('the server keeps V8 to one background thread fewer than the cores, between one and Node’s default four', () => {
  assert.deepEqual(serverExecArgv(1, false), ['--v8-pool-size=1']);
  assert.deepEqual(serverExecArgv(2, false), ['--v8-pool-size=1']);
  assert.deepEqual(serverExecArgv(3, false), ['--v8-pool-size=2']);
  assert.deepEqual(serverExecArgv(64, false), ['--v8-pool-size=4']);
});

test('an extension host in Electron, whose Node keeps Chromium’s thread pool, starts the server without the flag', () => {
  assert.deepEqual(serverExecArgv(2, true), []);
});

test('a process started with the server’s flags runs fewer V8 threads than one without them', (t) => {
  if (!fs.existsSync('/proc/self/task')) return t.skip('counts threads through Linux /proc');
  const threads = (args: string[]): number => Number(spawnSync(process.execPath, [...args, '-e', "process.stdout.write(String(require('fs').readdirSync('/proc/self/task').length))"], { encoding: 'utf8' }).stdout);
  assert.equal(threads([]) - threads(serverExecArgv(2, false)), 3);
});
