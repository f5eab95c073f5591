import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { runQueueWaitMs } from '../../../server/src/lsp/run-queue';

const linux = fs.existsSync('/proc/thread-self/schedstat');
const waitedNs = (): number => Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);

test('the run-queue wait is the thread\'s waiting time in the kernel\'s schedstat, in milliseconds', { skip: !linux && 'no /proc/thread-self/schedstat here' }, () => {
  for (let i = 0; i < 20; i++) {
    const before = waitedNs();
    const ms = runQueueWaitMs();
    const after = waitedNs();
    assert.ok(ms !== undefined);
    assert.ok(before / 1e6 <= ms && ms <= after / 1e6, `${before / 1e6} ≤ ${ms} ≤ ${after / 1e6}`);
  }
});
