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

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const seedLike = 'ISTANBUL (Reuters) — Turkish Foreign Minister Hakan Fidan opened the talks.\n\nShelling hit Zaporizhzhya overnight.\n';

test('JSON output follows the contract with UTF-16 offsets and 1-based lines', () => {
  const dir = workspace({ 'story.txt': '\u{1F4F0} Kiev\n\nShelling hit Zaporizhzhya.\n' });
  const r = run(['check', '--format', 'json', 'story.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.equal(out.files[0].path, 'story.txt');
  const [kiev, zap] = out.files[0].findings;
  assert.deepEqual(
    { rule: kiev.rule, offset: kiev.offset, length: kiev.length, line: kiev.line, column: kiev.column, endColumn: kiev.endColumn, text: kiev.text, suggestions: kiev.suggestions },
    { rule: 'names.listed-variant', offset: 3, length: 4, line: 1, column: 4, endColumn: 8, text: 'Kiev', suggestions: ['Kyiv'] },
  );
  assert.equal(zap.line, 3);
  assert.equal(zap.severity, 'warning');
  assert.deepEqual(out.summary.byRule, { 'names.listed-variant': 2 });
  assert.equal(out.summary.files, 1);
  assert.equal(out.summary.findings, 2);
});

test('exit code is 1 only for findings at or above --fail-on', () => {
  const dir = workspace({ 'a.md': seedLike });
  assert.equal(run(['check', 'a.md'], dir).status, 0);
  assert.equal(run(['check', '--fail-on', 'warning', 'a.md'], dir).status, 1);
  const tk = workspace({ 'b.md': 'The fund lost TK million.\n' });
  assert.equal(run(['check', 'b.md'], tk).status, 1);
  assert.equal(run(['check', '--fail-on', 'none', 'b.md'], tk).status, 0);
});

test('text output names file, position, severity, message and rule', () => {
  const dir = workspace({ 'a.md': seedLike });
  const r = run(['check', '--no-color', 'a.md'], dir);
  assert.match(r.stdout, /^a\.md$/m);
  assert.match(r.stdout, /3:14 +warning +“Zaporizhzhya” is a variant of Zaporizhzhia.*names\.listed-variant/);
  assert.match(r.stdout, /1 problem \(0 errors, 1 warning\)/);
});

test('a malformed copydesk.yaml gives exit 2 and a one-line reason naming the line', () => {
  const dir = workspace({ 'copydesk.yaml': 'names:\n  - name: Hakan Fidan\n    varients: [Fiden]\n', 'a.md': seedLike });
  const r = run(['check', 'a.md'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr.trim(), /^copydesk: copydesk\.yaml:3:5: unknown key "varients"/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('the nearest copydesk.yaml is used, and --style overrides it', () => {
  const dir = workspace({ 'copydesk.yaml': 'rules:\n  names.listed-variant: off\n', 'other.yaml': 'rules:\n  names.listed-variant: error\n', 'drafts/a.md': seedLike });
  const nested = path.join(dir, 'drafts');
  assert.equal(JSON.parse(run(['check', '--format', 'json', 'a.md'], nested).stdout).summary.findings, 0);
  const r = run(['check', '--format', 'json', '--style', '../other.yaml', 'a.md'], nested);
  assert.equal(JSON.parse(r.stdout).files[0].findings[0].severity, 'error');
  assert.equal(r.status, 1);
});

test('usage errors exit 2: unknown command, unknown format, missing file', () => {
  const dir = workspace({});
  assert.equal(run(['frobnicate'], dir).status, 2);
  assert.equal(run(['check', '--format', 'xml'], dir).status, 2);
  const missing = run(['check', 'nope.md'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or no match: nope\.md/);
});

test('folders and globs expand to drafts in a stable order; binary and invalid UTF-8 files are skipped with a warning', () => {
  const dir = workspace({ 'd/b.md': 'Kiev.\n', 'd/a.txt': 'Kiev.\n', 'd/c.json': '{"Kiev":1}', 'd/bin.txt': 'Kiev\u0000\u0001', 'd/bad.md': '' });
  fs.writeFileSync(path.join(dir, 'd/bad.md'), Buffer.from([0x4b, 0x69, 0xff, 0xfe, 0x76]));
  const r = run(['check', '--format', 'json', 'd'], dir);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['d/a.txt', 'd/b.md']);
  assert.match(r.stderr, /bin\.txt: binary file/);
  assert.match(r.stderr, /bad\.md: not valid UTF-8/);
  const g = run(['check', '--format', 'json', 'd/**/*.md'], dir);
  assert.deepEqual(JSON.parse(g.stdout).files.map((f: { path: string }) => f.path), ['d/b.md']);
});

test('a file over --max-file-size is refused with a visible warning, never silently truncated', () => {
  const dir = workspace({ 'big.md': 'Kiev. '.repeat(1000) });
  const r = run(['check', '--max-file-size', '1000', '--format', 'json', 'big.md'], dir);
  assert.match(r.stderr, /larger than the maximum file size/);
  assert.equal(JSON.parse(r.stdout).files.length, 0);
});

test('the copydesk command runs as an executable, through its #! line', (t) => {
  if (process.platform === 'win32') return t.skip('a #! line is read by POSIX shells; npm makes a shim on Windows');
  const dir = workspace({ 'story.txt': seedLike });
  const r = spawnSync(bin, ['check', '--format', 'json', 'story.txt'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'names.listed-variant'));
});
