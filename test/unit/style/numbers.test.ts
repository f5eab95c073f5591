import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, loadStyleText } from '../../../server/src/engine/index';

const ap = loadStyleText('extends: ap\n').style!;
const british = loadStyleText('extends: british\n').style!;
const on = (rule: string, text: string, style = ap) =>
  check(text, { style }).filter((f) => f.rule === rule).map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);

test('numerals: one to nine spelled out, 10 and up in figures, no figure starting a sentence', () => {
  assert.deepEqual(on('style.numerals', 'The council hired 3 lawyers and fired twelve clerks.'), [['3', 'three'], ['twelve', '12']]);
  assert.deepEqual(on('style.numerals', '14 people were hurt. 25 cars burned.'), [['14', 'Fourteen'], ['25', 'Twenty-five']]);
  assert.deepEqual(on('style.numerals', 'She finished 2nd in the race.'), [['2nd', 'second']]);
  const big = check('250 people were hurt.', { style: ap }).filter((f) => f.rule === 'style.numerals');
  assert.equal(big.length, 1);
  assert.equal(big[0]!.fixes.length, 0, 'no fix when the number is too long to spell out');
});

test('numerals: the AP exceptions are not flagged', () => {
  for (const text of [
    'The boy, 5, was unhurt.',
    'He is 6 years old and his sister is a 3-year-old.',
    'Prices rose 4 percent, or 4%, to $7.',
    'About 2 million shares traded on Sept. 8 at 9 a.m. and 3:30 p.m.',
    'It was the No. 1 issue in District 7 and Game 7.',
    'The pool is 5 feet deep and 8 by 12 meters.',
    'Between 5 and 12 people came; 1 in 4 voters agreed.',
    'The Jets won 5-3 on a 3.5-yard run.',
    'He lives at 5 Main St. and drives a 3 Series.',
    '2016 was a hard year for the party.',
    'The court of appeals for the 9th Circuit ruled; the 7th congressional district voted.',
    'The top ten list and one of twenty cases.',
    'Forty-five people came and twenty thousand watched.',
  ]) assert.deepEqual(on('style.numerals', text), [], text);
});

test('numerals: headlines, tables and direct quotes are left alone', () => {
  assert.deepEqual(check('# 3 lawyers hired\n\nThe city hired three lawyers.\n', { style: ap, languageId: 'markdown' }).filter((f) => f.rule === 'style.numerals'), []);
  assert.deepEqual(on('style.numerals', '“We hired 3 lawyers and twelve clerks,” she said.'), []);
});

test('month abbreviations: Jan. 5 with a date, January alone or with a year, March to July never', () => {
  assert.deepEqual(on('style.month-abbreviation', 'The law takes effect January 5, 2025, and ends Dec 31.'), [['January', 'Jan.'], ['Dec', 'Dec.']]);
  assert.deepEqual(on('style.month-abbreviation', 'Sales fell in Jan. 2024 and rose in Sept.'), [['Jan.', 'January'], ['Sept', 'September']]);
  assert.deepEqual(on('style.month-abbreviation', 'The fair opens Mar. 3 and the vote is Sep. 9.'), [['Mar.', 'March'], ['Sep.', 'Sept.']]);
  assert.deepEqual(on('style.month-abbreviation', 'Jan. 5, March 3, in August, January 2025 and Jan Smith.'), []);
  assert.deepEqual(on('style.month-abbreviation', '“It was January 5,” he said.'), []);
  assert.deepEqual(on('style.month-abbreviation', 'The law takes effect 5 January 2025 or January 5.', british), []);
});

