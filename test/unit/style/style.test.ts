import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, loadStyleText } from '../../../server/src/engine/index';

const on = (rule: string, text: string, style = loadStyleText('extends: default\n').style!) =>
  check(text, { style }).filter((f) => f.rule === rule).map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);

test('two spellings of one word in a story: the minority form gets the majority form', () => {
  assert.deepEqual(on('style.consistency', 'The Defence Ministry agreed. German Defense Minister Boris Pistorius told the defense committee.'), [['Defence', 'Defense']]);
  assert.deepEqual(on('style.consistency', 'A ceasefire held. The cease-fire ended. Another ceasefire began.'), [['cease-fire', 'ceasefire']]);
});

test('on a tie the preset decides: American for ap, British for british', () => {
  assert.deepEqual(on('style.consistency', 'The organisation said the organization would grow.'), [['organisation', 'organization']]);
  assert.deepEqual(on('style.consistency', 'The organisation said the organization would grow.', loadStyleText('extends: british\n').style!), [['organization', 'organisation']]);
});

test('names count inside quotes and with a possessive; spellings inside quotes are left alone', () => {
  assert.deepEqual(on('style.consistency', 'Türkiye’s envoy met. “We came to Türkiye,” he said. Turkey agreed.'), [['Turkey', 'Türkiye']]);
  assert.deepEqual(on('style.consistency', 'The defense ministry agreed. “Our defence is strong,” she said.'), []);
});

test('a house style can add its own pairs', () => {
  const style = loadStyleText('consistency:\n  - [Hodeidah, Hudaydah]\n').style!;
  assert.deepEqual(on('style.consistency', 'Hodeidah port opened. Ships reached Hodeidah. Hudaydah was calm.', style), [['Hudaydah', 'Hodeidah']]);
});

test('a doubled word is flagged and fixed; grammatical doubles and quotes are not', () => {
  assert.deepEqual(on('style.repeated-word', 'The city bought the the building.'), [['the the', 'the']]);
  assert.deepEqual(on('style.repeated-word', 'The council had had enough. He said that that was final. Blah blah.'), []);
  assert.deepEqual(on('style.repeated-word', '“We made made mistakes,” he said.'), []);
});

test('a weekday that contradicts its date is corrected, in US and British order', () => {
  assert.deepEqual(on('style.weekday-date', 'The jury returned its verdicts on Monday, Jan. 29, 2025.'), [['Monday', 'Wednesday']]);
  assert.deepEqual(on('style.weekday-date', 'The talks ended on Thursday, 16 May 2025.'), [['Thursday', 'Friday']]);
  assert.deepEqual(on('style.weekday-date', 'The talks ended on Friday, 16 May 2025.'), []);
});

test('a date without a year takes the year of the story and says so', () => {
  const text = 'ISTANBUL, May 16, 2025 — Talks began.\n\nThey resume on Monday, May 20.';
  const f = check(text).filter((x) => x.rule === 'style.weekday-date');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.fixes[0]!.text, 'Tuesday');
  assert.match(f[0]!.message, /taking the year 2025 from the story/);
  const dated = loadStyleText('date: 2024-01-01\n').style!;
  assert.deepEqual(on('style.weekday-date', 'They resume on Monday, May 20.', dated), []);
});

// Found by the engine fuzzer: overlapping findings on "A A A" made fix-all take several passes.
test('a run of one word repeated is one finding, fixed in one step', () => {
  assert.deepEqual(on('style.repeated-word', 'We saw the the the building.'), [['the the the', 'the']]);
});
