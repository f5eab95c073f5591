import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../server/src/engine/index';

const on = (rule: string, text: string) => check(text).filter((f) => f.rule === rule).map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);

test('a listed variant is replaced by the canonical name', () => {
  assert.deepEqual(on('names.listed-variant', 'Officials in Zaporozhye said.'), [['Zaporozhye', 'Zaporizhzhia']]);
});

test('a surname-only variant is replaced by the canonical surname, not the full name', () => {
  assert.deepEqual(on('names.listed-variant', 'Volodymyr Zelenskiy spoke.'), [['Zelenskiy', 'Zelensky']]);
});

test('listed exceptions keep a variant that names something else', () => {
  assert.deepEqual(on('names.listed-variant', 'Dynamo Kiev won the cup.'), []);
});

test('lower-case words are not names', () => {
  assert.deepEqual(on('names.listed-variant', 'a kiev recipe'), []);
});

test('substitutions keep a capital at the start of a sentence and skip direct quotes', () => {
  assert.deepEqual(on('style.substitution', 'Per cent figures rose.'), [['Per cent', 'Percent']]);
  assert.deepEqual(on('style.substitution', '“Burma is home,” she said.'), []);
  assert.deepEqual(on('style.substitution', 'In Burma, she said.'), [['Burma', 'Myanmar']]);
});

test('placeholders are found, Roman numerals and words containing TK are not', () => {
  assert.deepEqual(on('style.placeholder', 'The TKO came. Super Bowl XX was fun. Cost: TKTK. Note [[check]].').map((x) => x[0]), ['TKTK', '[[check]]']);
});
