import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const bin = path.join(__dirname, '..', '..', 'bin', 'copydesk.js');

test('copydesk report writes an HTML, Markdown or JSON report to --out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-report-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.md'), 'Officials in Kiev met.\n');
    for (const format of ['html', 'md', 'json']) {
      const r = spawnSync(process.execPath, [bin, 'report', 'a.md', '--format', format, '--out', `r.${format}`], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const out = fs.readFileSync(path.join(dir, `r.${format}`), 'utf8');
      assert.match(out, /Kiev/);
    }
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')).totals.findings, 1);
    const bad = spawnSync(process.execPath, [bin, 'report', 'a.md', '--format', 'pdf'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('copydesk report prints to stdout without --out, and a missing path is a usage error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-report-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.md'), 'The fund lost TK million.\n');
    const r = spawnSync(process.execPath, [bin, 'report', 'a.md', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    assert.equal(model.files[0].placeholders[0].text, 'TK');
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
    const missing = spawnSync(process.execPath, [bin, 'report', 'nope.md', '--out', 'r.html'], { cwd: dir, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'r.html')));
    const theme = spawnSync(process.execPath, [bin, 'report', 'a.md', '--theme', 'sepia'], { cwd: dir, encoding: 'utf8' });
    assert.equal(theme.status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
