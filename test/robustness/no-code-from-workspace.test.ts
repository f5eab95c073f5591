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

// The one file allowed node:vm: it compiles Copydesk's own bundles through V8's code cache. What it compiles
// is named by the launch entries (next test), never by a workspace.
const LOADER = path.join('server', 'src', 'launch', 'code-cache.ts');

test('no source file evaluates code: no eval, no new Function, no vm, no require of a computed path', () => {
  const offenders: string[] = [];
  for (const file of [...sources(path.join(root, 'server', 'src')), ...sources(path.join(root, 'client', 'src'))]) {
    if (path.relative(root, file) === LOADER) continue;
    const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    if (/\beval\s*\(|new\s+Function\s*\(|require\(['"]node:vm['"]\)|from ['"]node:vm['"]|\brequire\(\s*[^'"`\s)]/.test(text)) offenders.push(path.relative(root, file));
  }
  assert.deepEqual(offenders, []);
});

test('the bundle loader compiles only the fixed bundles beside it', () => {
  const launch = path.join(root, 'server', 'src', 'launch');
  const entries = fs.readdirSync(launch).filter((n) => n !== path.basename(LOADER));
  assert.ok(entries.length > 0);
  for (const name of entries) {
    const text = fs.readFileSync(path.join(launch, name), 'utf8').replace(/\/\/.*$/gm, '');
    const calls = [...text.matchAll(/runBundle\(([^;]*)\);/g)].map((m) => m[1]);
    assert.equal(calls.length, 1, name);
    assert.match(calls[0]!, /^path\.join\(__dirname, '[\w-]+\.js'\), module$/, name);
  }
  // Who else may call it: only the launch entries.
  const callers = [...sources(path.join(root, 'server', 'src')), ...sources(path.join(root, 'client', 'src'))]
    .filter((f) => /\brunBundle\(/.test(fs.readFileSync(f, 'utf8')) && path.relative(root, f) !== LOADER)
    .map((f) => path.dirname(f));
  assert.ok(callers.every((d) => d === launch), callers.join(', '));
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
