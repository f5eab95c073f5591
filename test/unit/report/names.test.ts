import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { buildReport } from '../../../server/src/report/model';
import { nameMentions } from '../../../server/src/report/names';

const report = (text: string) => buildReport([{ path: 'a.md', text, result: analyze(text, { languageId: 'markdown' }) }]).files[0]!;

test('the names table lists every name in the story, not only flagged ones, without titles or nationalities', () => {
  const f = report('Turkish Foreign Minister Hakan Fidan met officials in Istanbul on Friday.\n\nThe US Defense Department said it was watching.\n');
  assert.deepEqual(f.names.map((n) => n.canonical), ['Hakan Fidan', 'Istanbul', 'US Defense Department']);
});

test('a surname on later reference counts under the full name and is not a wrong form', () => {
  const f = report('Council member Dana Whitcombe spoke first.\n\nLater, Whitcombe said the plan would work.\n');
  const dana = f.names.find((n) => n.canonical === 'Dana Whitcombe')!;
  assert.equal(dana.count, 2);
  assert.ok(dana.variants.every((v) => !v.wrong));
});

test('a form a check flags is listed under its canonical name and marked wrong', () => {
  const f = report('Officials in Kiev met.\n\nThe mayor of Kyiv spoke.\n');
  const kyiv = f.names.find((n) => n.canonical === 'Kyiv')!;
  assert.equal(kyiv.count, 2);
  assert.deepEqual(kyiv.variants.map((v) => [v.text, v.wrong]), [['Kiev', true], ['Kyiv', false]]);
});

test('ordinary capitalised sentence openers, weekdays and headlines are not names', () => {
  const f = report('# Budget Vote Looms\n\nResidents were divided on Tuesday. Shipping resumed in March.\n');
  assert.deepEqual(f.names, []);
});

test('the desk list of misspelled names says in how many drafts and where the first one is', () => {
  const t1 = 'Kiev and Kiev.';
  const model = buildReport([{ path: 'a.md', text: t1, result: analyze(t1, { languageId: 'markdown' }) }, { path: 'b.md', text: 'In Kiev.', result: analyze('In Kiev.', { languageId: 'markdown' }) }]);
  const kyiv = model.misspelledNames.find((n) => n.canonical === 'Kyiv')!;
  assert.equal(kyiv.wrong, 3);
  assert.equal(kyiv.files, 2);
  assert.deepEqual([kyiv.first.file, kyiv.first.start, kyiv.first.end], [0, 0, 4]);
});

test('the names scan stays linear on a megabyte of capitalised words and long lines', () => {
  const big = ('Alpha Beta Gamma Delta said. ' + 'Xx'.repeat(50) + ' ').repeat(12000);
  const t0 = performance.now();
  const mentions = nameMentions(big, { findings: [], suppressed: [], failures: [], facts: { quotes: [], names: [], placeholders: [], words: 0, sentences: 0, paragraphs: 1, longestSentence: 0 } });
  const took = performance.now() - t0;
  assert.equal(mentions.length, 12000);
  assert.ok(took < 2000, `took ${took} ms`);
});

test('a source credited with a title and later by surname counts once, by full name', () => {
  const text = '"We have agreed to meet again within two weeks," Ukrainian Defence Minister Rustem Umerov told reporters.\n\n"The talks will go on next week in Istanbul," Umerov said.\n';
  const f = report(text);
  assert.equal(f.quotes.length, 2);
  assert.deepEqual(f.sources, ['Rustem Umerov']);
  assert.deepEqual(f.quotes.map((q) => q.source), ['Rustem Umerov', 'Rustem Umerov']);
});
