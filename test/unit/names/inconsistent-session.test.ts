// names.inconsistent keeps its index of the story between runs of an editor session: each step here edits
// the story and asks that the session's result equal a fresh check's, and that the findings are the expected ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, Session } from '../../../server/src/engine/index';
import { similarForms } from '../../../server/src/engine/names/neighbours';
import { blockOf, StoryForm, StoryForms, type Placed } from '../../../server/src/engine/names/story-forms';

const languageId = 'plaintext';

/** The session's result, checked against a fresh run; then its names.inconsistent findings as [text, fix]. */
function step(session: Session, text: string): string[][] {
  const live = analyze(text, { languageId, session });
  const fresh = analyze(text, { languageId });
  assert.deepEqual(live, fresh, 'the session agrees with a fresh check');
  return live.findings.filter((f) => f.rule === 'names.inconsistent').map((f) => [text.slice(f.start, f.end), f.fixes[0]!.text]);
}

const story = (...paragraphs: string[]) => paragraphs.join('\n\n');
const filler = 'The council met on Monday and talked about the budget for the coming year.';

test('two forms meet when an edit makes one a misspelling of the other, and part when it is undone', () => {
  const session = new Session();
  const a = story('Dana Whitcombe spoke first.', filler, 'Whitcombe said no.', filler, 'Later Whitcomb left.');
  assert.deepEqual(step(session, a), [['Whitcomb', 'Whitcombe']]);
  const b = a.replace('Whitcomb left', 'Whitcombe left');
  assert.deepEqual(step(session, b), [], 'the variant is gone');
  const c = b.replace('Later Whitcombe left', 'Later Witcombe left');
  assert.deepEqual(step(session, c), [['Witcombe', 'Whitcombe']], 'a new variant meets the form it misspells');
  const d = c.replace('Whitcombe said no.', 'Witcombe said no.');
  assert.deepEqual(step(session, d), [['Whitcombe', 'Witcombe']], 'the majority changes sides');
  assert.deepEqual(step(session, c), [['Witcombe', 'Whitcombe']]);
});

test('an edit that changes only the words around a name changes the verdict', () => {
  const session = new Session();
  const text = story('Dana Whitcombe spoke. Whitcombe said no.', filler, 'Later Dana Witcombe left.');
  assert.deepEqual(step(session, text), [['Dana Witcombe', 'Dana Whitcombe']]);
  assert.deepEqual(step(session, text.replace('Dana Witcombe', 'Eric Witcombe')), [], 'another given name: another person');
  assert.deepEqual(step(session, text), [['Dana Witcombe', 'Dana Whitcombe']]);
});

test('a run that leaves out the facts finds the same names, and the session then gives the facts a fresh check gives', () => {
  const session = new Session();
  const text = story('Dana Whitcombe spoke first.', filler, 'Whitcombe said no.', filler, 'Later Witcombe left.');
  const lean = analyze(text, { languageId, session, facts: false });
  const fresh = analyze(text, { languageId });
  assert.deepEqual(lean.findings, fresh.findings);
  assert.deepEqual(lean.facts.names, [], 'no names facts without facts');
  assert.ok(fresh.facts.names.some((n) => n.canonical === 'Whitcombe' && n.count === 3), 'a fresh check has them');
  const edited = text.replace('Later', 'Much later');
  assert.deepEqual(analyze(edited, { languageId, session, facts: false }).findings, analyze(edited, { languageId }).findings, 'and after an edit');
  assert.deepEqual(analyze(edited, { languageId, session }), analyze(edited, { languageId }), 'asked for the facts, the session gives a fresh check’s result');
});

test('without facts, a name used often still points to its first five places', () => {
  const text = story('Dana Whitcombe spoke first.', ...Array.from({ length: 6 }, (_, i) => `Whitcombe said no ${i + 1} times.`), 'Later Witcombe left.');
  const lean = analyze(text, { languageId, session: new Session(), facts: false }).findings.filter((f) => f.rule === 'names.inconsistent');
  const fresh = analyze(text, { languageId }).findings.filter((f) => f.rule === 'names.inconsistent');
  assert.equal(fresh[0]?.related?.length, 5, 'the fresh finding points to five places');
  assert.deepEqual(lean, fresh);
});

