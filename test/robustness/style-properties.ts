// Random and mutated copydesk.yaml: it loads or gives a clear error with a line and column; never throws, never hangs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadStyleText } from '../../server/src/engine/index';

const good = `extends: default
names:
  - name: Hakan Fidan
    variants: [Hakan Fiden]
    note: minister
substitutions:
  - prefer: Myanmar
    over: [Burma]
words: [Dolmabahçe]
rules:
  style.placeholder: error
ignore:
  - rule: names.listed-variant
    text: Kiev
quotes:
  style: curly
`;

const pieces = ['extends: ', 'ap', 'british', 'chicago', 'names:', '  - name: ', '    variants: ', '[', ']', '{', '}', ': ', '- ', '\n', '  ', '&a ', '*a', '!!binary ', '!!js/function ', '"', "'", '#', 'rules:', '  style.placeholder: ', 'off', 'loud', 'ignore:', 'words: ', '1e999', 'null', '~', 'true', '\t', '\u0000', '\uFEFF', '<<: *a', 'patterns:', '  - id: x\n    pattern: "(a+)+$"\n    message: m'];

export const styleSource: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')),
  fc.tuple(fc.integer({ min: 0, max: good.length }), fc.integer({ min: 0, max: 40 }), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }))
    .map(([at, del, ins]) => good.slice(0, at) + ins.join('') + good.slice(at + del)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'names:\n' + '  - name: N\n    variants: [' + 'v, '.repeat(n) + 'v]\n'),
  fc.integer({ min: 1, max: 400 }).map((n) => 'rules: ' + '['.repeat(n) + ']'.repeat(n) + '\n'),
);

export function checkStyleProperties(source: string): void {
  const t0 = Date.now();
  const load = loadStyleText(source);
  assert.ok(Date.now() - t0 < 5000, 'style loads or fails within 5 s');
  if (!load.style) {
    assert.ok(load.problems.length > 0, 'a refused style says why');
    for (const p of load.problems) {
      assert.ok(p.message.length > 0);
      assert.ok(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1, `problem has line and column: ${JSON.stringify(p)}`);
    }
  }
}
