// names.archive keeps the story's forms between runs of an editor session: each step edits the story and
// asks that the session's result equal a fresh check's, and that the findings are the expected ones.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { archiveForStyle } from '../../../server/src/archive/index';
import { analyze, loadStyleText, Session } from '../../../server/src/engine/index';
import { withArchive } from '../../../server/src/engine/style/compile';

const styleFile = path.join(__dirname, '..', '..', 'fixtures', 'names-archive', 'copydesk.yaml');
const loaded = loadStyleText(fs.readFileSync(styleFile, 'utf8'), styleFile).style!;
const style = withArchive(loaded, archiveForStyle(loaded.config, styleFile));
const filler = 'The council met on Monday and talked about the budget for the coming year.';
const story = (...paragraphs: string[]) => paragraphs.join('\n\n');

function step(session: Session, text: string): string[][] {
  const live = analyze(text, { languageId: 'plaintext', style, session });
  const fresh = analyze(text, { languageId: 'plaintext', style });
  assert.deepEqual(live, fresh, 'the session agrees with a fresh check');
  return live.findings.filter((f) => f.rule === 'names.archive').map((f) => [text.slice(f.start, f.end), f.fixes[0]!.text]);
}

test('a rare spelling typed into the story is flagged, and no longer once it is corrected', () => {
  const session = new Session();
  const text = story('Defense Minister Teodor Vasilescu arrived on Monday.', filler, 'Vasilescu left.');
  assert.deepEqual(step(session, text), []);
  const typo = text.replace('Teodor Vasilescu', 'Teodor Vasilesco');
  assert.deepEqual(step(session, typo), [['Vasilesco', 'Vasilescu']]);
  assert.deepEqual(step(session, `${filler}\n\n${typo}`), [['Vasilesco', 'Vasilescu']], 'moved down a paragraph');
  assert.deepEqual(step(session, text), []);
});

test('the archive form used in the story with another given name, then the same one', () => {
  const session = new Session();
  const text = story('Teodor Vasilesco arrived on Monday.', filler, 'Later Paul Vasilescu left.');
  assert.deepEqual(step(session, text), [], 'Paul Vasilescu is someone else: two people');
  // Only the other paragraph changes: the rare form's own mentions are as they were.
  assert.deepEqual(step(session, text.replace('Paul Vasilescu', 'Teodor Vasilescu')), [['Vasilesco', 'Vasilescu']]);
  assert.deepEqual(step(session, text), []);
});

test('findings follow the order of the forms’ first mentions when paragraphs change places', () => {
  const session = new Session();
  const a = 'Defense Minister Teodor Vasilesco arrived.';
  const b = 'Councilwoman Dana Witcombe spoke.';
  assert.deepEqual(step(session, story(a, filler, b)), [['Vasilesco', 'Vasilescu'], ['Witcombe', 'Whitcombe']]);
  assert.deepEqual(step(session, story(b, filler, a)), [['Witcombe', 'Whitcombe'], ['Vasilesco', 'Vasilescu']]);
  assert.deepEqual(step(session, story(b, a, b)), [['Witcombe', 'Whitcombe'], ['Vasilesco', 'Vasilescu'], ['Witcombe', 'Whitcombe']]);
});
