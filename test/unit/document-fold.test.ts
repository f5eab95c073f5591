import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckContext } from '../../server/src/engine/check';
import { CHECKS } from '../../server/src/engine/registry';
import { buildModel } from '../../server/src/engine/runner';
import { defaultStyle, loadStyleText } from '../../server/src/engine/style/load';

// Stories that exercise what the folds must get right: a headline, quotes continued across paragraphs, an
// unclosed mark in the last paragraph, strays, surnames before full names, a house name missed by a letter,
// names spelled two ways (a shared given name, a dateline in capitals, two real places).
const stories = [
  'Fidan in Istanbul\n\nFidan opened the talks. Later Hakan Fidan left.\n\nHakan Fidan spoke again.',
  'Turkish Foreign Minister Hakan Fidan opened the talks.\n\nFidan said: “We will keep going.\n\n“Every day.”\n\n“Pressure must continue to rise until real progress is made.”\n\nPutin said nothing. Vladimir Putin left.',
  'He said: “We know what is needed.\n\n“Now we need them to act.”\n\nThe vote failed.” Nobody spoke.\n\n“One more thing is still left open here',
  'Pistorious met Boris Pistorius.\n\nZelenskyy and Zelensky met Umerov; Rustem Umerov spoke.\n\n“We will win this war,” Zelensky said.\n\n“We will rebuild every single house.”',
  'Kowalczyk said: “I will be the clerk for everyone in this county.\n\nThe count ended on Friday.',
  'BEIJING (AP) — ZHOU MINGHUI said.\n\nZhou Minghui spoke. Zhou Minghui left.\n\nLater Zhou Minhui returned, and Zaw Min Htet met Zaw Min Htut.\n\nZaw Min Htet spoke. Austria and Australia signed; Dana Whitcombe and Witcombe agreed.',
];
const styles = [defaultStyle(), loadStyleText('names:\n  - name: Dana Whitcombe\n    kind: person\n').style!];

for (const check of CHECKS.filter((c) => c.fold)) {
  test(`${check.id}: its fold gives what its document phase gives on a fresh memo`, () => {
    let compared = 0;
    for (const style of styles) {
      for (const languageId of ['plaintext', 'markdown']) {
        for (const text of [...stories, stories.join('\n\n'), ...check.docs.bad, ...check.docs.good]) {
          const ctx: CheckContext = { style, languageId, facts: true };
          const model = buildModel(text, languageId);
          const outline = { text, languageId, directives: model.directives, blocks: model.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, prose: b.prose, index: b.index, words: b.tokens.words })) };
          const summaries = model.blocks.map((b) => check.block?.(b, ctx)?.summary);
          const fold = check.fold!(ctx);
          model.blocks.forEach((b, i) => fold.add(summaries[i], b));
          const folded = fold.finish(outline);
          const documented = check.document!(outline, summaries, ctx, {});
          assert.deepEqual(folded, documented, `${languageId}: ${text.slice(0, 60)}`);
          if ((Array.isArray(folded) ? folded : folded.findings).length) compared++;
        }
      }
    }
    assert.ok(compared > 0, 'some story gives this check findings to compare');
  });
}
