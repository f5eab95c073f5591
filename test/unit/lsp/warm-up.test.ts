import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WarmUp } from '../../../server/src/lsp/warm-up';

const DRAFT = 'Hakan Fidan met the delegations in Istanbul.\n\nThe talks lasted two hours, officials said.\n';

/** Runs a warm-up to its end and returns the texts its steps saw. */
function run(options: ConstructorParameters<typeof WarmUp>[1], text = DRAFT, languageId = 'markdown'): Promise<{ texts: string[]; docs: Pick<TextDocument, 'uri' | 'version' | 'languageId'>[]; steps: number }> {
  // The warm-up's timers never keep a process alive (a server exits with its editor); this one does.
  const alive = setInterval(() => {}, 1000);
  return new Promise((resolve) => {
    const texts: string[] = [];
    const docs: Pick<TextDocument, 'uri' | 'version' | 'languageId'>[] = [];
    const warm = new WarmUp((doc) => {
      texts.push(doc.getText());
      docs.push({ uri: doc.uri, version: doc.version, languageId: doc.languageId });
    }, { ...options, done: (steps) => {
      clearInterval(alive);
      resolve({ texts, docs, steps });
    } });
    warm.start(text, languageId);
  });
}

test('the warm-up types into a copy of the draft: a letter typed over, then the letter back', async () => {
  const { texts, docs, steps } = await run({ steps: 10, quietMs: 0 });
  assert.equal(steps, 10);
  assert.equal(texts.length, 10);
  for (let k = 0; k < texts.length; k++) {
    if (k % 2 === 1) assert.equal(texts[k], DRAFT, 'a pair of steps leaves the copy as the draft');
    else {
      // One letter of the draft typed over with another letter of the same case; the copy keeps its lines.
      assert.equal(texts[k]!.length, DRAFT.length);
      const changed = [...texts[k]!].flatMap((c, i) => (c === DRAFT[i] ? [] : [i]));
      assert.equal(changed.length, 1);
      const [was, now] = [DRAFT[changed[0]!]!, texts[k]![changed[0]!]!];
      assert.match(was, /\p{L}/u);
      assert.match(now, /\p{L}/u);
      assert.equal(now === now.toUpperCase(), was === was.toUpperCase(), `${was} typed over with ${now}`);
    }
  }
  // Each step is a new version of the private document, never a file or the writer's URI.
  assert.deepEqual(docs.map((d) => d.version), docs.map((_, i) => i + 2));
  assert.ok(docs.every((d) => d.uri.startsWith('copydesk-warm-up:') && d.languageId === 'markdown'));
});

test('each round of the warm-up types another letter over the same places, so its texts are new to the session', async () => {
  // A short draft: its few letters are typed over again and again.
  const draft = 'The cat sat.\n';
  const { texts } = await run({ steps: 60, quietMs: 0 }, draft);
  const typedOver = texts.filter((_, k) => k % 2 === 0);
  assert.equal(typedOver.length, 30);
  assert.equal(new Set(typedOver).size, typedOver.length, 'a text the warm-up had checked before came again');
  assert.ok(texts.filter((_, k) => k % 2 === 1).every((t) => t === draft));
});

test('the warm-up waits for a quiet moment: activity from the editor puts the next step off', async () => {
  const seen: number[] = [];
  let finished = false;
  const warm = new WarmUp(() => seen.push(Date.now()), { steps: 4, quietMs: 60, done: () => (finished = true) });
  warm.activity();
  warm.start(DRAFT, 'plaintext');
  // The editor keeps talking for 200 ms, a message every 20 ms: no step may run meanwhile.
  const busyUntil = Date.now() + 200;
  while (Date.now() < busyUntil) {
    warm.activity();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen.length, 0, 'a step ran while the editor was busy');
  }
  const quietFrom = Date.now();
  while (!finished) await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, 4);
  assert.ok(seen[0]! - quietFrom >= 30, `the first step came ${seen[0]! - quietFrom} ms after the last message`);
});

test('the warm-up runs once per process, and stop() ends it', async () => {
  let steps = 0;
  const warm = new WarmUp(() => steps++, { steps: 1000, quietMs: 0 });
  warm.start(DRAFT, 'plaintext');
  warm.start(DRAFT, 'plaintext');
  await new Promise((r) => setTimeout(r, 30));
  warm.stop();
  const at = steps;
  assert.ok(at > 0 && at < 1000);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(steps, at, 'a step ran after stop()');
  warm.start(DRAFT, 'plaintext');
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(steps, at, 'a stopped warm-up started again');
});

test('a long draft is copied up to a paragraph break, and a draft without letters is left alone', async () => {
  const long = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} says something about the talks.`).join('\n\n');
  const { texts } = await run({ steps: 2, quietMs: 0, maxChars: 500 }, long);
  assert.ok(texts[1]!.length <= 500);
  assert.ok(long.startsWith(texts[1]!) && long.slice(texts[1]!.length).startsWith('\n\n'));
  let ran = 0;
  new WarmUp(() => ran++, { steps: 2, quietMs: 0 }).start('1234 5678\n\n-- --', 'plaintext');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(ran, 0);
});

test('a step that throws ends the warm-up quietly: no exception escapes, and it is reported once', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const warm = new WarmUp(() => {
    calls++;
    throw new Error('boom');
  }, { steps: 10, quietMs: 0, failed: (e) => errors.push(e) });
  warm.start(DRAFT, 'plaintext');
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(calls, 1);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0]), /boom/);
});
