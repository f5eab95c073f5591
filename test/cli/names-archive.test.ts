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
const fixture = path.join(__dirname, '..', 'fixtures', 'names-archive');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

/** A workspace holding the fixture archive (published/) and its copydesk.yaml. */
function workspace(drafts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-archive-'));
  made.push(dir);
  fs.cpSync(fixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(drafts)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const archiveFindings = (stdout: string) =>
  (JSON.parse(stdout).files as { path: string; findings: { rule: string; text: string; suggestions: string[] }[] }[])
    .flatMap((f) => f.findings.filter((x) => x.rule === 'names.archive').map((x) => [f.path, x.text, x.suggestions[0]]));

test('copydesk check learns name spellings from the names.archive files (one worker and several)', () => {
  const drafts: Record<string, string> = {};
  for (let i = 0; i < 40; i++) drafts[`drafts/d${String(i).padStart(2, '0')}.md`] = i % 10 === 0 ? 'Defense Minister Teodor Vasilesco arrived.\n' : 'Teodor Vasilescu arrived.\n';
  const dir = workspace(drafts);
  for (const jobs of ['1', '2']) {
    const r = run(['check', '--format', 'json', '--jobs', jobs, 'drafts'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(archiveFindings(r.stdout), ['00', '10', '20', '30'].map((n) => [`drafts/d${n}.md`, 'Vasilesco', 'Vasilescu']), `--jobs ${jobs}`);
  }
  const fixed = run(['check', '--fix', '--format', 'json', 'drafts/d00.md'], dir);
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'drafts', 'd00.md'), 'utf8'), 'Defense Minister Teodor Vasilescu arrived.\n');
});

test('an archive glob that leaves the workspace is a configuration error at its line', () => {
  const dir = workspace({ 'draft.md': 'Teodor Vasilescu arrived.\n' });
  fs.writeFileSync(path.join(dir, 'copydesk.yaml'), 'names:\n  archive: ["published/**/*.md", "../elsewhere/*.md"]\n');
  const r = run(['check', 'draft.md'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /copydesk\.yaml:2:\d+: names\.archive "\.\.\/elsewhere\/\*\.md" leaves the workspace/);
});
