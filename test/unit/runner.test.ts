import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, Session, type RunPhases } from '../../server/src/engine/index';

const key = (text: string, r: ReturnType<typeof analyze>) => r.findings.map((f) => `${f.rule}:${f.start}:${text.slice(f.start, f.end)}`);

// A story long enough to be checked in several batches of blocks, with a name spelled two ways far apart
// and a standalone quote paragraph right after a batch boundary would fall.
function longStory(paragraphs: number): string {
  const out = ['Dana Whitcombe, the council leader, spoke on Monday.'];
  for (let i = 1; i < paragraphs; i++) {
    if (i === 150) out.push('Later Witcombe left the chamber.');
    else if (i % 37 === 0) out.push('“We will not give up on this budget,” Whitcombe said.');
    else out.push(`Paragraph ${i} of the report has ordinary words and no names at all in it.`);
  }
  out.push('Whitcombe said the vote would come in May.');
  return out.join('\n\n');
}

test('a one-off run and an editor session give the same findings on a story of many batches', () => {
  const text = longStory(400);
  const once = analyze(text, { languageId: 'plaintext' });
  const session = new Session();
  const first = analyze(text, { languageId: 'plaintext', session });
  const again = analyze(text, { languageId: 'plaintext', session });
  assert.ok(key(text, once).some((k) => k.startsWith('names.inconsistent:') && k.endsWith(':Witcombe')), 'the variant 150 paragraphs in is found');
  assert.deepEqual(key(text, first), key(text, once));
  assert.deepEqual(key(text, again), key(text, once));
  assert.equal(once.facts.paragraphs, 401);
  assert.equal(once.facts.words, first.facts.words);
  assert.equal(once.facts.longestSentence, again.facts.longestSentence);
});

test('document checks see block outlines: a short first line still counts as a headline', () => {
  const text = 'Fidan meets envoys\n\nTurkish Foreign Minister Hakan Fidan met the envoys. Fidan said talks would go on.';
  const r = analyze(text, { languageId: 'plaintext' });
  assert.ok(!r.findings.some((f) => f.rule === 'names.reference'), JSON.stringify(r.findings.map((f) => f.rule)));
});

test('a check that overruns its time budget is reported once and skipped for the rest of the session', () => {
  const text = longStory(60);
  const session = new Session();
  const first = analyze(text, { languageId: 'plaintext', session, budgetMs: -1 });
  const overran = first.failures.filter((f) => /budget/.test(f.error)).map((f) => f.rule);
  assert.ok(overran.length > 0);
  const second = analyze(text, { languageId: 'plaintext', session, budgetMs: -1 });
  assert.deepEqual(second.failures.filter((f) => /budget/.test(f.error)), []);
  for (const rule of overran) assert.ok(!second.findings.some((f) => f.rule === rule), `${rule} is skipped`);
});

test('an editor session that is edited keystroke by keystroke always agrees with a fresh check', () => {
  const pieces = ['e', ' ', '\n\n', '“', '”', 'Whitcombe', 'Witcombe', 'TK', '# ', '- ', '```\n', '<!-- ', ' -->', 'Kiev'];
  for (const languageId of ['markdown', 'plaintext']) {
    let text = longStory(30);
    const session = new Session();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 150; i++) {
      const at = rand(text.length + 1);
      text = i % 4 === 3 ? text.slice(0, at) + text.slice(at + rand(12)) : text.slice(0, at) + pieces[rand(pieces.length)] + text.slice(at);
      const live = analyze(text, { languageId, session });
      const fresh = analyze(text, { languageId });
      assert.deepEqual(key(text, live), key(text, fresh), `${languageId}, edit ${i}`);
    }
  }
});

test('two paragraphs with the same text keep findings at their own places while text before them changes', () => {
  const twice = 'The talks in Zaporizhzhya went on, TK said the report.';
  let text = `Intro line.\n\n${twice}\n\nA middle paragraph.\n\n${twice}`;
  const session = new Session();
  analyze(text, { languageId: 'plaintext', session });
  for (const insert of ['New words here. ', '', 'More. ']) {
    text = insert + text.slice(text.indexOf('Intro'));
    const live = analyze(text, { languageId: 'plaintext', session });
    const fresh = analyze(text, { languageId: 'plaintext' });
    assert.deepEqual(live.findings, fresh.findings);
    const placeholders = live.findings.filter((f) => f.rule === 'style.placeholder').map((f) => f.start);
    assert.equal(placeholders.length, 2, 'one placeholder in each copy');
    assert.deepEqual(placeholders, [text.indexOf('TK'), text.lastIndexOf('TK')]);
    assert.deepEqual(live.facts.placeholders.map((p) => p.start), placeholders);
  }
});

