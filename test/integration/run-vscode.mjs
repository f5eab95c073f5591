// npm run test:vscode: the integration suite in a downloaded VS Code through @vscode/test-electron.
// Needs internet access to update.code.visualstudio.com; offline, use npm run test:code-server.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build.mjs';
import { makeWorkspace } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const extensionTestsPath = await buildSuite();
const workspace = makeWorkspace('copydesk-vscode');
const { runTests } = await import('@vscode/test-electron');
let code = 1;
try {
  code = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath,
    version: process.env.VSCODE_VERSION || 'stable',
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { COPYDESK_TEST_GREP: process.env.COPYDESK_TEST_GREP ?? '' },
  });
  console.log(code === 0 ? 'test:vscode: all integration tests passed' : `test:vscode: integration tests failed (exit ${code})`);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(message)) {
    console.error(`test:vscode: could not download VS Code (${message.split('\n')[0]}).`);
    console.error('This machine cannot reach update.code.visualstudio.com. Run the same suite in code-server instead: npm run test:code-server');
  } else console.error(`test:vscode: ${message}`);
  code = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
