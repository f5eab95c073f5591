import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonEnds } from '../../../server/src/engine/document/chunks';
import { PieceText } from '../../../server/src/engine/document/text';
import { seededRandom } from '../../support/random';

const alphabet = ['a', 'b', ' ', '\n', '\r\n', '“', '”', '😀', '<!--', '-->', 'copydesk-'];

test('a text in pieces reads as the string it stands for, through a thousand random edits', () => {
  const rand = seededRandom(17);
  const pick = () => alphabet[Math.floor(rand() * alphabet.length)]!;
  let plain = Array.from({ length: 3000 }, pick).join('');
  let pieces = PieceText.of(plain, 64);
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor(rand() * (plain.length + 1));
    const end = Math.min(plain.length, start + (rand() < 0.3 ? Math.floor(rand() * 300) : 0));
    const insert = Array.from({ length: Math.floor(rand() * 4) }, pick).join('');
    plain = plain.slice(0, start) + insert + plain.slice(end);
    pieces = pieces.edit(start, end, insert, 64);
    assert.equal(pieces.length, plain.length);
    for (let k = 0; k < 5; k++) {
      const a = Math.floor(rand() * (plain.length + 2)) - 1;
      const b = a + Math.floor(rand() * 200) - 20;
      assert.equal(pieces.slice(a, b), plain.slice(a, b), `slice(${a}, ${b})`);
      assert.ok(Object.is(pieces.charCodeAt(a), plain.charCodeAt(a)), `charCodeAt(${a})`);
      const needle = pick() + (rand() < 0.5 ? pick() : '');
      assert.equal(pieces.indexOf(needle, a), plain.indexOf(needle, a), `indexOf(${JSON.stringify(needle)}, ${a})`);
    }
    assert.ok(pieces.pieces.every((p) => p.length > 0 && p.length <= 128 + 4), 'pieces stay near their target size');
  }
  assert.equal(pieces.toString(), plain);
  assert.equal(pieces.includes('copydesk-'), plain.includes('copydesk-'));
});

test('a needle that runs across a piece boundary is found where the string has it', () => {
  const text = new PieceText(['ab<!', '-', '-x', 'yz']);
  assert.equal(text.indexOf('<!--'), 2);
  assert.equal(text.indexOf('-x'), 5);
  assert.equal(text.indexOf('!--x', 1), 3);
  assert.equal(text.indexOf('zz'), -1);
  assert.equal(text.slice(1, 8), 'b<!--xy');
  assert.equal(text.slice(-3), 'xyz');
});

test('an edit keeps the untouched pieces as they were and makes no piece of a long text larger than twice its target', () => {
  const text = PieceText.of('x'.repeat(100_000));
  const edited = text.edit(50_000, 50_001, '“');
  const kept = edited.pieces.filter((p) => text.pieces.includes(p)).length;
  assert.ok(kept >= text.pieces.length - 2, `${kept} of ${text.pieces.length} pieces shared`);
  assert.ok(edited.pieces.every((p) => p.length <= 2 * 8192));
  assert.equal(edited.slice(49_999, 50_002), 'x“x');
});

test('where an edit fell is worked out from the pieces: an unchanged head and tail as long together as the strings give', () => {
  const rand = seededRandom(23);
  const pick = () => alphabet[Math.floor(rand() * alphabet.length)]!;
  let plain = Array.from({ length: 2000 }, pick).join('');
  let pieces = PieceText.of(plain, 64);
  for (let i = 0; i < 500; i++) {
    const start = Math.floor(rand() * (plain.length + 1));
    const end = Math.min(plain.length, start + (rand() < 0.3 ? Math.floor(rand() * 200) : 0));
    // Sometimes the edit puts back what was there: the two versions are equal in part or in whole.
    const insert = rand() < 0.2 ? plain.slice(start, end) : Array.from({ length: Math.floor(rand() * 3) }, pick).join('');
    const next = plain.slice(0, start) + insert + plain.slice(end);
    const nextPieces = pieces.edit(start, end, insert, 64);
    const { head, tail } = commonEnds(pieces, nextPieces);
    const strings = commonEnds(plain, next);
    assert.ok(head + tail <= Math.min(plain.length, next.length), `edit ${i}: head and tail overlap`);
    assert.equal(plain.slice(0, head), next.slice(0, head), `edit ${i}: the head is unchanged`);
    assert.equal(plain.slice(plain.length - tail), next.slice(next.length - tail), `edit ${i}: the tail is unchanged`);
    // When the edit ends where the text's shorter version ends in the middle, the split between head and
    // tail may differ from the strings' (which take the longest head first); the unchanged total may not.
    assert.equal(head + tail, strings.head + strings.tail, `edit ${i}`);
    plain = next;
    pieces = nextPieces;
  }
});
