// npm run test:code-server: the integration suite (the one test:vscode runs under @vscode/test-electron) inside
// code-server's extension host. code-server's CLI has no --extensionTestsPath, so, as @vscode/test-web does, an
// init script adds developmentOptions { extensions, extensionTestsPath } to the workbench configuration the page
// reads, and the workbench reports the result through window.codeAutomationExit.
// Prints Mocha's output and summary; exits 0 when every test passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSuite } from './build.mjs';
import { ensureCodeServer, launchBrowser, root, startCodeServer, tempDirs, writeUserSettings } from './code-server.mjs';
import { makeWorkspace } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.COPYDESK_ITEST_TIMEOUT_MS) || 8 * 60_000;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const testsIndex = await buildSuite();
ensureCodeServer();

const dirs = tempDirs('copydesk-cs-itest');
writeUserSettings(dirs);
const workspace = makeWorkspace();
const logFile = path.join(dirs.base, 'mocha.log');
fs.writeFileSync(logFile, '');
process.env.COPYDESK_TEST_LOG = logFile; // inherited by code-server and its extension host
const server = await startCodeServer(dirs, workspace);
console.log(`code-server ${server.url} ready after ${elapsed()}; running the suite from ${path.relative(root, testsIndex)}`);

let printed = 0;
const flush = () => {
  const text = fs.readFileSync(logFile, 'utf8');
  if (text.length > printed) process.stdout.write(text.slice(printed).replace(/\nMOCHA-DONE failures=\d+\n/, '\n'));
  printed = text.length;
};
const tail = setInterval(flush, 250);

const browser = await launchBrowser(dirs);
let exitCode = 1;
let reason = '';
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const finished = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (process.env.COPYDESK_ITEST_VERBOSE) console.log(`[workbench ${type}]`, ...(Array.isArray(args) ? args : [args]));
  });
  await browser.addInitScript(
    ({ extensionPath, testsPath }) => {
      const getAttribute = Element.prototype.getAttribute;
      Element.prototype.getAttribute = function (name) {
        const value = getAttribute.call(this, name);
        if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
        const settings = JSON.parse(value);
        const uri = (p) => ({ $mid: 1, scheme: 'vscode-remote', authority: location.host, path: p });
        settings.developmentOptions = { ...settings.developmentOptions, extensions: [uri(extensionPath)], extensionTestsPath: uri(testsPath) };
        return JSON.stringify(settings);
      };
    },
    { extensionPath: root, testsPath: testsIndex },
  );
  page.on('pageerror', (e) => process.env.COPYDESK_ITEST_VERBOSE && console.log(`[page error] ${e.message}`));
  await page.goto(server.url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
  const result = await Promise.race([finished, timeout]);
  if (result === 'timeout') reason = `no result from the extension host within ${TIMEOUT_MS / 1000} s`;
  else exitCode = result;
  if (exitCode !== 0 && !reason) reason = `extension host exited with ${exitCode}`;
  if (exitCode !== 0) {
    fs.mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-artifacts', 'integration-failure.png') }).catch(() => undefined);
  }
} catch (e) {
  reason = e instanceof Error ? e.message : String(e);
} finally {
  await browser.close().catch(() => undefined);
  await server.stop();
  clearInterval(tail);
  flush();
}
const mocha = fs.readFileSync(logFile, 'utf8');
if (exitCode === 0 && !/MOCHA-DONE failures=0/.test(mocha)) {
  exitCode = 1;
  reason = 'the suite reported success but Mocha never finished (no tests ran?)';
}
if (exitCode !== 0 && !mocha.trim()) console.log(`no Mocha output; code-server's log: ${path.join(dirs.base, 'code-server.log')}`);
console.log(exitCode === 0 ? `test:code-server: integration suite passed in code-server (${elapsed()})` : `test:code-server: FAILED: ${reason} (${elapsed()})`);
if (exitCode === 0) {
  fs.rmSync(dirs.base, { recursive: true, force: true });
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode === 0 ? 0 : 1);
