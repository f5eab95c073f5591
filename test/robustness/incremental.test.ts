import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, PieceText, Session } from '../../server/src/engine/index';
import { draftText, languageId } from './arbitraries';

const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), insert: fc.constantFrom('', 'e', ' ', '\n', '\n\n', 'Kiev', '"', '\u201D', 'TK', '# ', '```', '<!--', '-->', '\r\n', 'Zelensky said.') });

test('re-checking after edits with a session gives exactly what a fresh check gives', () => {
  fc.assert(fc.property(draftText, languageId, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, lang, edits) => {
    const session = new Session();
    let text = start;
    analyze(text, { languageId: lang, session });
    for (const e of edits) {
      const at = text.length ? e.at % (text.length + 1) : 0;
      text = text.slice(0, at) + e.insert + text.slice(at + e.del);
      const incremental = analyze(text, { languageId: lang, session });
      const fresh = analyze(text, { languageId: lang });
      assert.deepEqual(incremental.findings, fresh.findings);
      assert.deepEqual(incremental.facts, fresh.facts);
    }
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});

test('re-checking a text kept in small pieces with a session gives exactly what a fresh check of the string gives', () => {
  fc.assert(fc.property(draftText, languageId, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.integer({ min: 4, max: 64 }), (start, lang, edits, target) => {
    const session = new Session();
    let text = start;
    let pieces = PieceText.of(text, target);
    analyze(pieces, { languageId: lang, session });
    for (const e of edits) {
      const at = text.length ? e.at % (text.length + 1) : 0;
      const end = Math.min(text.length, at + e.del);
      text = text.slice(0, at) + e.insert + text.slice(end);
      pieces = pieces.edit(at, end, e.insert, target);
      const incremental = analyze(pieces, { languageId: lang, session });
      // Compared after the check: a joined PieceText reads from the joined string.
      assert.equal(pieces.toString(), text);
      const fresh = analyze(text, { languageId: lang });
      assert.deepEqual(incremental.findings, fresh.findings);
      assert.deepEqual(incremental.facts, fresh.facts);
      assert.deepEqual(incremental.suppressed, fresh.suppressed);
    }
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});

test('an editor’s checks leave out facts, and a hover now and then asks for them: findings and facts are a fresh check’s', () => {
  // As the language server runs them: every edit checked with facts: false, and a hover or a report checking
  // the same text again with its facts.
  fc.assert(fc.property(draftText, languageId, fc.array(fc.record({ e: edit, hover: fc.boolean() }), { minLength: 1, maxLength: 12 }), (start, lang, steps) => {
    const session = new Session();
    let text = start;
    let pieces = PieceText.of(text);
    analyze(pieces, { languageId: lang, session, facts: false });
    for (const { e, hover } of steps) {
      const at = text.length ? e.at % (text.length + 1) : 0;
      const end = Math.min(text.length, at + e.del);
      text = text.slice(0, at) + e.insert + text.slice(end);
      pieces = pieces.edit(at, end, e.insert);
      const lean = analyze(pieces, { languageId: lang, session, facts: false });
      const fresh = analyze(text, { languageId: lang });
      assert.deepEqual(lean.findings, fresh.findings);
      assert.deepEqual(lean.suppressed, fresh.suppressed);
      assert.deepEqual(lean.facts.names, []);
      if (hover) assert.deepEqual(analyze(pieces, { languageId: lang, session }), fresh);
    }
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});
