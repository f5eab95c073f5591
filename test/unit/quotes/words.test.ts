import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countQuotedWords, moreLetterWordsThan } from '../../../server/src/engine/quotes/words';

// The counts must be exactly what the regular expressions they replace give, on any text.
const WORDS = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+|(?<=\p{N})[,.]\p{N}+)*/gu;
const letterWords = (s: string) => s.replace(/[,.!?]+$/, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
const PIECES = ['a', 'B', '1', '9', ' ', ',', '.', "'", '’', '-', 'é', '²', '½', '\u0301', '𝟘', '𝐀', '\u00a0', '“', '!', 'ж', '\ud835', '\udc00', '\n', 'Ⅻ'];

test('quote words are counted as the word pattern counts them, on random text', () => {
  let seed = 3;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let k = 0; k < 50_000; k++) {
    let s = '';
    for (let j = rand(14); j > 0; j--) s += PIECES[rand(PIECES.length)];
    assert.equal(countQuotedWords(s), (s.match(WORDS) ?? []).length, JSON.stringify(s));
    for (const max of [0, 1, 2, 3]) assert.equal(moreLetterWordsThan(s, max), letterWords(s) > max, JSON.stringify(s));
  }
});

test('numbers with inner commas and points are one word, joined words are one word', () => {
  assert.equal(countQuotedWords('2,521 shooting incidents'), 3);
  assert.equal(countQuotedWords('a 3.5km walk'), 4, '"3.5" and "km" are two words');
  assert.equal(countQuotedWords("don’t stop the Okonjo-Iweala plan"), 5);
  assert.equal(countQuotedWords('U.S. officials'), 3);
  assert.equal(moreLetterWordsThan('one two three 4 5 6', 3), false, 'words without a letter do not count');
  assert.equal(moreLetterWordsThan('one two three four!', 3), true);
});
