import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';

const firstReferences = (text: string) =>
  analyze(text, { languageId: 'plaintext' })
    .findings.filter((f) => f.rule === 'names.reference')
    .map((f) => `${text.slice(f.start, f.end)}@${f.start}`);

test('only each person’s first mention counts, in text order within a paragraph and across paragraphs', () => {
  const text = 'The talks began at noon.\n\nFidan and Georgieva spoke. Kristalina Georgieva left. Georgieva came back.\n\nHakan Fidan returned. Fidan and Georgieva stayed.';
  const fidan = text.indexOf('Fidan');
  const georgieva = text.indexOf('Georgieva');
  assert.deepEqual(firstReferences(text), [`Fidan@${fidan}`, `Georgieva@${georgieva}`]);
  // The full name first, even in the same paragraph as a later surname: nothing to say.
  assert.deepEqual(firstReferences('The talks began at noon.\n\nKristalina Georgieva spoke. Georgieva left.\n\nGeorgieva came back.'), []);
});
