import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MentionStore } from '../../../server/src/engine/names/mention-store';
import type { Mention } from '../../../server/src/engine/names/mentions';

const mention = (text: string, start: number, prev: string | null, next: string | null, upper = false): Mention => ({
  text, start, end: start + text.length, prev, prevStart: prev ? start - prev.length - 1 : -1, prev2: null, prev2Start: -1, next, initial: false, upper, title: false, quoted: false,
});

test('a mention store gives back every mention of a form in story order, across many blocks and slabs', () => {
  const store = new MentionStore();
  const forms = ['Whitcombe', 'Witcombe', 'Fidan', 'Fiden', 'Kyiv'];
  const added = new Map<string, { m: Mention; block: number; index: number }[]>();
  for (let block = 0; block < 700; block++) {
    // Three to five mentions a block: past the first slab's 64 and its full size of 1,024.
    const list: Mention[] = [];
    for (let k = 0; k < 3 + (block % 3); k++) {
      const text = forms[(block * 7 + k) % forms.length]!;
      list.push(mention(text, k * 20 + 6, k % 2 ? 'Dana' : null, block % 4 ? null : 'Jr', block % 9 === 0));
    }
    store.add(list, block);
    list.forEach((m, index) => {
      const seen = added.get(m.text) ?? [];
      seen.push({ m, block, index });
      added.set(m.text, seen);
    });
  }
  assert.deepEqual(store.formTexts(), [...added.keys()], 'forms in order of their first mention');
  for (const text of forms) {
    assert.ok(store.isForm(text));
    assert.deepEqual(store.mentionsOf(text), added.get(text), text);
  }
  assert.ok(!store.isForm('Dana'), 'a neighbour word is not a form');
  assert.deepEqual(store.mentionsOf('Nobody'), []);
});
