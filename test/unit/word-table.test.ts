import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadedLexicon, lexiconWords } from '../../server/src/engine/names/lexicon';
import { WordTable } from '../../server/src/engine/word-table';

test('a word table answers as a Set of the same words, after a round trip through bytes', () => {
  const latin = ['café', 'naïve', "o'clock", 'a', 'Zaporizhzhia', 'x'.repeat(255), ...Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`)];
  // With a character past Latin-1 the table keeps two bytes per character.
  for (const words of [latin, [...latin, 'o’clock', '😀emoji']]) {
    const set = new Set(words);
    const table = WordTable.fromBytes(WordTable.of(words).toBytes())!;
    assert.ok(table);
    const asked = [...words, 'cafe', 'naive', 'oclock', 'o’clock', '', 'b', 'Zaporizhzhya', 'x'.repeat(254), ...Array.from({ length: 5000 }, (_, i) => `v${i.toString(36)}`)];
    for (const w of asked) assert.equal(table.has(w), set.has(w), w.slice(0, 20));
  }
  // Words over 255 characters are left out (no dictionary entry is that long).
  assert.equal(WordTable.of(['y'.repeat(256)]).has('y'.repeat(256)), false);
});

test('bytes that are not a word table are refused, not read', () => {
  const good = WordTable.of(['one', 'two']).toBytes();
  assert.equal(WordTable.fromBytes(new Uint8Array(0)), null);
  assert.equal(WordTable.fromBytes(good.subarray(0, good.length - 4)), null);
  const foreign = good.slice();
  foreign[0] = foreign[0]! ^ 0xff;
  assert.equal(WordTable.fromBytes(foreign), null);
  // A table without an empty slot would never answer no to a missing word.
  const full = good.slice();
  const slots = new Int32Array(full.buffer, 0, 4)[1]!;
  new Int32Array(full.buffer, 16, slots).fill(0);
  assert.equal(WordTable.fromBytes(full), null);
  // Misaligned bytes are copied, not refused.
  const shifted = new Uint8Array(good.length + 1);
  shifted.set(good, 1);
  assert.ok(WordTable.fromBytes(shifted.subarray(1))?.has('two'));
});

test('the lexicon read from the prebuilt tables holds exactly the dictionary’s words', () => {
  const { common, proper } = lexiconWords();
  assert.ok(common.length > 30_000 && proper.length > 5_000, 'the dictionary is there (npm run build copies it)');
  const lexicon = loadedLexicon();
  assert.ok(lexicon.fromTables, 'npm run build wrote the tables');
  const c = new Set(common);
  const p = new Set(proper);
  for (const w of [...common, ...proper]) {
    assert.equal(lexicon.common.has(w), c.has(w), w);
    assert.equal(lexicon.proper.has(w), p.has(w), w);
  }
  for (const w of ['zzzq', 'Qzzz', 'Kyivv', 'colour', 'Colour', 'teh']) {
    assert.equal(lexicon.common.has(w), c.has(w), w);
    assert.equal(lexicon.proper.has(w), p.has(w), w);
  }
});
