import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { check, loadStyleText } from '../../server/src/engine/index';
import { importStyle, parseCsv } from '../../server/src/import/index';

const bin = path.join(__dirname, '..', '..', 'bin', 'copydesk.js');
const fixtures = path.join(__dirname, '..', 'fixtures', 'import');

test('Vale substitution, existence and consistency rules become substitutions, patterns and pairs; the rest is reported', () => {
  const imp = importStyle(path.join(fixtures, 'vale'));
  assert.deepEqual(imp.substitutions.map((s) => [s.prefer, s.over, s.caseSensitive]), [['Myanmar', ['Burma'], true], ['Mumbai', ['Bombay'], true]]);
  assert.equal(imp.substitutions[0]!.message, "Use 'Myanmar' instead of 'Burma'.");
  assert.deepEqual(imp.patterns.map((p) => [p.id, p.pattern, p.severity, p.suggest]), [
    ['hedging', '\\b(?:very unique|most unique)\\b', 'info', undefined],
    ['places', '\\b(?:Kiev(?:an)?)\\b', 'warning', 'Kyiv'],
    ['places-2', '\\b(?:e-?mails?)\\b', 'warning', 'email'],
  ]);
  assert.deepEqual(imp.consistency, [['advisor', 'adviser']]);
  const why = imp.skipped.map((s) => `${s.what}: ${s.why}`).join('\n');
  assert.match(why, /extends: capitalization: .*no copydesk\.yaml equivalent/);
  assert.match(why, /center\|centre.*regular expression/);
  assert.match(why, /\(\?<=the \)very.*linear-time engine/);
});

test('prh dictionaries and wrong,right,note CSV rows', () => {
  const prh = importStyle(path.join(fixtures, 'prh.yml'));
  assert.deepEqual(prh.substitutions.map((s) => [s.prefer, s.over, s.note]), [['Zaporizhzhia', ['Zaporozhye', 'Zaporizhzhya'], 'Ukrainian spelling, AP since 2022']]);
  assert.deepEqual(prh.patterns.map((p) => [p.pattern, p.suggest, p.caseSensitive]), [['cease ?fire', 'cease-fire', false]]);
  assert.match(prh.skipped[0]!.why, /no pattern/);
  const csv = importStyle(path.join(fixtures, 'desk.csv'));
  assert.deepEqual(csv.substitutions.map((s) => [s.prefer, s.over, s.note]), [['Eswatini', ['Swaziland'], 'renamed 2018'], ["Côte d'Ivoire", ['Ivory Coast'], 'house choice, not AP'], ['a lot', ['alot'], undefined]]);
  assert.match(csv.skipped[0]!.why, /no right form/);
  assert.deepEqual(parseCsv('a,"b, ""c""",d\r\nx,y\n'), [['a', 'b, "c"', 'd'], ['x', 'y']]);
});

test('copydesk style import prints a copydesk.yaml that loads and works, or merges it into --out keeping comments', () => {
  const r = spawnSync(process.execPath, [bin, 'style', 'import', fixtures], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /not converted: .*Headings\.yml: extends: capitalization/);
  const load = loadStyleText(r.stdout);
  assert.deepEqual(load.problems, []);
  const found = check('Ships left Zaporozhye for Swaziland; the e-mail was very unique.', { style: load.style! }).filter((f) => f.rule.startsWith('style.'));
  assert.deepEqual(found.map((f) => f.fixes[0]?.text ?? f.rule), ['Zaporizhzhia', 'Eswatini', 'email', 'style.pattern']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-import-'));
  try {
    const out = path.join(dir, 'copydesk.yaml');
    fs.writeFileSync(out, '# our desk\nextends: default\nsubstitutions:\n  - prefer: Kyiv # not Kiev\n    over: [Kiev]\n');
    const m = spawnSync(process.execPath, [bin, 'style', 'import', path.join(fixtures, 'desk.csv'), '--out', out], { encoding: 'utf8' });
    assert.equal(m.status, 0, m.stderr);
    const merged = fs.readFileSync(out, 'utf8');
    assert.match(merged, /^# our desk\n/);
    assert.match(merged, /prefer: Kyiv # not Kiev/);
    assert.match(merged, /prefer: Eswatini/);
    assert.deepEqual(loadStyleText(merged).problems, []);
    const nothing = spawnSync(process.execPath, [bin, 'style', 'import', path.join(fixtures, 'vale', 'NewsDesk', 'Headings.yml')], { encoding: 'utf8' });
    assert.equal(nothing.status, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
