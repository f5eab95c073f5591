import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const bin = path.join(__dirname, '..', '..', 'bin', 'copydesk.js');

test('copydesk style test runs every pattern against its examples and fails on a wrong one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-style-'));
  try {
    const style = (pass: string) => `patterns:\n  - id: amid\n    pattern: "\\\\bamidst\\\\b"\n    message: Use amid.\n    examples:\n      flag: ["Rain fell amidst the talks."]\n      pass: ["${pass}"]\n`;
    fs.writeFileSync(path.join(dir, 'copydesk.yaml'), style('Rain fell amid the talks.'));
    const ok = spawnSync(process.execPath, [bin, 'style', 'test'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /2 of 2 pattern examples pass/);
    fs.writeFileSync(path.join(dir, 'copydesk.yaml'), style('Amidst it all, rain.'));
    const bad = spawnSync(process.execPath, [bin, 'style', 'test'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /FAIL amid: should not flag: Amidst it all, rain\./);
    fs.writeFileSync(path.join(dir, 'story.md'), 'Rain fell amidst the talks in Kiev.\n');
    const against = spawnSync(process.execPath, [bin, 'style', 'test', '--against', 'story.md'], { cwd: dir, encoding: 'utf8' });
    assert.match(against.stdout, /style\.pattern:amid: 1 \(/);
    assert.match(against.stdout, /names\.listed-variant: 1 \(/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
