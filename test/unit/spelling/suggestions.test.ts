import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isKnownWord, loadDictionary, suggestions } from '../../../server/src/engine/spelling/dictionary';

// The suggestion search skips nspell for a-z candidates missing from its table of forms; that is only
// right while such a candidate is never a word to nspell. Checked here on one-edit neighbours of real words.
test('an a-z candidate missing from the dictionary table is never a word to the speller', async () => {
  await loadDictionary('en-US');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nspell = require('nspell') as (aff: Buffer, dic: Buffer) => { correct(w: string): boolean; data: Record<string, unknown> };
  const dir = path.join(__dirname, '..', '..', '..', 'server', 'data', 'dict', 'en-US');
  const speller = nspell(fs.readFileSync(path.join(dir, 'index.aff')), fs.readFileSync(path.join(dir, 'index.dic')));
  const words = Object.keys(speller.data).filter((w) => /^[a-z]{3,}$/.test(w)).filter((_, i) => i % 97 === 0);
  let checked = 0;
  for (const w of words) {
    for (let i = 0; i <= w.length; i++) {
      for (const c of 'aeiostnrd') {
        for (const cand of [w.slice(0, i) + c + w.slice(i), w.slice(0, i) + c + w.slice(i + 1), w.slice(0, i) + w.slice(i + 1)]) {
          if (Object.prototype.hasOwnProperty.call(speller.data, cand)) continue;
          checked++;
          assert.equal(speller.correct(cand), false, cand);
        }
      }
    }
  }
  assert.ok(checked > 10_000);
});

test('suggestions are the known words one keystroke away, best first', async () => {
  await loadDictionary('en-US');
  assert.deepEqual(suggestions('en-US', 'goverment', 3), ['government']);
  assert.ok(suggestions('en-US', 'recieve', 3).includes('receive'));
  assert.deepEqual(suggestions('en-US', 'qzxwvt', 3), []);
  for (const s of suggestions('en-US', 'woerld', 3)) assert.ok(isKnownWord('en-US', s), s);
});

test('a word with digits (a handle, a model name) is not a spelling finding; a typo next to it is', async () => {
  const { analyze, prepare, defaultStyle } = await import('../../../server/src/engine/index');
  const style = defaultStyle();
  await prepare(style);
  const text = 'Follow pmorici1 for the mp3s and the covid19 numbrs.';
  const flagged = analyze(text, { style }).findings.filter((f) => f.rule === 'spelling.unknown').map((f) => text.slice(f.start, f.end));
  assert.deepEqual(flagged, ['numbrs']);
});
