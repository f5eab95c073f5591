import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProse, type Block } from '../../../server/src/engine/document/model';
import { blockMentions } from '../../../server/src/engine/names/mentions';
import { capitalisedWords } from '../../../server/src/engine/names/words';

function block(prose: string, index = 0): Block {
  return { kind: 'paragraph', start: 0, end: prose.length, prose, index, ...analyzeProse(prose) };
}

/** Each mention as text, with its neighbours and flags in a compact form. */
function mentions(prose: string): string[] {
  return blockMentions(block(prose)).map((m) => {
    const flags = [m.initial && 'initial', m.upper && 'upper', m.title && 'title', m.quoted && 'quoted'].filter(Boolean).join(',');
    const prev = m.prev ? `${m.prev2 ? `${m.prev2}@${m.prev2Start} ` : ''}${m.prev}@${m.prevStart} > ` : '';
    return `${prev}${m.text}@${m.start}-${m.end}${m.next ? ` < ${m.next}` : ''}${flags ? ` [${flags}]` : ''}`;
  });
}

test('capitalised words: sliced once, possessive endings off', () => {
  const cw = capitalisedWords(block('Osama bin Laden’s son met NATO and the EU’s envoy.'));
  assert.deepEqual(cw.raw, ['Osama', 'Laden’s', 'NATO', 'EU’s']);
  assert.deepEqual(cw.word, ['Osama', 'Laden', 'NATO', 'EU']);
  assert.deepEqual(cw.tok, [0, 2, 5, 8]);
});

test('mentions: given names before, surnames and particles after, possessives and titles', () => {
  assert.deepEqual(mentions('Osama bin Laden’s son met Zaw Min Htet.'), [
    'Osama@0-5 < bin [initial]',
    'Laden@10-15',
    'Zaw@26-29 < Min',
    'Zaw@26 > Min@30-33 < Htet',
    'Zaw@26 Min@30 > Htet@34-38',
  ]);
  // A title or nationality (Turkish, Minister; and Hakan, by its ending) is not a given name.
  assert.deepEqual(mentions('Turkish Foreign Minister Hakan Fidan spoke. But Fidan left.'), [
    'Turkish@0-7 < Foreign [initial]',
    'Foreign@8-15 < Minister',
    'Minister@16-24 < Hakan',
    'Hakan@25-30 < Fidan',
    'Fidan@31-36',
    'Fidan@48-53',
  ]);
});

test('mentions: acronyms, datelines in capitals, contractions, digits and overlong words', () => {
  assert.deepEqual(mentions('ISTANBUL — NATO met. I’m sure O’Brien’s G7 team won.'), [
    'Istanbul@0-8 [initial,upper]',
    'O’Brien@30-37 < G7',
  ]);
  assert.deepEqual(mentions(`Mr ${'A'.repeat(41)} and ${'Zyx'.repeat(14)} and Ÿvonne ÉCOLE met.`), [
    'Ÿvonne@96-102 < ÉCOLE',
    'Ÿvonne@96 > École@103-108 [upper]',
  ]);
});

test('mentions: quoted titles of works, quoted speech, sentence starts', () => {
  assert.deepEqual(mentions('She read “Sizwe Banzi Is Dead” and said “Whitcombe knew Dana Smith was right.”'), [
    'Sizwe@10-15 < Banzi [title,quoted]',
    'Sizwe@10 > Banzi@16-21 < Is [title,quoted]',
    'Is@22 > Dead@25-29 [title,quoted]',
    'Whitcombe@41-50 [quoted]',
    'Dana@56-60 < Smith [quoted]',
    'Dana@56 > Smith@61-66 [quoted]',
  ]);
  assert.deepEqual(mentions('Later Witcombe left. Whitcombe stayed.'), [
    'Witcombe@6-14',
    'Whitcombe@21-30 [initial]',
  ]);
});

test('mentions are worked out once per block and shared', () => {
  const b = block('Dana Whitcombe spoke.', 3);
  assert.equal(blockMentions(b), blockMentions(b));
  assert.equal(capitalisedWords(b), capitalisedWords(b));
  // Another block in the same slot (or the same text analysed again) is worked out afresh.
  const other = block('Dana Whitcombe spoke.', 3 + 256);
  assert.notEqual(blockMentions(other), blockMentions(b));
  assert.deepEqual(blockMentions(other), blockMentions(b));
});
