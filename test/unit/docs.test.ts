import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { END, rulesTable, START } from '../../scripts/gen-rules';

test('the README rules table matches the registry (npm run docs:rules regenerates it)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
  assert.equal(table, rulesTable());
});

test('the copydesk.yaml example in the README loads without problems', async () => {
  const { loadStyleText } = await import('../../server/src/engine/index');
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const load = loadStyleText(example);
  assert.deepEqual(load.problems, []);
  assert.ok(load.style);
});
