import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze, Session } from '../../server/src/engine/index';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// A story of ~70,000 characters with curly quotes (a two-byte string of ~140 KB): every version of it the
// session kept alive would show as that much more heap.
function story(): string {
  const out: string[] = [];
  for (let i = 0; i < 400; i++) out.push(`“We will keep talking,” Dana Whitcombe said on day ${i}, as the council met again in the old chamber.`);
  return out.join('\n\n');
}

for (const languageId of ['plaintext', 'markdown']) {
  test(`an editor session on ${languageId} keeps no earlier version of the text alive`, () => {
    let text = story();
    const session = new Session();
    const edit = (i: number) => {
      const at = (i * 7919) % text.length;
      text = text.slice(0, at) + 'e' + text.slice(at);
      analyze(text, { languageId, session });
    };
    for (let i = 0; i < 50; i++) edit(i);
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 50; i < 150; i++) edit(i);
    gc();
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 100 versions of the text alone would be 14 MB; what the cache keeps of 100 edited paragraphs is far less.
    assert.ok(grown < 4 * 2 ** 20, `heap grew by ${(grown / 2 ** 20).toFixed(1)} MB over 100 edits`);
  });
}