test('time: 10 a.m., 10:30 p.m., noon; not 10am, 10 AM, 10:00 a.m. or a.m. in the morning', () => {
  assert.deepEqual(on('style.time', 'Polls close at 8pm. Doors open at 9:00 a.m. and close at 10:30PM'), [['8pm.', '8 p.m.'], ['9:00 a.m.', '9 a.m.'], ['10:30PM', '10:30 p.m.']]);
  assert.deepEqual(on('style.time', 'The bus left at 6 a.m. in the morning and came back at 12 noon.'), [['6 a.m. in the morning', '6 a.m.'], ['12 noon', 'noon']]);
  assert.deepEqual(on('style.time', 'Lunch is at 12 p.m. The vote follows.'), [['12 p.m.', 'noon.']]);
  assert.deepEqual(on('style.time', 'The vote is at 8 p.m. or 10:30 a.m. I am here; we are 10 am I think.'), []);
  assert.deepEqual(on('style.time', '“Meet me at 8pm,” she said.'), []);
  assert.deepEqual(on('style.time', 'The polls close at 8pm.', british), []);
});

test('U.S. in text for ap, US for british; a house style picks with the form option', () => {
  assert.deepEqual(on('style.us-abbreviation', 'The US economy grew; officials in the US said nothing.'), [['US', 'U.S.'], ['US', 'U.S.']]);
  assert.deepEqual(on('style.us-abbreviation', 'Let us go. He flew US Airways. “The US is back,” he said.'), []);
  assert.deepEqual(check('# US economy grows\n\nThe U.S. economy grew.\n', { style: ap, languageId: 'markdown' }).filter((f) => f.rule === 'style.us-abbreviation'), []);
  assert.deepEqual(on('style.us-abbreviation', 'The U.S. economy grew faster than in the U.S. The end.', british), [['U.S.', 'US'], ['U.S', 'US']]);
  const house = loadStyleText('rules:\n  style.us-abbreviation: [warning, { form: "US" }]\n').style!;
  assert.deepEqual(on('style.us-abbreviation', 'The U.S. economy grew.', house), [['U.S.', 'US']]);
});

test('percent: figures, no space before the sign, one form per story', () => {
  assert.deepEqual(on('style.percent', 'Turnout rose five percent, then 5 % more.'), [['five', '5'], [' %', '%']]);
  assert.deepEqual(on('style.percent', 'Turnout rose 5% in May, 6 percent in June and 7 percent in July.'), [['5%', ' percent']]);
  assert.deepEqual(on('style.percent', 'Turnout rose 5% in May and 6 percent in June.'), [['6 percent', '%']]);
  assert.deepEqual(on('style.percent', 'Turnout rose 5 per cent in May and 6% in June.', british), [['6%', ' per cent']]);
  assert.deepEqual(on('style.percent', 'Five percent stayed home; forty six percent voted. 5% rose and 6% fell.'), []);
  assert.deepEqual(on('style.percent', '“Turnout rose five percent,” she said.'), []);
});

test('preset substitutions: former place names and AP word choices, not inside proper names; british keeps towards', () => {
  const subs = (text: string, style = ap) => on('style.substitution', text, style);
  assert.deepEqual(subs('He flew to Calcutta and walked towards Rangoon; it was alright.'), [['Calcutta', 'Kolkata'], ['towards', 'toward'], ['Rangoon', 'Yangon'], ['alright', 'all right']]);
  assert.deepEqual(subs('Shares rose on the Bombay Stock Exchange; she studied at Peking University and the Madras High Court ruled.'), []);
  assert.deepEqual(subs('He walked towards the gate afterwards.', british), []);
  assert.deepEqual(subs('He walked toward the gate.', british), [['toward', 'towards']]);
});

test('a formal title in lower case directly before a full name is capitalised; descriptions and quotes are not', () => {
  assert.deepEqual(on('style.title-before-name', 'The bill was signed by president Joe Biden with former prime minister Tony Blair.'), [['president', 'President'], ['prime minister', 'Prime Minister']]);
  for (const text of ['The president said no.', 'Joe Biden, the president, said no.', 'Company president Jane Doe spoke.', 'Former President Barack Obama spoke.', '“Thank you, president Joe Biden,” he said.', 'It went to the president. Joe Biden spoke.'])
    assert.deepEqual(on('style.title-before-name', text), [], text);
});
