import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../server/src/engine/index';

test('a multi-megabyte draft is checked to its very end, not truncated', () => {
  const para = 'Officials in Kyiv said the talks would resume next week, according to a statement.\n\n';
  const text = para.repeat(50_000) + 'The last line mentions Kiev.\n';
  assert.ok(text.length > 4_000_000);
  const found = check(text, { languageId: 'markdown' }).filter((f) => f.rule === 'names.listed-variant');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), 'Kiev');
  assert.ok(found[0]!.start > text.length - 40);
});

test('a single paragraph of a million characters is checked without error', () => {
  const text = 'word '.repeat(200_000) + 'Kiev';
  const found = check(text).filter((f) => f.rule === 'names.listed-variant');
  assert.equal(found.length, 1);
});

test('one very long line of quote marks and no spaces does not break the engine', () => {
  const text = '"'.repeat(300_000) + '\u201C'.repeat(300_000);
  assert.ok(Array.isArray(check(text)));
});

// Found by the engine fuzzer: name similarity over one huge capitalised "word" was quadratic.
test('a capitalised run of 60,000 letters is not treated as a name', { timeout: 20_000 }, () => {
  const text = 'Kiev'.repeat(15_000) + ' and ' + 'Zelenskyy'.repeat(5_000);
  assert.deepEqual(check(text).filter((f) => f.rule.startsWith('names.')), []);
});

// Found by the engine fuzzer: three names rules fixing one after another made fix-all take three passes.
test('fix-all converges on a chain of name fixes', async () => {
  const { checkProperties } = await import('./engine-properties');
  checkProperties('KievHakan Fiden# Hakan Fiden', 'plaintext');
});
