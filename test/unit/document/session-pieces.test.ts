import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, PieceText, prepare, Session } from '../../../server/src/engine/index';
import { seededRandom } from '../../support/random';

const examples = path.join(__dirname, '..', '..', '..', 'examples');

// Edits that move what the session keeps: quote marks, paragraph breaks, fences and comments, a disable
// directive, a name spelled two ways, deletions across pieces; and front matter put on top halfway.
const inserts = ['"', '“', '\n\n', 'e', '<!-- copydesk-disable -->', '```\n', '<!--', '-->', 'Fidan ', 'Fiden ', '\r\n'];

for (const [file, languageId] of [['black-sea-grain-talks.md', 'markdown'], ['council-budget-vote.txt', 'plaintext']] as const) {
  test(`an editor session over a ${languageId} text in pieces finds what a fresh check of the same string finds, edit after edit`, async () => {
    await prepare();
    const one = fs.readFileSync(path.join(examples, file), 'utf8');
    let text = [one, one, one].join('\n\n');
    let pieces = PieceText.of(text, 512);
    const session = new Session();
    const rand = seededRandom(languageId === 'markdown' ? 3 : 4);
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(rand() * text.length);
      let start = at;
      let end = at;
      let insert = '';
      if (i % 5 === 3) end = Math.min(text.length, at + 1 + Math.floor(rand() * 700));
      else insert = inserts[Math.floor(rand() * inserts.length)]!;
      if (i === 60 && languageId === 'markdown') [start, end, insert] = [0, 0, '---\ntitle: x\n---\n'];
      text = text.slice(0, start) + insert + text.slice(end);
      pieces = pieces.edit(start, end, insert, 512);
      const kept = analyze(pieces, { languageId, session });
      const fresh = analyze(text, { languageId });
      assert.deepEqual(JSON.parse(JSON.stringify([kept.findings, kept.suppressed, kept.facts])), JSON.parse(JSON.stringify([fresh.findings, fresh.suppressed, fresh.facts])), `after edit ${i}`);
    }
  });
}
