// The in-place filters and tables the style and spelling checks use to skip slicing must give the same
// answers as the plain string operations they stand in for, including the odd Unicode cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProse, type Block } from '../../../server/src/engine/document/model';
import { tokenize } from '../../../server/src/engine/document/tokens';
import { isKnownWord, loadDictionary, plainWords } from '../../../server/src/engine/spelling/dictionary';
import { numberWordValue, TokenView } from '../../../server/src/engine/style/numbers';
import { buildModel } from '../../../server/src/engine/runner';
import { blockPhrases, PhraseIndex } from '../../../server/src/engine/style/phrases';
import { WordFilter, WordShapes } from '../../../server/src/engine/style/wordfilter';

const ODD = ['TWENTY-ONE', 'twenty-one', 'Twenty', 'tWeLvE', 'SİX', 'ſix', 'percent', 'PERCENT', 'perc\u212Aent', 'İstanbul', 'Kelvin', '\u212Aelvin', 'per', 'cent', 'the', 'x', 'US', 'U.S', 'über', 'Σίσυφος'];

function blockOf(prose: string): Block {
  return { kind: 'paragraph', start: 0, end: prose.length, prose, index: 0, ...analyzeProse(prose) } as Block;
}

test('TokenView: wordValue, lowerIs and textIs agree with slicing the token', () => {
  const v = new TokenView(blockOf(ODD.join(' ')));
  for (let i = -1; i <= v.t.count; i++) {
    const word = v.isWord(i) ? numberWordValue(v.text(i)) : undefined;
    assert.equal(v.wordValue(i), word, v.text(i));
    for (const w of ['percent', 'per', 'cent', 'six', 'twenty-one', 'kelvin', 'the']) assert.equal(v.lowerIs(i, w), v.lower(i) === w, `${v.text(i)} ${w}`);
    for (const w of ['US', 'U.S', 'Twenty']) assert.equal(v.textIs(i, w), v.text(i) === w);
  }
});

test('WordShapes and WordFilter never reject a listed word, however it is cased', () => {
  const words = ['percent', 'kelvin', 'six', 'istanbul', 'defence'];
  const shapes = new WordShapes(words, true);
  const filter = new WordFilter();
  for (const w of words) filter.add(w);
  for (const raw of [...ODD, ...words, ...words.map((w) => w.toUpperCase())]) {
    const listed = words.includes(raw.toLowerCase());
    if (listed) {
      assert.ok(shapes.mayBe(raw, 0, raw.length), raw);
      assert.ok(filter.mayHave(raw, 0, raw.length), raw);
    }
  }
  assert.equal(shapes.mayBe('seven', 0, 5), false);
  assert.equal(filter.mayHave('seven', 0, 5), false);
  const names = new WordShapes(['öcalan', 'a', 'i̇stanbul'.normalize('NFC')], true);
  for (const raw of ['Öcalan', 'ÖCALAN', 'A', 'a', 'İstanbul']) assert.ok(names.mayBe(raw, 0, raw.length), raw);
  const plainNames = new WordShapes(['öcalan', 'a', 'o\'brien'], true);
  for (const raw of ['Öcalan', 'A', 'O’Brien', "O'BRIEN"]) assert.ok(plainNames.mayBe(raw, 0, raw.length), raw);
  assert.equal(plainNames.mayBe('b', 0, 1), false);
  assert.equal(plainNames.mayBe('Obama', 0, 5), false);
  const exact = new WordShapes(['Jan', 'Sept'], false);
  assert.ok(exact.mayBe('Sept', 0, 4));
  assert.equal(exact.mayBe('Octo', 0, 4), false);
  assert.equal(exact.mayBe('Septs', 0, 5), false);
});

test('PhraseIndex: one match per block, the same list for every check that asks, and the same as a fresh index', () => {
  const build = () => {
    const index = new PhraseIndex();
    index.add('Burma', 'substitution', 0);
    index.add('per cent', 'substitution', 1);
    index.add('Mohammad bin Salman', 'name', 0);
    index.add('O’Brien', 'name', 1);
    return index;
  };
  const prose = 'Burma’s junta met Mohammad bin Salman\'s envoy, MOHAMMAD  BIN\nSALMAN, and O’Brien’s; prices rose 3 per cent, 4 Per Cent and 5 per-cent.';
  const a = build();
  const block = buildModel(prose, 'plaintext').blocks[0]!;
  const first = blockPhrases(block, a);
  assert.equal(blockPhrases(block, a), first, 'asked again, the same list');
  const fresh = build().match(prose, tokenize(prose));
  assert.deepEqual(first, fresh);
  assert.deepEqual(first.map((m) => prose.slice(m.start, m.end)), ['Burma', 'Mohammad bin Salman', 'MOHAMMAD  BIN\nSALMAN', 'O’Brien', 'per cent', 'Per Cent']);
});

test('spelling: plain words read in place get the dictionary’s verdict', async () => {
  await loadDictionary('en-US');
  const plain = plainWords('en-US')!;
  const text = 'the goverment said teh well-known budget’s Dolmabahçe naïve cafés colour the the goverment';
  for (const m of text.matchAll(/\S+/g)) {
    const word = m[0];
    const expected = !word.includes('-') && isKnownWord('en-US', word);
    assert.equal(plain.isKnownAt(text, m.index, m.index + word.length), expected, word);
    assert.equal(plain.isKnownAt(text, m.index, m.index + word.length), expected, `${word} (cached)`);
  }
  // Enough distinct words to grow the table and its character pool more than once.
  const many = Array.from({ length: 9000 }, (_, i) => (i % 3 === 0 ? ['house', 'houses', 'hose', 'housing'][i % 4]! + 'abcdefghij'.slice(0, i % 7) : `w${i.toString(36)}ord`)).join(' ');
  for (let round = 0; round < 2; round++) {
    for (const m of many.matchAll(/\S+/g)) assert.equal(plain.isKnownAt(many, m.index, m.index + m[0].length), isKnownWord('en-US', m[0]), m[0]);
  }
});
