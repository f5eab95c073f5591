import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneEditForms } from '../../../server/src/engine/spelling/forms';
import { WordTable } from '../../../server/src/engine/word-table';

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

// The plain way: build every one-edit string, keep those in the list (same order, repeats kept).
function byStrings(list: Set<string>, word: string): string[] {
  const out: string[] = [];
  const keep = (w: string) => list.has(w) && out.push(w);
  for (let i = 0; i + 1 < word.length; i++) keep(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) keep(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) keep(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++) keep(word.slice(0, i) + word.slice(i + 1));
  return out;
}

test('one-edit forms read from bytes are exactly those found by building every candidate string', () => {
  let seed = 11;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const word = (len: number) => Array.from({ length: len }, () => 'abcdeilnorst'[rand(12)]).join('');
  const listed = new Set<string>();
  for (let i = 0; i < 20_000; i++) listed.add(word(1 + rand(7)));
  const forms = WordTable.of([...listed, 'Capital', 'don’t', 'x-ray', '']);
  let found = 0;
  for (let i = 0; i < 2_000; i++) {
    const w = word(1 + rand(8));
    const expected = byStrings(listed, w);
    assert.deepEqual(oneEditForms(forms, w, LETTERS), expected, w);
    found += expected.length;
  }
  assert.ok(found > 1_000, `the fixture has neighbours to find (${found})`);
});

test('a word table asked from bytes answers for the words it was given, read to the length asked', () => {
  const forms = WordTable.of(['cat', 'Cat', 'don’t', 'dog']);
  const bytes = (w: string) => Uint8Array.from(w, (c) => c.charCodeAt(0));
  assert.equal(forms.hasBytes(bytes('cat'), 3), true);
  assert.equal(forms.hasBytes(bytes('Cat'), 3), true);
  assert.equal(forms.hasBytes(bytes('dog'), 3), true);
  assert.equal(forms.hasBytes(bytes('cot'), 3), false);
  assert.equal(forms.hasBytes(bytes('catx'), 3), true, 'only the first n bytes count');
  assert.equal(forms.hasBytes(bytes('ca'), 2), false);
});