test('text typed before the names moves them: findings and facts follow', () => {
  const session = new Session();
  let text = story(filler, 'Dana Whitcombe spoke. Whitcombe said no.', filler, 'Witcombe left.');
  assert.deepEqual(step(session, text), [['Witcombe', 'Whitcombe']]);
  for (const typed of ['A', 'An ', 'An e', '\n\nNew paragraph.']) {
    text = typed + text;
    assert.deepEqual(step(session, text), [['Witcombe', 'Whitcombe']]);
  }
  const facts = analyze(text, { languageId, session }).facts.names.filter((n) => n.canonical === 'Whitcombe');
  assert.equal(facts.length, 1);
  assert.deepEqual(facts[0]!.variants.map((v) => text.slice(v.start, v.end)), ['Whitcombe', 'Whitcombe', 'Witcombe']);
});

test('paragraphs that change places change which form came first and the order of the mentions', () => {
  const session = new Session();
  const early = 'Dana Whitcombe spoke.';
  const middle = 'Whitcombe said no. Anna Kowalczyk spoke. Kowalczyk left.';
  const w = 'Dana Witcombe left.';
  const k = 'Anna Kowalcyzk stayed.';
  const names = (text: string) => analyze(text, { languageId, session }).facts.names.map((n) => `${n.canonical}: ${n.variants.map((v) => text.slice(v.start, v.end)).join(' ')}`);
  let text = story(early, middle, w, k);
  assert.deepEqual(step(session, text), [['Dana Witcombe', 'Dana Whitcombe'], ['Anna Kowalcyzk', 'Anna Kowalczyk']]);
  assert.deepEqual(names(text), ['Whitcombe: Whitcombe Whitcombe Witcombe', 'Kowalczyk: Kowalczyk Kowalczyk Kowalcyzk']);
  // Pairs come in the order of their later forms' first mentions.
  text = story(early, middle, k, w);
  assert.deepEqual(step(session, text), [['Anna Kowalcyzk', 'Anna Kowalczyk'], ['Dana Witcombe', 'Dana Whitcombe']]);
  assert.deepEqual(names(text), ['Kowalczyk: Kowalczyk Kowalczyk Kowalcyzk', 'Whitcombe: Whitcombe Whitcombe Witcombe']);
  // Moved to the top, the variants come first (Whitcombe is now the later form, before Kowalczyk), and
  // the forms spelled the usual way are still kept.
  text = story(k, w, middle, early);
  assert.deepEqual(step(session, text), [['Anna Kowalcyzk', 'Anna Kowalczyk'], ['Dana Witcombe', 'Dana Whitcombe']]);
  assert.deepEqual(names(text), ['Whitcombe: Whitcombe Whitcombe Witcombe', 'Kowalczyk: Kowalczyk Kowalczyk Kowalcyzk']);
  text = story(middle, early, w, k);
  step(session, text);
  assert.deepEqual(names(text), ['Whitcombe: Whitcombe Whitcombe Witcombe', 'Kowalczyk: Kowalczyk Kowalczyk Kowalcyzk']);
});

test('a paragraph written twice counts twice, and once when one copy goes', () => {
  const session = new Session();
  const twice = 'Dana Witcombe said no.';
  const counts = (text: string) => analyze(text, { languageId, session }).facts.names.map((n) => n.count);
  const base = ['Dana Whitcombe spoke. Whitcombe left. Whitcombe came back.', filler];
  const both = [['Dana Witcombe', 'Dana Whitcombe'], ['Dana Witcombe', 'Dana Whitcombe']];
  let text = story(...base, twice, filler, twice);
  assert.deepEqual(step(session, text), both);
  assert.deepEqual(counts(text), [5]);
  text = story(...base, twice, filler);
  assert.deepEqual(step(session, text), [both[0]]);
  assert.deepEqual(counts(text), [4]);
  text = story(...base, filler, twice, twice);
  assert.deepEqual(step(session, text), both);
  text = story(twice, ...base, twice);
  assert.deepEqual(step(session, text), both);
  text = story(twice, ...base, twice, twice);
  assert.deepEqual(step(session, text), [], 'three against three: nothing to choose');
  // Keystrokes that keep the number of paragraphs: a copy edited away, one made again before the other.
  text = story(...base, twice, filler, twice);
  assert.deepEqual(step(session, text), both);
  text = story(...base, 'Dana Witcombe said yes.', filler, twice);
  assert.deepEqual(step(session, text), both);
  text = story(...base, 'Dana Whitcombe said yes.', filler, twice);
  assert.deepEqual(step(session, text), [both[0]]);
  text = story(...base, twice, filler, twice);
  assert.deepEqual(step(session, text), both);
  text = story(...base, twice, twice, filler);
  assert.deepEqual(step(session, text), both);
});

