import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { backgroundThreadsGiveWay } from '../../../server/src/lsp/thread-priority';

const moduleFile = path.join(__dirname, '..', '..', '..', 'server', 'src', 'lsp', 'thread-priority.ts');

/** In a fresh Node process: the nice value of each of its threads before and after the call, main first. */
function nicesAround(call: string): { changed: number; before: number[]; after: number[]; mainTid: number } {
  const script = `
    const fs = require('fs');
    const nices = () => fs.readdirSync('/proc/self/task').map(Number).sort((a, b) => (a === process.pid ? -1 : b === process.pid ? 1 : a - b))
      .map((tid) => Number(fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]));
    const { backgroundThreadsGiveWay } = require(${JSON.stringify(moduleFile)});
    const before = nices();
    const changed = ${call};
    process.stdout.write(JSON.stringify({ changed, before, after: nices(), mainTid: process.pid }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test("the server's background threads give way to its main thread: ten nice steps lower, the main thread as it was", (t) => {
  if (process.platform !== 'linux' || !fs.existsSync('/proc/self/task')) return t.skip('per-thread nice values are Linux');
  const { changed, before, after } = nicesAround('backgroundThreadsGiveWay(false)');
  assert.ok(changed >= 1 && changed === before.length - 1, `every thread but the main one: ${changed} of ${before.length}`);
  assert.equal(after[0], before[0], 'the main thread keeps its priority');
  for (let i = 1; i < before.length; i++) assert.equal(after[i], Math.min(19, before[0]! + 10), `thread ${i}`);
});

test('under Electron (Chromium’s threads) and off Linux nothing is changed', (t) => {
  assert.equal(backgroundThreadsGiveWay(true), 0);
  if (process.platform !== 'linux' || !fs.existsSync('/proc/self/task')) return t.skip('reads the threads through Linux /proc');
  const { changed, before, after } = nicesAround('backgroundThreadsGiveWay(true)');
  assert.equal(changed, 0);
  assert.deepEqual(after, before);
});
