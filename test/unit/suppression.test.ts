import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, loadStyleText } from '../../server/src/engine/index';

const rules = (text: string, lang = 'markdown') => analyze(text, { languageId: lang }).findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);

test('disable-next-line naming a rule silences that finding and no other', () => {
  const text = 'Kiev is far.\n\n<!-- copydesk-disable-next-line names.listed-variant -->\n\nKiev and TK here.\n\nKiev again.\n';
  const r = analyze(text, { languageId: 'markdown' });
  assert.deepEqual(r.findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`), ['names.listed-variant:Kiev', 'style.placeholder:TK', 'names.listed-variant:Kiev']);
  assert.equal(r.suppressed.length, 1);
});

test('disable and enable bracket a region; no id means every rule', () => {
  const text = 'Kiev.\n\n<!-- copydesk-disable -->\n\nKiev and TK.\n\n<!-- copydesk-enable -->\n\nKiev.\n';
  assert.deepEqual(rules(text), ['names.listed-variant:Kiev', 'names.listed-variant:Kiev']);
});

test('suppression comments work in plain text too', () => {
  const text = 'Kiev.\n<!-- copydesk-disable-next-line style.placeholder -->\nKiev and TK.\n';
  assert.deepEqual(rules(text, 'plaintext'), ['names.listed-variant:Kiev', 'names.listed-variant:Kiev']);
});

test('the ignore list silences a rule for an exact text', () => {
  const style = loadStyleText('ignore:\n  - rule: names.listed-variant\n    text: Kiev\n').style!;
  const r = analyze('Kiev and Zaporozhye.', { style });
  assert.deepEqual(r.findings.map((f) => f.rule), ['names.listed-variant']);
  assert.equal(r.suppressed.length, 1);
});
