import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, loadStyleText } from '../../../server/src/engine/index';
import { distinctNames } from '../../../server/src/engine/names/distinct';
import { addDistinct } from '../../../server/src/engine/style/edit';

const apply = (source: string, a: string, b: string): string | null => {
  const e = addDistinct(source, a, b);
  return e ? source.slice(0, e.start) + e.text + source.slice(e.end) : null;
};

const names = (text: string, yaml: string) =>
  check(text, { style: loadStyleText(yaml).style! }).filter((f) => f.rule.startsWith('names.')).map((f) => [f.rule, text.slice(f.start, f.end)]);

test('"treat as a different name" adds a pair to names.distinct, keeping comments and the list', () => {
  const source = '# the desk\nextends: default # AP\nnames:\n  # people\n  - name: Hakan Fidan # minister\n    note: Turkish foreign minister\nwords: [Dolmabahçe]\n';
  const out = apply(source, 'Witcombe', 'Whitcombe')!;
  assert.equal(
    out,
    '# the desk\nextends: default # AP\nnames:\n  list:\n    # people\n    - name: Hakan Fidan # minister\n      note: Turkish foreign minister\n  distinct:\n    - [Witcombe, Whitcombe]\nwords: [Dolmabahçe]\n',
  );
  const loaded = loadStyleText(out);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.style!.config.distinct, [['Witcombe', 'Whitcombe']]);
  assert.ok(loaded.style!.config.names.some((n) => n.name === 'Hakan Fidan' && n.origin === 'house'), 'the list still loads');
  assert.equal(apply(out, 'Whitcombe', 'Witcombe'), null, 'a pair already recorded (either order) changes nothing');
});

test('names.distinct is added to a names mapping, to an empty file, and next to archive', () => {
  assert.equal(apply('names:\n  archive: "published/*.md" # stories\n', 'Hamad', 'Hamid'), 'names:\n  archive: "published/*.md" # stories\n  distinct:\n    - [Hamad, Hamid]\n');
  assert.equal(apply('names:\n  distinct:\n    - [Hamad, Hamid]\n', 'Mali', 'Bali'), 'names:\n  distinct:\n    - [Hamad, Hamid]\n    - [Mali, Bali]\n');
  const fresh = apply('', 'Hamad', 'Hamid')!;
  assert.match(fresh, /^# Copydesk house style.*\nextends: default\nnames:\n {2}distinct:\n {4}- \[Hamad, Hamid\]\n$/s);
  assert.throws(() => addDistinct('names: [oops', 'a', 'b'), /has errors/);
});

test('distinct groups match either order, any case, and full names ending in the listed words', () => {
  const config = { distinct: [['Johnson', 'Johnston', 'Johnstone']] };
  assert.ok(distinctNames(config, 'Johnston', 'Johnson'));
  assert.ok(distinctNames(config, 'johnstone', 'JOHNSON'));
  assert.ok(distinctNames(config, 'Paul Johnston', 'Johnson'));
  assert.ok(!distinctNames(config, 'Johnson', 'Johnsen'));
  assert.ok(!distinctNames({}, 'Johnson', 'Johnston'));
});

test('the names checks respect names.distinct', () => {
  const story = 'Dana Whitcombe chairs the committee. Whitcombe said no. Witcombe said the vote would wait. Whitcombe left.';
  assert.deepEqual(names(story, 'extends: default\n'), [['names.inconsistent', 'Witcombe']]);
  assert.deepEqual(names(story, 'names:\n  distinct: [[Witcombe, Whitcombe]]\n'), []);
  const listed = 'names:\n  list:\n    - name: Dana Whitcombe\n';
  assert.deepEqual(names('Later Witcombe said no.', listed), [['names.misspelled', 'Witcombe']]);
  assert.deepEqual(names('Later Witcombe said no.', `${listed}  distinct:\n    - [Witcombe, Whitcombe]\n`), []);
  const found = check(story, { style: loadStyleText('extends: default\n').style! }).find((f) => f.rule === 'names.inconsistent')!;
  assert.deepEqual(found.data?.forms, ['Witcombe', 'Whitcombe'], 'findings carry the two forms for the quick fix');
});
