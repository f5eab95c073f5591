import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { MAX_FORMS, neighbourGeneration, similarForms } from '../../../server/src/engine/names/neighbours';
import { CHECKS } from '../../../server/src/engine/registry';
import { buildModel } from '../../../server/src/engine/runner';
import { defaultStyle } from '../../../server/src/engine/style/load';

const story = 'Dana Whitcombe spoke. Whitcombe said no. Later Witcombe left, and Whitcombe stayed.';
let filler = 0;
// Filler forms that share no deletion key with one another (the index links forms that do, which would
// make filling it slow): six letters from a scrambled counter.
const fillerForm = (): string => {
  let n = Math.imul(filler++, 2654435761) >>> 0;
  let out = 'Q';
  for (let i = 0; i < 6; i++) {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return out;
};

/** Fills the shared index of name forms (kept for the life of the process, emptied when full) so that the
 *  story's own forms, Dana and Whitcombe, fill it to the brim and Witcombe makes it start again. */
function primeIndex(): void {
  const start = neighbourGeneration();
  while (neighbourGeneration() === start) similarForms(fillerForm());
  // One filler form is in the emptied index; Dana and Whitcombe make MAX_FORMS.
  for (let i = 0; i < MAX_FORMS - 3; i++) similarForms(fillerForm());
}

const found = (findings: { rule: string; message: string }[]) => findings.filter((f) => f.rule === 'names.inconsistent').map((f) => f.message);

test('a one-off check leaves the shared index alone and finds the pair with an index of its own', () => {
  primeIndex();
  const generation = neighbourGeneration();
  const findings = analyze(story, { languageId: 'plaintext' }).findings;
  assert.equal(neighbourGeneration(), generation, 'the one-off check used the shared index');
  assert.deepEqual(found(findings), ['“Witcombe” is spelled “Whitcombe” elsewhere in this story (3 times).']);
});

test('a one-off check of a story whose own forms fill its index finds the pair across the new start', () => {
  // MAX_FORMS - 2 forms before the story's Dana and Whitcombe: Witcombe's lookup makes the index start again.
  const fillers = Array.from({ length: MAX_FORMS - 2 }, fillerForm);
  const lines: string[] = [];
  for (let i = 0; i < fillers.length; i += 20) lines.push(`They met ${fillers.slice(i, i + 20).join(' and ')}.`);
  const findings = analyze(`${lines.join('\n\n')}\n\n${story}`, { languageId: 'plaintext' }).findings;
  assert.deepEqual(found(findings), ['“Witcombe” is spelled “Whitcombe” elsewhere in this story (3 times).']);
});

test('the document phase finds it too on a fresh memo', () => {
  const check = CHECKS.find((c) => c.id === 'names.inconsistent')!;
  const style = defaultStyle();
  const ctx = { style, languageId: 'plaintext', facts: true };
  const model = buildModel(story, 'plaintext');
  const summaries = model.blocks.map((b) => check.block!(b, ctx)?.summary);
  primeIndex();
  const generation = neighbourGeneration();
  const outline = { text: story, languageId: 'plaintext', directives: model.directives, blocks: model.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, prose: b.prose, index: b.index, words: b.tokens.words })) };
  const out = check.document!(outline, summaries, ctx, {});
  assert.equal(neighbourGeneration(), generation + 1, 'the story made the index start again');
  assert.deepEqual(found((Array.isArray(out) ? out : out.findings).map((f) => ({ ...f, rule: 'names.inconsistent' }))), ['“Witcombe” is spelled “Whitcombe” elsewhere in this story (3 times).']);
});
