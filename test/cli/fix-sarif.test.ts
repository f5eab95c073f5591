import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const made: string[] = [];
after(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

const bin = path.join(__dirname, '..', '..', 'bin', 'copydesk.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-fix-'));
  made.push(d);
  return d;
};

test('--fix applies preferred fixes, keeps BOM and CRLF, and reports what it changed', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, '\uFEFFOfficials in Kiev met.\r\n\r\nThe city is Zaporozhye.\r\n');
  const r = run(['check', '--fix', '--format', 'json', 'a.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFOfficials in Kyiv met.\r\n\r\nThe city is Zaporizhzhia.\r\n');
  assert.match(r.stderr, /fixed 2 problems in a\.txt/);
  assert.equal(JSON.parse(r.stdout).summary.findings, 0);
  assert.deepEqual(fs.readdirSync(dir), ['a.txt'], 'no temporary files left behind');
});

test('--fix never touches a file that would not change', () => {
  const dir = tmp();
  const file = path.join(dir, 'clean.md');
  fs.writeFileSync(file, 'Officials in Kyiv met.\n');
  const before = fs.statSync(file).mtimeMs;
  fs.utimesSync(file, new Date(1e12), new Date(1e12));
  const r = run(['check', '--fix', 'clean.md'], dir);
  assert.equal(r.status, 0);
  assert.equal(fs.statSync(file).mtimeMs, 1e12);
  assert.ok(before > 0);
  assert.equal(r.stderr, '');
});

test('--fix does not write through a link that leads outside the working folder', () => {
  const outside = tmp();
  const target = path.join(outside, 'story.md');
  fs.writeFileSync(target, 'Kiev.\n');
  const dir = tmp();
  fs.symlinkSync(target, path.join(dir, 'story.md'));
  const r = run(['check', '--fix', 'story.md'], dir);
  assert.match(r.stderr, /outside the working folder/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'Kiev.\n');
});

test('SARIF output is 2.1.0 with rules, UTF-16 regions and fixes', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'a.md'), 'Shelling hit Zaporizhzhya.\n');
  const r = run(['check', '--format', 'sarif', 'a.md'], dir);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'Copydesk');
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'names.listed-variant'));
  const res = run0.results[0];
  assert.equal(res.ruleId, 'names.listed-variant');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  assert.equal(res.level, 'warning');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 1, startColumn: 14, endLine: 1, endColumn: 26, charOffset: 13, charLength: 12, snippet: { text: 'Zaporizhzhya' } });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'a.md');
  assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'Zaporizhzhia');
});

test('many files give the same output with one worker and with several', () => {
  const dir = tmp();
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `s${String(i).padStart(2, '0')}.md`), `Story ${i} from Kiev.\n\nAbout TK people.\n`);
  const one = run(['check', '--jobs', '1', '--format', 'json', '.'], dir);
  const many = run(['check', '--jobs', '2', '--format', 'json', '.'], dir);
  assert.equal(one.status, 1);
  assert.equal(many.stdout, one.stdout);
  assert.equal(JSON.parse(one.stdout).files.length, 40);
});
