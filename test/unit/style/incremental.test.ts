import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedSpan, MarkedBlocks } from '../../../server/src/engine/document/changed-blocks';
import { flagged, typedInOneSession } from './sessions';

test('the changed span is what lies between the common head and tail, compared by position', () => {
  const [a, b, c, d] = [{}, {}, {}, {}];
  assert.deepEqual(changedSpan([a, b, c], [a, d, c]), { from: 1, toBefore: 2, to: 2 });
  assert.deepEqual(changedSpan([a, b, c], [a, b, b, c]), { from: 2, toBefore: 2, to: 3 }, 'a paragraph pasted twice');
  assert.deepEqual(changedSpan([a, a, a], [a, a]), { from: 2, toBefore: 3, to: 2 }, 'one of three identical paragraphs deleted');
  assert.deepEqual(changedSpan([], [a, b]), { from: 0, toBefore: 0, to: 2 });
  assert.deepEqual(changedSpan([a, b], [a, b]), { from: 2, toBefore: 2, to: 2 });
});

test('marked blocks follow insertions and deletions before them', () => {
  const marked = new MarkedBlocks<{ hit: boolean }>((s) => s.hit);
  const [hit, miss, other] = [{ hit: true }, { hit: false }, { hit: true }];
  marked.update([miss, hit, miss, hit]);
  assert.deepEqual(marked.blocks, [1, 3]);
  marked.update([miss, miss, undefined, hit, miss, hit]);
  assert.deepEqual(marked.blocks, [3, 5]);
  marked.update([miss, other, hit, miss]);
  assert.deepEqual(marked.blocks, [1, 2]);
  assert.equal(marked.summaries.length, 4);
});

test('style.consistency in a session: edits that change which form wins, move blocks and repeat paragraphs', () => {
  const one = 'The Defence Ministry agreed.';
  const two = 'German Defense Minister Boris Pistorius spoke.';
  const three = 'The defense committee met.';
  const drafts = [
    [one, two, three].join('\n\n'),
    [one, two, three.replace('defense', 'defence')].join('\n\n'),
    ['A new lead paragraph moves every block.', one, two, three.replace('defense', 'defence')].join('\n\n'),
    ['A new lead paragraph moves every block.', two, three.replace('defense', 'defence')].join('\n\n'),
    ['A new lead paragraph moves every block.', two, two, three.replace('defense', 'defence'), three.replace('defense', 'defence')].join('\n\n'),
    ['A new lead paragraph moves every block.', two, two, three.replace('defense', 'defence')].join('\n\n'),
  ];
  const rule = 'style.consistency';
  const runs = typedInOneSession(drafts);
  const seen = runs.map((r, i) => flagged(drafts[i]!, r, rule));
  assert.deepEqual(seen, [
    [['Defence', 'Defense']],
    [['Defense', 'Defence']],
    [['Defense', 'Defence']],
    [['defence', 'defense']],
    [['defence', 'defense'], ['defence', 'defense']],
    [['defence', 'defense']],
  ]);
  const moved = runs[2]!.findings.find((f) => f.rule === rule)!;
  assert.equal(drafts[2]!.slice(moved.related![0]!.start, moved.related![0]!.end), 'Defence');
});
