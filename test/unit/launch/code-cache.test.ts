import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { cacheFileOf } from '../../../server/src/launch/code-cache';

const loader = path.join(__dirname, '..', '..', '..', 'server', 'src', 'launch', 'code-cache.ts');

const BODY = `function square(n) { return n * n; }
exports.square7 = square(7);
exports.dir = __dirname;
exports.file = __filename;
exports.sameModule = require.main === module;
exports.hasPath = typeof require('node:path').join === 'function';`;

function bundleIn(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-code-cache-'));
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, `${body}\n`);
  return file;
}

interface Started { status: number | null; stderr: string; cache?: string; exports?: Record<string, unknown> }

/** Starts a fresh Node whose main module runs the bundle through the loader (every start is a new V8, as
 *  in use: one process could answer from V8's memory instead of the file under test). */
function start(bundle: string, write = false): Started {
  const script = `const loaded = require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(bundle)}, module, ${write});
process.stdout.write(JSON.stringify({ cache: loaded.cache, exports: module.exports }));`;
  const main = path.join(path.dirname(bundle), 'main.js');
  fs.writeFileSync(main, script);
  const r = spawnSync(process.execPath, ['--import', 'tsx', main], { encoding: 'utf8' });
  const out: Started = { status: r.status, stderr: r.stderr };
  if (r.status === 0) Object.assign(out, JSON.parse(r.stdout));
  return out;
}

test('a bundle runs as the body of the main module, with its own file name and a working require', () => {
  const bundle = bundleIn(BODY);
  const r = start(bundle);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.cache, 'none');
  assert.deepEqual(r.exports, { square7: 49, dir: path.dirname(bundle), file: bundle, sameModule: true, hasPath: true });
});

test('a cache written as a run exits is used by the next start, which behaves the same', () => {
  const bundle = bundleIn(BODY);
  const first = start(bundle, true);
  assert.equal(first.status, 0, first.stderr);
  assert.ok(fs.statSync(cacheFileOf(bundle)).size > 0, 'no cache after the write run');
  const second = start(bundle);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.cache, 'used');
  assert.deepEqual(second.exports, first.exports);
});

test('a rebuilt bundle of the same size never runs the old cache', () => {
  const bundle = bundleIn('exports.answer = (function () { return 1; })();');
  assert.equal(start(bundle, true).status, 0);
  const old = fs.readFileSync(bundle, 'utf8');
  fs.writeFileSync(bundle, old.replace('return 1;', 'return 2;'));
  assert.equal(fs.statSync(bundle).size, Buffer.byteLength(old));
  fs.utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
  const r = start(bundle);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.cache, 'none');
  assert.deepEqual(r.exports, { answer: 2 });
});

test('a damaged cache is never handed to V8, and the bundle still runs', () => {
  const bundle = bundleIn(BODY);
  assert.equal(start(bundle, true).status, 0);
  const data = fs.readFileSync(cacheFileOf(bundle));
  const payload = data.indexOf(10) + 1;
  // A few bytes in the middle of the data: V8's own checks pass such a cache, and reading it aborts.
  for (let at = payload + Math.floor((data.length - payload) / 2), i = 0; i < 8; i++) data[at + i] = data[at + i]! ^ 0xff;
  fs.writeFileSync(cacheFileOf(bundle), data);
  const r = start(bundle);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.cache, 'none');
  assert.equal(r.exports?.square7, 49);
});

test('a cache stamped by another Node is not handed to V8', () => {
  const bundle = bundleIn(BODY);
  assert.equal(start(bundle, true).status, 0);
  const data = fs.readFileSync(cacheFileOf(bundle));
  fs.writeFileSync(cacheFileOf(bundle), Buffer.from(data.toString('latin1').replace(process.version, 'v0.0.0'), 'latin1'));
  assert.equal(start(bundle).cache, 'none');
});

test('a cache cut short is not handed to V8', () => {
  const bundle = bundleIn(BODY);
  assert.equal(start(bundle, true).status, 0);
  const data = fs.readFileSync(cacheFileOf(bundle));
  fs.writeFileSync(cacheFileOf(bundle), data.subarray(0, data.length - 100));
  const r = start(bundle);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.cache, 'none');
});