test('after the shared index of similar forms starts again, the session finds its pairs anew', () => {
  const session = new Session();
  const text = story('Dana Whitcombe spoke. Whitcombe said no.', filler);
  assert.deepEqual(step(session, text), []);
  // Enough other forms to fill the process-wide index, which then forgets the story's forms.
  for (let i = 0; i < 50_001; i++) similarForms(`Zq${i.toString(36)}`);
  assert.deepEqual(step(session, story(text, 'Witcombe left.')), [['Witcombe', 'Whitcombe']]);
});

interface Word {
  text: string;
  next?: string;
}
type Form = StoryForm<Word>;

test('the story index adds and drops mentions by summary object and keeps them in story order', () => {
  const index = new StoryForms<Word, Form>({ formOf: (m) => m.text, tracked: (m) => m.text !== 'The', create: (text) => new StoryForm<Word>(text), signature: (m) => m.next ?? '' });
  const p = [{ text: 'Ann' }, { text: 'Bob' }];
  const q = [{ text: 'The' }, { text: 'Bob' }];
  const r = [{ text: 'Cy' }];
  const texts = (f: Form | undefined) => (f ? index.inOrder(f).map((x: Placed<Word>) => `${x.list === p ? 'p' : x.list === q ? 'q' : 'r'}${x.occurrence}.${x.index}`) : []);
  let changes = index.update([p, undefined, q, p]);
  assert.deepEqual(changes.born.map((f) => f.text), ['Ann', 'Bob']);
  assert.deepEqual(texts(index.forms.get('Bob')), ['p0.1', 'q0.1', 'p1.1']);
  assert.equal(index.forms.get('The'), undefined, 'untracked mentions make no form');
  const bob = index.forms.get('Bob')!;
  let version = bob.version;
  changes = index.update([r, p, undefined, q, p]);
  assert.deepEqual(changes.born.map((f) => f.text), ['Cy']);
  assert.equal(bob.version, version, 'a form whose blocks only moved is unchanged');
  changes = index.update([r, q, p]);
  assert.deepEqual(changes.died.map((f) => f.text), []);
  assert.deepEqual(texts(bob), ['q0.1', 'p0.1'], 'one copy of p gone, and q now first');
  assert.ok(bob.version > version);
  // An edited block brings its mentions back in a new summary: unchanged ones leave the version alone.
  version = bob.version;
  const edited = [{ text: 'The' }, { text: 'Bob' }, { text: 'Dee' }];
  index.update([r, edited, p]);
  assert.equal(bob.version, version);
  assert.deepEqual(index.inOrder(bob).map((x) => x.list === edited), [true, false]);
  changes = index.update([r, [{ text: 'Bob', next: 'Jr' }], p]);
  assert.ok(bob.version > version, 'a mention with other neighbours is a change');
  assert.deepEqual(changes.died.map((f) => f.text), ['Dee']);
  changes = index.update([q]);
  assert.deepEqual(changes.died.map((f) => f.text).sort(), ['Ann', 'Cy']);
  assert.deepEqual([...index.forms.keys()], ['Bob']);
});

