import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addIgnore, addName, addWord } from '../../server/src/engine/style/edit';
import { loadStyleText } from '../../server/src/engine/index';

const apply = (src: string, e: { start: number; end: number; text: string } | null) => (e ? src.slice(0, e.start) + e.text + src.slice(e.end) : src);

const house = `# Our house style
extends: default
names:
  # ministers
  - name: Hakan Fidan
    note: Turkish foreign minister
words: [Dolmabahçe] # accepted
`;

test('adding an ignore entry keeps comments and the rest of the file', () => {
  const out = apply(house, addIgnore(house, 'names.listed-variant', 'Kiev'));
  assert.match(out, /^# Our house style/);
  assert.match(out, /# ministers/);
  assert.match(out, /# accepted/);
  const style = loadStyleText(out).style!;
  assert.deepEqual(style.config.ignore, [{ rule: 'names.listed-variant', text: 'Kiev' }]);
});

test('adding the same ignore entry twice changes nothing', () => {
  const once = apply(house, addIgnore(house, 'style.placeholder', 'TK'));
  assert.equal(addIgnore(once, 'style.placeholder', 'TK'), null);
});

test('a name and a word are added to their lists', () => {
  const withName = apply(house, addName(house, 'Rustem Umerov'));
  const withWord = apply(withName, addWord(withName, 'Tirana'));
  const style = loadStyleText(withWord).style!;
  assert.ok(style.config.names.some((n) => n.name === 'Rustem Umerov'));
  assert.ok(style.config.words.includes('Tirana') && style.config.words.includes('Dolmabahçe'));
  assert.match(withWord, /# ministers/);
});

test('an empty file becomes a valid style with the entry', () => {
  const out = apply('', addName('', 'Kaja Kallas'));
  assert.ok(loadStyleText(out).style!.config.names.some((n) => n.name === 'Kaja Kallas'));
});

test('a broken file is not rewritten', () => {
  assert.throws(() => addWord('words: [a\n', 'b'), /has errors/);
});

test('a key with nothing under it but comments is treated as an empty list', () => {
  const src = 'extends: default\nnames:\n  # - name: Hakan Fidan\nwords:\n';
  const out = apply(src, addName(src, 'Kaja Kallas'));
  assert.ok(loadStyleText(out).style!.config.names.some((n) => n.name === 'Kaja Kallas'));
  const out2 = apply(out, addWord(out, 'Tirana'));
  assert.ok(loadStyleText(out2).style!.config.words.includes('Tirana'));
});
