import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isKnownWord, loadDictionary, spellingSource } from '../../../server/src/engine/spelling/dictionary';

// The prebuilt table answers for words with no capital first and no digit in nspell's place: checked
// here against nspell itself, on the dictionary's own forms, on one-edit neighbours of them (most no words
// at all), with typographic apostrophes (which the dictionary's ICONV rule reads as straight ones), accents
// and capitals inside (eBay, iPhone, mRNA).
for (const locale of ['en-US', 'en-GB'] as const) {
  test(`${locale}: the prebuilt spelling table gives nspell's verdict on every word it answers for`, async () => {
    await loadDictionary(locale);
    assert.equal(spellingSource(locale), 'table', 'npm run build wrote the table and it was loaded');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nspell = require('nspell') as (aff: Buffer, dic: Buffer) => { correct(w: string): boolean; data: Record<string, unknown> };
    const dir = path.join(__dirname, '..', '..', '..', 'server', 'data', 'dict', locale);
    const speller = nspell(fs.readFileSync(path.join(dir, 'index.aff')), fs.readFileSync(path.join(dir, 'index.dic')));
    const forms = Object.keys(speller.data).filter((w) => !/^\p{Lu}|\d/u.test(w));
    let checked = 0;
    let known = 0;
    forms.forEach((w, n) => {
      const tried = [w, 'iphone', 'iPhone', 'iPHONE', 'eBay', 'ebay', 'mRNA', 'pH', 'dB', 'café', 'naïve', "d'Arezzo", 'd’Arezzo'];
      if (n % 23 === 0) {
        for (let i = 0; i <= w.length; i++) tried.push(w.slice(0, i) + 'e' + w.slice(i), w.slice(0, i) + "'" + w.slice(i), w.slice(0, i) + w.slice(i + 1));
        tried.push(w.replace(/'/g, '\u2019'), `${w}’s`, `${w}s`, `${w}é`, w.replace(/[aeiou]/, 'é'), w.slice(0, 1) + w.slice(1).toUpperCase(), w.length > 2 ? w.slice(0, 2) + w[2]!.toUpperCase() + w.slice(3) : w);
      }
      // (A word with a capital first or a digit is nspell's to judge, never the table's.)
      for (const t of tried.filter((x) => !/^\p{Lu}|\d/u.test(x))) {
        const expected = speller.correct(t);
        assert.equal(isKnownWord(locale, t), expected, t);
        checked++;
        if (expected) known++;
      }
    });
    assert.ok(checked > 100_000 && known > 50_000 && checked - known > 20_000, `${checked} words, ${known} known`);
    assert.equal(spellingSource(locale), 'table', 'no word here needed nspell itself');
  });
}