test('the story index follows keystrokes that keep the number of blocks, copies of a block included', () => {
  const index = new StoryForms<Word, Form>({ formOf: (m) => m.text, tracked: () => true, create: (text) => new StoryForm<Word>(text), signature: (m) => m.next ?? '' });
  const p = [{ text: 'Ann' }];
  const q = [{ text: 'Ann' }, { text: 'Bob' }];
  const blocks = (text: string) => index.inOrder(index.forms.get(text)!).map((x) => `${blockOf(x)}${x.list === p ? 'p' : x.list === q ? 'q' : '?'}`);
  index.update([p, q, p, undefined, q]);
  assert.deepEqual(blocks('Ann'), ['0p', '1q', '2p', '4q']);
  const p2 = [{ text: 'Ann' }];
  index.update([p, q, p2, undefined, q]);
  assert.deepEqual(blocks('Ann'), ['0p', '1q', '2?', '4q'], 'one copy of p edited');
  index.update([p2, q, p2, undefined, q]);
  assert.deepEqual(blocks('Ann'), ['0?', '1q', '2?', '4q'], 'the other made a copy of the edited one');
  index.update([p2, q, p2, p, q]);
  index.update([p2, p, p2, p, q]);
  assert.deepEqual(blocks('Ann'), ['0?', '1p', '2?', '3p', '4q']);
  assert.deepEqual(blocks('Bob'), ['4q']);
  index.update([p2, p, q, p, p2]);
  assert.deepEqual(blocks('Bob'), ['2q'], 'p2 leaves one block and comes into another: read again');
  assert.deepEqual(blocks('Ann'), ['0?', '1p', '2q', '3p', '4?']);
  index.update([undefined, undefined, undefined, undefined, undefined]);
  assert.deepEqual([...index.forms.keys()], []);
  // Two copied blocks trade places: each summary keeps its count, yet the form's mentions change order.
  const c = [{ text: 'Cy' }];
  const e = [{ text: 'Cy', next: 'Jr' }];
  const cy = () => index.inOrder(index.forms.get('Cy')!).map((x) => `${blockOf(x)}${x.list === c ? 'c' : 'e'}`);
  index.update([c, e, c, e]);
  assert.deepEqual(cy(), ['0c', '1e', '2c', '3e']);
  index.update([c, e, e, c]);
  assert.deepEqual(cy(), ['0c', '1e', '2e', '3c']);
});

test('a writer typing into names and moving paragraphs gets from the session what a fresh check gives, keystroke by keystroke', () => {
  const paragraphs = [
    'Dana Whitcombe, the council leader, spoke on Monday. Whitcombe said the budget would hold.',
    'Later Whitcombe met Paul Johnston and Eric Johnson. Johnston left first.',
    'In Zaporizhzhia, Olena Marchenko said the plant was quiet. Marchenko has run it since May.',
    filler,
    'Whitcombe and Marchenko spoke by phone. Johnson called it useful, and Johnston agreed.',
    'Olena Marchenko later wrote to Dana Whitcombe about the talks.',
  ];
  let text = story(...paragraphs, ...paragraphs);
  let seed = 41;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const session = new Session();
  let met = 0;
  for (let i = 0; i < 120; i++) {
    const parts = text.split('\n\n');
    const r = rand();
    if (r < 0.08 && parts.length > 2) {
      // A paragraph cut and pasted elsewhere.
      const [moved] = parts.splice(Math.floor(rand() * parts.length), 1);
      parts.splice(Math.floor(rand() * parts.length), 0, moved!);
      text = parts.join('\n\n');
    } else {
      // A letter typed into, or taken out of, a capitalised word (a name, mostly).
      const words = [...text.matchAll(/\b[A-Z][a-z]{3,}\b/g)];
      const w = words[Math.floor(rand() * words.length)]!;
      const at = w.index! + 1 + Math.floor(rand() * (w[0].length - 2));
      text = r < 0.55 ? text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    const facts = i % 5 !== 0;
    const live = analyze(text, { languageId, session, facts });
    const fresh = analyze(text, { languageId, facts });
    assert.deepEqual(live, fresh, `keystroke ${i}`);
    met += live.findings.filter((f) => f.rule === 'names.inconsistent').length;
  }
  assert.ok(met > 100, `names spelled two ways were found along the way (${met})`);
});
