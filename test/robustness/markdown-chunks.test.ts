import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseChunk, scanMarkdownBlocks } from '../../server/src/engine/document/markdown';

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
