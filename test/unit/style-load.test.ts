import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, loadStyleText } from '../../server/src/engine/index';

test('a valid style layers its names and substitutions over the default preset', () => {
  const load = loadStyleText('extends: default\nnames:\n  - name: Kaja Kallas\n    variants: [Kaja Kalass]\nsubstitutions:\n  - prefer: Beijing\n    over: [Peking]\n');
  assert.deepEqual(load.problems, []);
  const names = load.style!.config.names.map((n) => n.name);
  assert.ok(names.includes('Kaja Kallas') && names.includes('Kyiv'));
  const found = check('Kaja Kalass flew from Peking to Kiev.', { style: load.style! });
  assert.deepEqual(found.map((f) => f.fixes[0]?.text), ['Kaja Kallas', 'Beijing', 'Kyiv']);
});

test('a YAML syntax error is reported at its line', () => {
  const load = loadStyleText('names:\n  - name: A\n    variants: [B\nwords: [x]\n');
  assert.equal(load.style, undefined);
  assert.ok(load.problems.length > 0);
  assert.ok(load.problems[0]!.line >= 3, `line ${load.problems[0]!.line}`);
});

test('schema errors name the key and point at its line and column', () => {
  const load = loadStyleText('extends: default\nnames:\n  - name: Hakan Fidan\n    varients: [Fiden]\n');
  assert.equal(load.style, undefined);
  const p = load.problems[0]!;
  assert.match(p.message, /unknown key "varients"/);
  assert.equal(p.line, 4);
  assert.equal(p.column, 5);
});

test('a wrong type is an error at the value', () => {
  const load = loadStyleText('words: house\n');
  assert.equal(load.problems[0]!.line, 1);
  assert.match(load.problems[0]!.message, /words must be a list/);
});

test('an unknown preset and an unknown rule id are errors', () => {
  assert.match(loadStyleText('extends: chicago\n').problems[0]!.message, /extends must be one of/);
  const unknownRule = loadStyleText('rules:\n  names.nope: off\n');
  assert.match(unknownRule.problems[0]?.message ?? '', /unknown rule id "names.nope"/);
  assert.equal(unknownRule.problems[0]!.line, 2);
});

test('exponentially expanding YAML aliases are refused, not expanded', () => {
  let src = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 12; i++) src += `a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]\n`;
  const started = Date.now();
  const load = loadStyleText(src);
  assert.ok(Date.now() - started < 2000);
  assert.equal(load.style, undefined);
  assert.ok(load.problems.length > 0);
});

test('rules can turn a check off or change its severity', () => {
  const off = loadStyleText('rules:\n  style.placeholder: off\n').style!;
  assert.equal(check('About TK people.', { style: off }).length, 0);
  const info = loadStyleText('rules:\n  style.placeholder: info\n').style!;
  assert.equal(check('About TK people.', { style: info })[0]!.severity, 'info');
});

test('the british preset prefers per cent where the default prefers percent', () => {
  const british = loadStyleText('extends: british\n').style!;
  assert.deepEqual(check('Prices rose 3 percent.', { style: british }).filter((f) => f.rule === 'style.substitution').map((f) => f.fixes[0]!.text), ['per cent']);
  assert.deepEqual(check('Prices rose 3 per cent.').filter((f) => f.rule === 'style.substitution').map((f) => f.fixes[0]!.text), ['percent']);
});
