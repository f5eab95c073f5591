// The checks of listed names in an editor session (names.reference keeps where each person is met between
// runs): each step edits the story and asks that the session's result equal a fresh check's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, Session } from '../../../server/src/engine/index';

const filler = 'The council met on Monday and talked about the budget for the coming year.';
const story = (...paragraphs: string[]) => paragraphs.join('\n\n');

function step(session: Session, text: string, rule: string): string[] {
  const live = analyze(text, { languageId: 'plaintext', session });
  const fresh = analyze(text, { languageId: 'plaintext' });
  assert.deepEqual(live, fresh, 'the session agrees with a fresh check');
  return live.findings.filter((f) => f.rule === rule).map((f) => `${text.slice(f.start, f.end)}@${f.start}`);
}

test('a first reference by surname alone, until the paragraph with the full name moves above it', () => {
  const session = new Session();
  const surname = 'Fidan opened the talks.';
  const full = 'Turkish Foreign Minister Hakan Fidan spoke.';
  let text = story(filler, surname, filler, full);
  assert.deepEqual(step(session, text, 'names.reference'), [`Fidan@${text.indexOf(surname)}`]);
  text = story(filler, full, filler, surname);
  assert.deepEqual(step(session, text, 'names.reference'), []);
  text = story(filler, surname.replace('opened', 'closed'), filler, full.replace('Hakan Fidan', 'Fidan'));
  assert.deepEqual(step(session, text, 'names.reference'), [`Fidan@${text.indexOf('Fidan')}`], 'only the first');
  // A one-line headline is skipped; grown into a paragraph, it is read.
  text = story('Fidan meets envoys', full);
  assert.deepEqual(step(session, text, 'names.reference'), []);
  text = story(`Fidan meets envoys ${filler} ${filler}`, full);
  assert.deepEqual(step(session, text, 'names.reference'), ['Fidan@0']);
});

test('a surname near miss is reported while the story names the person elsewhere', () => {
  const session = new Session();
  const miss = 'Later Kalas said no.';
  let text = story(filler, miss);
  assert.deepEqual(step(session, text, 'names.misspelled'), [], 'a built-in name the story does not name');
  text = story('Kaja Kallas arrived.', filler, miss);
  assert.deepEqual(step(session, text, 'names.misspelled'), [`Kalas@${text.indexOf('Kalas')}`]);
  text = story('Kaja Kallas arrived.', miss, filler, miss.replace('no', 'yes'));
  assert.deepEqual(step(session, text, 'names.misspelled'), [`Kalas@${text.indexOf('Kalas')}`, `Kalas@${text.lastIndexOf('Kalas')}`]);
  text = story('The prime minister arrived.', miss, filler, miss.replace('no', 'yes'));
  assert.deepEqual(step(session, text, 'names.misspelled'), [], 'the person named nowhere now');
});

test('a surname near miss follows the count of paragraphs that name the person, and its paragraph as it moves', () => {
  const session = new Session();
  const miss = 'Later Kalas said no.';
  const named = 'Kaja Kallas arrived.';
  let text = story(named, filler, named.replace('arrived', 'left'), miss, miss);
  assert.deepEqual(step(session, text, 'names.misspelled'), [`Kalas@${text.indexOf('Kalas')}`, `Kalas@${text.lastIndexOf('Kalas')}`], 'the same paragraph twice: two findings');
  text = story(filler, filler, named.replace('arrived', 'left'), miss, miss);
  assert.equal(step(session, text, 'names.misspelled').length, 2, 'one of the two paragraphs naming her is left');
  text = story(`${filler} More words.`, filler, named.replace('arrived', 'left'), miss, miss);
  assert.deepEqual(step(session, text, 'names.misspelled'), [`Kalas@${text.indexOf('Kalas')}`, `Kalas@${text.lastIndexOf('Kalas')}`], 'moved with their paragraphs');
  text = story(`${filler} More words.`, filler, filler, miss, miss);
  assert.deepEqual(step(session, text, 'names.misspelled'), [], 'the last paragraph naming her is gone');
  text = story(`${filler} More words.`, filler, named, miss, miss);
  assert.equal(step(session, text, 'names.misspelled').length, 2, 'named again');
});
