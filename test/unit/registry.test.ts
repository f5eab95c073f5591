import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { CHECKS, check, prepare } from '../../server/src/engine/index';

// Checks with asynchronous data (the spelling dictionary) are skipped until it is loaded.
before(() => prepare());

const root = path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'checks');

test('rule ids are unique, sorted, family.name, and match their file', () => {
  const ids = CHECKS.map((c) => c.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  for (const c of CHECKS) {
    assert.match(c.id, /^(names|quotes|style|spelling)\.[a-z0-9-]+$/);
    assert.equal(c.id.split('.')[0], c.family);
    const [family, name] = c.id.split('.');
    assert.ok(fs.existsSync(path.join(root, family!, `${name}.ts`)), `checks/${family}/${name}.ts exists for ${c.id}`);
  }
});

for (const c of CHECKS) {
  test(`${c.id} flags its documented bad examples and passes its good ones`, () => {
    const style = undefined;
    for (const bad of c.docs.bad) {
      if (c.offByDefault) continue;
      assert.ok(check(bad, { style }).some((f) => f.rule === c.id), `expected ${c.id} on: ${bad}`);
    }
    for (const good of c.docs.good) assert.ok(!check(good, { style }).some((f) => f.rule === c.id), `unexpected ${c.id} on: ${good}`);
  });
}
