// The properties every check must keep on any input (shared by the short run in npm test and npm run fuzz).
import assert from 'node:assert/strict';
import { applyFixes, CHECKS, preferredFixes, type Finding } from '../../server/src/engine/index';
import { analyze } from '../../server/src/engine/index';

const known = new Set(CHECKS.map((c) => c.id));

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset that splits a surrogate pair is not on a character boundary. */
export function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

export function checkProperties(text: string, languageId: string): void {
  const result = analyze(text, { languageId });
  assert.deepEqual(result.failures, [], `no check may throw: ${JSON.stringify(result.failures)}`);
  const findings = result.findings;
  let prev: Finding | undefined;
  for (const f of findings) {
    assert.ok(known.has(f.rule), `known rule id ${f.rule}`);
    assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `range inside text: ${f.rule} ${f.start}-${f.end} of ${text.length}`);
    assert.ok(onBoundary(text, f.start) && onBoundary(text, f.end), `range on character boundaries: ${f.rule}`);
    assert.equal(typeof f.message, 'string');
    for (const x of f.fixes) {
      assert.ok(x.start >= 0 && x.end <= text.length && x.start <= x.end, `fix range inside text: ${f.rule}`);
      assert.ok(onBoundary(text, x.start) && onBoundary(text, x.end), `fix on character boundaries: ${f.rule}`);
      // Applying one fix changes nothing outside its range.
      const fixed = applyFixes(text, [x]);
      assert.equal(fixed.slice(0, x.start), text.slice(0, x.start));
      assert.equal(fixed.slice(x.start + x.text.length), text.slice(x.end));
    }
    if (prev) assert.ok(prev.start < f.start || (prev.start === f.start && prev.end <= f.end), 'findings sorted');
    prev = f;
  }
  const fixes = preferredFixes(findings);
  for (let i = 1; i < fixes.length; i++) assert.ok(fixes[i - 1]!.end <= fixes[i]!.start, 'preferred fixes never overlap');
  // Fix-all is idempotent: a second pass over the fixed text changes nothing more.
  const once = applyFixes(text, fixes);
  const twice = applyFixes(once, preferredFixes(analyze(once, { languageId }).findings));
  const thrice = applyFixes(twice, preferredFixes(analyze(twice, { languageId }).findings));
  assert.equal(thrice, twice, 'fix-all converges: applying it again changes nothing');
}
