import assert from 'node:assert/strict';
import * as os from 'node:os';
import { test } from 'node:test';
import { defaultJobs } from '../../server/src/cli/pool';

test('by default the CLI starts a worker only for each 8 MB of text, and never more than one per core', () => {
  const cores = os.availableParallelism();
  assert.equal(defaultJobs(4 * 2 ** 20), 1, 'a 4 MB workspace is checked without workers');
  assert.equal(defaultJobs(0), 1);
  assert.equal(defaultJobs(16 * 2 ** 20), Math.min(cores, 2));
  assert.equal(defaultJobs(), cores);
  assert.equal(defaultJobs(10 ** 12), cores);
});
