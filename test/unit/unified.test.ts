import assert from 'node:assert/strict';
import { test } from 'node:test';
import copydesk from '../../server/src/unified';
import { check } from '../../server/src/engine/index';

const draft = 'Shelling hit Zaporizhzhya overnight.\n\nThe fund lost TK million.\n';

test('a remark pipeline gets the same findings as the engine, as VFile messages', async () => {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { VFile } = await import('vfile');
  const file = new VFile({ path: 'draft.md', value: draft });
  const processor = unified().use(remarkParse).use(copydesk);
  await processor.run(processor.parse(file), file);
  const engine = check(draft, { languageId: 'markdown' });
  assert.ok(engine.length >= 2);
  assert.deepEqual(
    file.messages.map((m) => [`${m.source?.replace('copydesk-', '')}.${m.ruleId}`, m.place && 'start' in m.place ? m.place.start.offset : -1]),
    engine.map((f) => [f.rule, f.start]),
  );
  const variant = file.messages.find((m) => m.ruleId === 'listed-variant')!;
  assert.deepEqual(variant.expected, ['Zaporizhzhia']);
  assert.equal(variant.actual, 'Zaporizhzhya');
  assert.equal(variant.place && 'start' in variant.place ? variant.place.start.line : 0, 1);
});

test('a retext pipeline on plain text reports placeholders as fatal messages', async () => {
  const { unified } = await import('unified');
  const { default: retextEnglish } = await import('retext-english');
  const { VFile } = await import('vfile');
  const file = new VFile({ path: 'draft.txt', value: 'About TKTK people came.' });
  const processor = unified().use(retextEnglish).use(copydesk);
  await processor.run(processor.parse(file), file);
  const tk = file.messages.find((m) => m.ruleId === 'placeholder');
  assert.ok(tk, 'placeholder reported');
  assert.equal(tk!.fatal, true);
  assert.equal(tk!.actual, 'TKTK');
});
