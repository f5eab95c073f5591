import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, loadStyleText } from '../../../server/src/engine/index';

const house = `patterns:
  - id: cease-fire
    pattern: "\\\\bcease fire\\\\b"
    message: Write ceasefire as one word.
    suggest: ceasefire
    severity: error
  - id: amid
    pattern: "\\\\bamidst\\\\b"
    message: Use amid.
    suggest: amid
`;

test('a house pattern flags its matches with its message, severity and fix, but not inside quotes', () => {
  const style = loadStyleText(house).style!;
  const text = 'A cease fire held amidst the rain. “The cease fire is fragile,” she said.';
  const found = check(text, { style }).filter((f) => f.rule === 'style.pattern');
  assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.severity, f.fixes[0]?.text, f.message]), [
    ['cease fire', 'error', 'ceasefire', 'Write ceasefire as one word.'],
    ['amidst', 'warning', 'amid', 'Use amid.'],
  ]);
});

test('a pattern the linear-time engine cannot run is a problem on its line, not an exception', () => {
  const load = loadStyleText('rules: {}\npatterns:\n  - id: look\n    pattern: "(?<=a)b"\n    message: m\n');
  assert.equal(load.style, undefined);
  assert.equal(load.problems[0]!.line, 4);
  assert.match(load.problems[0]!.message, /cannot be used/);
});

test('a catastrophic-backtracking pattern runs in linear time on a long line', { timeout: 20_000 }, () => {
  const style = loadStyleText('patterns:\n  - id: hostile\n    pattern: "(a+)+$"\n    message: hostile\n').style!;
  const text = 'a'.repeat(200_000) + 'b';
  assert.deepEqual(check(text, { style }).filter((f) => f.rule === 'style.pattern'), []);
});
