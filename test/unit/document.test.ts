import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../server/src/engine/runner';
import { TokenFlag } from '../../server/src/engine/document/tokens';

const proseOf = (text: string, lang = 'markdown') => buildModel(text, lang).blocks.map((b) => [b.kind, b.prose]);

test('markdown blocks keep source offsets while markup is masked', () => {
  const text = '# Talks in **Istanbul**\n\nThe `code` and [a link](https://x.y/z) stay out.\n';
  const model = buildModel(text, 'markdown');
  assert.equal(model.blocks.length, 2);
  for (const b of model.blocks) assert.equal(b.prose.length, b.end - b.start);
  assert.equal(model.blocks[0]!.kind, 'heading');
  assert.match(model.blocks[0]!.prose, /^Talks in {3}Istanbul$/);
  assert.ok(!model.blocks[1]!.prose.includes('code'));
  assert.ok(!model.blocks[1]!.prose.includes('https'));
  assert.ok(model.blocks[1]!.prose.includes('a link'));
});

test('code blocks, HTML comments and front matter are not prose', () => {
  const text = '---\ntitle: Kiev\n---\n\n```\nKiev\n```\n\n<!-- Kiev -->\n\nReal text.\n';
  assert.deepEqual(proseOf(text), [['paragraph', 'Real text.']]);
});

test('list items and block quotes are blocks of their own kind', () => {
  const kinds = proseOf('- first item\n- second item\n\n> quoted line\n').map((x) => x[0]);
  assert.deepEqual(kinds, ['list-item', 'list-item', 'blockquote']);
  assert.deepEqual(proseOf('- first item\n').map((x) => (x[1] as string).trim()), ['first item']);
});

test('plain text paragraphs are split at blank lines with CRLF and lone CR', () => {
  const model = buildModel('One line.\r\nSame para.\r\n\r\nSecond.\r\rThird.', 'plaintext');
  assert.deepEqual(model.blocks.map((b) => b.prose), ['One line.\r\nSame para.', 'Second.', 'Third.']);
});

test('sentences split at terminal marks but not after titles and initials', () => {
  const b = buildModel('Gen. Smith met George W. Bush in the U.S. capital. He left. "Go," she said.', 'plaintext').blocks[0]!;
  assert.deepEqual(b.sentences.map((s) => b.prose.slice(s.start, s.end)), [
    'Gen. Smith met George W. Bush in the U.S. capital.',
    'He left.',
    '"Go," she said.',
  ]);
});

test('tokens inside direct quotes are marked, apostrophes are not quotes', () => {
  const b = buildModel("Russia's envoy said \u201Cwe agreed\u201D on Friday.", 'plaintext').blocks[0]!;
  const quoted: string[] = [];
  for (let i = 0; i < b.tokens.count; i++) if (b.tokens.flags[i]! & TokenFlag.InQuote) quoted.push(b.prose.slice(b.tokens.start[i], b.tokens.end[i]));
  assert.deepEqual(quoted, ['we', 'agreed']);
  assert.equal(b.quotes.spans.length, 1);
});

test('unclosed quotes run to the end of their block', () => {
  const b = buildModel('"Pressure must rise. Ukraine is ready.', 'plaintext').blocks[0]!;
  assert.equal(b.quotes.spans.length, 1);
  assert.equal(b.quotes.spans[0]!.close, -1);
  assert.equal(b.quotes.spans[0]!.end, b.prose.length);
});

test('a period followed by a comma does not end the sentence (Paul Ryan, R-Wis., said)', () => {
  const b = buildModel('House Speaker Paul Ryan, R-Wis., said the vote would wait. Then he left.', 'plaintext').blocks[0]!;
  assert.equal(b.sentences.length, 2);
});
