import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { check, loadStyleText } from '../../server/src/engine/index';

const root = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

test('no source file evaluates code: no eval, no new Function, no vm, no require of a computed path', () => {
  const offenders: string[] = [];
  for (const file of [...sources(path.join(root, 'server', 'src')), ...sources(path.join(root, 'client', 'src'))]) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    if (/\beval\s*\(|new\s+Function\s*\(|require\(['"]node:vm['"]\)|from ['"]node:vm['"]|\brequire\(\s*[^'"`\s)]/.test(text)) offenders.push(path.relative(root, file));
  }
  assert.deepEqual(offenders, []);
});

test('YAML tags that would construct code or objects are read as plain data or refused', () => {
  for (const src of ['words: !!js/function "function(){ process.exit(9) }"\n', 'words: [!!js/regexp /a/]\n', 'names: !!python/object:os.system [echo]\n']) {
    const load = loadStyleText(src);
    // Either refused with a located problem, or loaded as inert strings; nothing runs either way.
    if (load.style) assert.ok(load.style.config.words.every((w) => typeof w === 'string'));
    else assert.ok(load.problems[0]!.line >= 1);
  }
  assert.ok(Array.isArray(check('Kiev', { style: undefined })));
});