test('a session keeps each unchanged block’s finished findings: the same objects come back after an edit elsewhere', () => {
  const text = 'First paragraph mentions Zaporizhzhya.\n\nSecond paragraph is plain.\n\nThird says TK.';
  const session = new Session();
  const before = analyze(text, { languageId: 'plaintext', session });
  const moved = (r: ReturnType<typeof analyze>) => r.findings.find((f) => f.rule === 'style.placeholder')!;
  const placeholderAt = moved(before).start;
  const edited = text.replace('Second', 'Secnd');
  const after = analyze(edited, { languageId: 'plaintext', session });
  const first = (r: ReturnType<typeof analyze>) => r.findings.find((f) => f.rule === 'names.listed-variant');
  assert.ok(first(before));
  assert.equal(first(after), first(before), 'the block before the edit is not re-checked');
  assert.equal(moved(after).start, placeholderAt - 1, 'the block after the edit moved one character back');
  assert.equal(edited.slice(moved(after).start, moved(after).end), 'TK');
  assert.equal(moved(after), moved(before), 'its finding moved in place: a session’s result is read before its next run');
});

test('a session whose house style changes between edits gives what a fresh check with the new style gives', async () => {
  const { loadStyleText } = await import('../../server/src/engine/index');
  const british = loadStyleText('preset: british\n').style!;
  const plain = loadStyleText('rules:\n  style.consistency: off\n').style!;
  let text = 'The Defence Ministry spoke. Defense officials agreed, and the defense budget grew.\n\nDana Whitcombe spoke. Whitcombe left. Witcombe stayed.';
  const session = new Session();
  for (const [i, style] of [british, plain, british, undefined].entries()) {
    text = text.replace('spoke', i % 2 ? 'spoke again' : 'spoke');
    const live = analyze(text, { languageId: 'plaintext', session, style });
    const fresh = analyze(text, { languageId: 'plaintext', style });
    assert.deepEqual(live.findings, fresh.findings, `style ${i}`);
    assert.deepEqual(live.facts, fresh.facts, `style ${i}`);
  }
});

test('a disable comment typed one character at a time silences exactly as a fresh check does', () => {
  const comment = '<!-- copydesk-disable-next-line -->\n';
  const base = 'Intro paragraph.\n\nTalks in Zaporizhzhya went on. TK.\n\nClosing words.';
  const at = base.indexOf('Talks');
  const session = new Session();
  analyze(base, { languageId: 'markdown', session });
  let silenced = false;
  for (let n = 1; n <= comment.length; n++) {
    const text = base.slice(0, at) + comment.slice(0, n) + base.slice(at);
    const live = analyze(text, { languageId: 'markdown', session });
    const fresh = analyze(text, { languageId: 'markdown' });
    assert.deepEqual(live.findings, fresh.findings, `after ${n} characters`);
    silenced ||= live.suppressed.length > 0;
  }
  assert.ok(silenced, 'the finished comment silences the paragraph after it');
  // And deleting it again, from the front.
  let text = base.slice(0, at) + comment + base.slice(at);
  for (let n = 0; n < comment.length; n++) {
    text = text.slice(0, at) + text.slice(at + 1);
    assert.deepEqual(analyze(text, { languageId: 'markdown', session }).findings, analyze(text, { languageId: 'markdown' }).findings, `after deleting ${n + 1}`);
  }
});

test('a run asked for its phases adds the time of each to what it is given, and nothing else changes', () => {
  const text = 'Hakan Fiden met reporters on Monday.\n\n“We will see,” he said.\n\nThe talks resume on Tuesday, TK.';
  const session = new Session();
  const phases: RunPhases = { scan: 1000 };
  const started = performance.now();
  const timed = analyze(text, { languageId: 'markdown', session, phases });
  const took = performance.now() - started;
  assert.deepEqual(Object.keys(phases).sort(), ['blocks', 'document', 'finish', 'reuse', 'scan']);
  const added = Object.values(phases).reduce((a, b) => a + b, 0) - 1000;
  assert.ok(Object.values(phases).every((ms) => ms >= 0) && phases.scan! >= 1000, 'times are added to what was there');
  assert.ok(added <= took + 0.001, `the phases (${added} ms) lie within the run (${took} ms)`);
  assert.deepEqual(timed, analyze(text, { languageId: 'markdown' }));
});
