import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blocksOf, commonEnds } from '../../server/src/engine/document/chunks';
import { parseChunk, scanMarkdown, scanMarkdownBlocks } from '../../server/src/engine/document/markdown';
import { scanPlain, scanPlainBlocks } from '../../server/src/engine/document/model';

const lines = ['Para text with Kiev.', '', '', '# Heading', 'Heading', '===', '- item one', '- item two', '  continued', '1. first', '> quoted', '>', '> more',
  '```', '```js', '~~~', '    indented code', '<!-- comment', 'still comment -->', '<!-- one line -->', '| a | b |', '|---|---|', '| c | d |',
  '***', 'Text after', '  lazy', '\tTabbed', '* star item', '[ref]: http://x.y', 'Setext two', '---'];

test('chunked Markdown parsing gives exactly the blocks of a whole-document parse', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (ls, eol) => {
    const text = ls.join(eol);
    // Front matter is handled before chunking; keep the property about the chunker.
    if (/^\s*---/.test(text)) return;
    assert.deepEqual(scanMarkdownBlocks(text), parseChunk(text));
  }), { numRuns: 2000 });
});

test('a session cache reuses unchanged chunks and still sees the edit', () => {
  const cache = new Map();
  const a = 'One para.\n\nTwo para.\n\nThree para.\n';
  scanMarkdownBlocks(a, cache);
  assert.equal(cache.size, 3);
  const b = a.replace('Two', 'Too');
  const blocks = scanMarkdownBlocks(b, cache);
  assert.equal(cache.size, 4);
  assert.deepEqual(blocks.map((x) => x.prose), ['One para.', 'Too para.', 'Three para.']);
});

test('after any edit, a scan that reuses the previous scan gives exactly the blocks of a fresh scan', () => {
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...lines), { maxLength: 30 }),
    fc.array(fc.constantFrom(...lines), { maxLength: 4 }),
    fc.nat(), fc.nat(8), fc.constantFrom('\n', '\r\n'),
    (ls, inserted, where, removed, eol) => {
      const before = ls.join(eol);
      const at = before.length ? where % (before.length + 1) : 0;
      const piece = inserted.length ? inserted.join(eol) + (where % 2 ? eol : '') : '';
      const after = before.slice(0, at) + piece + before.slice(Math.min(before.length, at + removed));
      const previous = scanMarkdown(before);
      const incremental = blocksOf(scanMarkdown(after, undefined, previous, commonEnds(before, after)));
      assert.deepEqual(incremental, scanMarkdownBlocks(after));
    }), { numRuns: 3000 });
});

test('the unchanged head and tail of an edit are measured exactly, long texts included', () => {
  const base = 'abcdefghij'.repeat(500);
  for (const at of [0, 1, 63, 64, 65, 1000, 4999, 5000]) {
    const after = base.slice(0, at) + 'X' + base.slice(at);
    const { head, tail } = commonEnds(base, after);
    assert.equal(head + tail, base.length, `at ${at}`);
    assert.equal(after.slice(0, head), base.slice(0, head));
    assert.equal(after.slice(after.length - tail), base.slice(base.length - tail));
  }
  assert.deepEqual(commonEnds('same', 'same'), { head: 4, tail: 0 });
  assert.deepEqual(commonEnds('', 'new'), { head: 0, tail: 0 });
});

test('plain text too: after any edit, reusing the previous scan gives exactly the paragraphs of a fresh scan', () => {
  const plain = ['Para text with Kiev.', '', ' ', '\t', '\uFEFF', 'Second line <!-- note', 'end -->', '  indented', 'A <b>tag</b> and http://x.y/z', '\u00A0nbsp'];
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...plain), { maxLength: 30 }),
    fc.array(fc.constantFrom(...plain), { maxLength: 4 }),
    fc.nat(), fc.nat(8), fc.constantFrom('\n', '\r\n', '\r'),
    (ls, inserted, where, removed, eol) => {
      const before = ls.join(eol);
      const at = before.length ? where % (before.length + 1) : 0;
      const piece = inserted.length ? inserted.join(eol) + (where % 2 ? eol : '') : '';
      const after = before.slice(0, at) + piece + before.slice(Math.min(before.length, at + removed));
      const incremental = blocksOf(scanPlain(after, scanPlain(before), commonEnds(before, after)));
      assert.deepEqual(incremental, scanPlainBlocks(after));
    }), { numRuns: 3000 });
});
