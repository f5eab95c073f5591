import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, check, loadStyleText, preferredFixes } from '../../../server/src/engine/index';
import { editDistance, foldName, similarNames } from '../../../server/src/engine/names/similarity';

const names = (text: string, style = loadStyleText('extends: default\n').style!) =>
  check(text, { style }).filter((f) => f.rule.startsWith('names.')).map((f) => [f.rule, text.slice(f.start, f.end), f.fixes[0]?.text]);

test('transliteration folding brings variants of one name together', () => {
  assert.equal(foldName('Zelenskyy'), foldName('Zelensky'));
  assert.equal(foldName('Ferrándiz'), foldName('Ferrandiz'));
  assert.equal(foldName('Kharkov').length, 6);
  assert.equal(editDistance('kowalcyzk', 'kowalczyk', 2), 1, 'a transposition is one edit');
  assert.ok(similarNames('Witcombe', 'Whitcombe'));
  assert.ok(!similarNames('Wei', 'Wen'), 'short names one letter apart are different names');
});

test('a listed name with an unlisted typo is corrected to the canonical form, given name included', () => {
  assert.deepEqual(names('Turkish Foreign Minister Hakan Fiden opened the talks.'), [['names.misspelled', 'Hakan Fiden', 'Hakan Fidan']]);
  assert.deepEqual(names('IMF chief Kristalina Georgiva said growth would slow.'), [['names.misspelled', 'Kristalina Georgiva', 'Kristalina Georgieva']]);
});

test('a surname alone is corrected when the story names that person, or the house lists the name', () => {
  assert.deepEqual(names('Kaja Kallas arrived. Later Kalas said no.'), [['names.misspelled', 'Kalas', 'Kallas']]);
  assert.deepEqual(names('Later Kalas said no.'), [], 'a built-in name not in the story: Kalas may be someone else');
  const house = loadStyleText('names:\n  - name: Dana Whitcombe\n').style!;
  assert.deepEqual(names('Later Witcombe said no.', house), [['names.misspelled', 'Witcombe', 'Whitcombe']]);
});

test('a surname after another given name is someone else', () => {
  assert.deepEqual(names('Marco Rubio spoke. The state director, Mike Rubino, reached out.'), []);
});

test('a plural of a listed name is not a misspelling', () => {
  const style = loadStyleText('names:\n  - name: Houthi\n').style!;
  assert.deepEqual(names('The Houthis fired missiles.', style), []);
});

test('the same name spelled two ways in one story: the minority form gets the majority form', () => {
  const text = 'Dana Whitcombe chairs the committee. Whitcombe said no. Witcombe said the vote would wait. Whitcombe left.';
  const found = check(text).filter((f) => f.rule === 'names.inconsistent');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), 'Witcombe');
  assert.equal(found[0]!.fixes[0]!.text, 'Whitcombe');
  assert.equal(found[0]!.related!.length, 3, 'the other spellings are related locations');
});

test('the fix covers the given names both forms share', () => {
  assert.deepEqual(names('Zhou Minghui spoke. Zhou Minghui left. Zhou Minhui returned.'), [['names.inconsistent', 'Zhou Minhui', 'Zhou Minghui']]);
});

test('when the story mostly uses a spelling the house lists as a variant, the other spelling gets the house form', () => {
  // The built-in list gives Zelenskiy as a variant of Volodymyr Zelensky: fixing ZelenskyXX to it would need
  // a second fix.
  const style = loadStyleText('extends: default\n').style!;
  const text = 'Zelenskiy spoke first. Zelenskiy left. ZelenskyXX came back.';
  const found = check(text, { style }).filter((f) => f.rule === 'names.inconsistent');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), 'ZelenskyXX');
  assert.equal(found[0]!.fixes[0]!.text, 'Zelensky');
  assert.match(found[0]!.message, /spelled “Zelenskiy” elsewhere in this story \(2 times\), which the house style writes “Zelensky”\./);
  // Fix-all settles in one pass: what is left after it has nothing more to fix.
  const once = applyFixes(text, preferredFixes(check(text, { style })));
  assert.equal(once, 'Zelensky spoke first. Zelensky left. Zelensky came back.');
  assert.deepEqual(preferredFixes(check(once, { style })).filter((f) => f.text !== 'Volodymyr Zelensky'), []);
});

test('a fuzz case: two spellings of a listed name on two lines settle in two passes of fix-all', () => {
  const text = 'Zelenskiy\r\nZelenskyXX';
  const once = applyFixes(text, preferredFixes(check(text)));
  const twice = applyFixes(once, preferredFixes(check(once)));
  assert.equal(applyFixes(twice, preferredFixes(check(twice))), twice);
});

test('accented and plain spellings of one name are inconsistent', () => {
  assert.deepEqual(names('Ana Ferrándiz spoke. Ferrándiz left. Ferrandiz came back.'), [['names.inconsistent', 'Ferrandiz', 'Ferrándiz']]);
});

test('different people and places with similar names are not flagged', () => {
  assert.deepEqual(names('Paul Johnston spoke. Eric Johnson replied. Johnston left, Johnson stayed.'), []);
  assert.deepEqual(names('Li Wei spoke. Li Wei left. Li Wen stayed.'), []);
  assert.deepEqual(names('Hamad al-Otaibi spoke. Hamid Rahimi listened. Hamad left.'), []);
  assert.deepEqual(names('Austria and Australia signed. Austria left.'), []);
  assert.deepEqual(names('Mali and Bali were named. Mali voted.'), []);
  assert.deepEqual(names('Barack Obama spoke about Osama bin Laden. Obama left.'), []);
});

test('names inside a quoted title of a work are left alone', () => {
  assert.deepEqual(names('Mr. Banda toured in “Sizwe Banzi Is Dead” with Banda’s troupe. Banda left. Banda stayed.'), []);
});

test('sentence-initial ordinary words and contractions are not names', () => {
  assert.deepEqual(names('Defense was weak. The defense minister spoke. I’m here. I\'m there.'), []);
});

test('homonyms of variants are not flagged: Dynamo Kiev, Prince Lvov, Odessa, Texas', () => {
  assert.deepEqual(names('Dynamo Kiev won. Prince Lvov led the government. She grew up in Odessa, Texas.'), []);
  assert.deepEqual(names('Officials in Kiev and Lvov met.').map((x) => x[2]), ['Kyiv', 'Lviv']);
});

test('a listed multi-word variant with a possessive is matched without the possessive', () => {
  const style = loadStyleText('names:\n  - name: Mohammed bin Salman\n    variants: [Mohammad bin Salman]\n').style!;
  assert.deepEqual(names("Mohammad bin Salman's plan was new.", style), [['names.listed-variant', 'Mohammad bin Salman', 'Mohammed bin Salman']]);
});

test('a listed person first mentioned by surname alone gets the full name; later surnames are fine', () => {
  assert.deepEqual(names('Fidan opened the talks. Later Hakan Fidan left. Fidan returned.').filter((x) => x[0] === 'names.reference'), [['names.reference', 'Fidan', 'Hakan Fidan']]);
  assert.deepEqual(names('Turkish Foreign Minister Hakan Fidan opened the talks. Fidan left.').filter((x) => x[0] === 'names.reference'), []);
  assert.deepEqual(names('Kim Davis spoke first. Trump Tower was closed.').filter((x) => x[0] === 'names.reference'), []);
});
