import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ArchiveCounts, ArchiveIndex, archiveForStyle } from '../../../server/src/archive/index';
import { check, loadStyleFile, loadStyleText } from '../../../server/src/engine/index';
import { withArchive } from '../../../server/src/engine/style/compile';

const fixture = path.join(__dirname, '..', '..', 'fixtures', 'names-archive');
const styleFile = path.join(fixture, 'copydesk.yaml');

function styleWith(extra = ''): ReturnType<typeof withArchive> {
  const load = loadStyleText(fs.readFileSync(styleFile, 'utf8') + extra, styleFile);
  assert.ok(load.style, JSON.stringify(load.problems));
  return withArchive(load.style, archiveForStyle(load.style.config, styleFile));
}

const archiveFindings = (text: string, style = styleWith()) =>
  check(text, { style }).filter((f) => f.rule === 'names.archive').map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);

test('the archive index counts capitalised words and adjacent pairs of the matching files only', () => {
  const index = ArchiveIndex.build(fixture, ['published/**/*.md']);
  assert.equal(index.files, 3);
  assert.equal(index.count('Vasilescu'), 8, 'possessives and headlines included');
  assert.equal(index.count('Whitcombe'), 5);
  assert.equal(index.pairCount('Teodor', 'Vasilescu'), 3);
  assert.equal(index.pairCount('Vasilescu', 'Teodor'), 0);
  assert.equal(index.count('library'), 0, 'lower-case words are not counted');
  const copy = ArchiveCounts.fromSnapshot(index.snapshot());
  assert.equal(copy.count('Vasilescu'), 8);
  assert.equal(copy.pairCount('Marco', 'Rubio'), 2);
  assert.equal(copy.version, index.version);
});

test('must flag: a rare form of a frequent archive name, with its given name or alone', () => {
  assert.deepEqual(archiveFindings('Defense Minister Teodor Vasilesco arrived on Monday.'), [['Vasilesco', 'Vasilescu']]);
  assert.deepEqual(archiveFindings('The minister, Vasilsecu, arrived.'), [['Vasilsecu', 'Vasilescu']]);
  assert.deepEqual(archiveFindings('Councilwoman Dana Witcombe spoke. Witcombe left.'), [['Witcombe', 'Whitcombe'], ['Witcombe', 'Whitcombe']]);
});

test('must not flag: other people, known words, frequent or rare archive names, titles, no archive', () => {
  assert.deepEqual(archiveFindings('The state director, Mike Rubino, reached out.'), [], 'Mike is never beside Rubio in the archive');
  assert.deepEqual(archiveFindings('Teodor Vasilescu spoke. Vasilescu left.'), [], 'the archive spelling itself');
  assert.deepEqual(archiveFindings('Engineer Anna Kowalcyzk spoke.'), [], 'Kowalczyk occurs once in the archive: not a usual spelling');
  assert.deepEqual(archiveFindings('Austria and Australia signed.'), [], 'dictionary names are never flagged');
  assert.deepEqual(archiveFindings('She read “The Vasilesco Affair” twice.'), [], 'a title of a work');
  assert.deepEqual(archiveFindings('VASILESCO — The minister arrived.'), [], 'a dateline in capitals');
  const plain = loadStyleText('extends: default\n').style!;
  assert.deepEqual(archiveFindings('Teodor Vasilesco arrived.', plain), [], 'no archive configured');
});

test('names.archive takes a sentence-initial given name without changing the mentions names.inconsistent shares', () => {
  // "Will" starts the sentence and is an ordinary word: not a given name to names.inconsistent, which therefore
  // sees no given names that tell Witcombe and Whitcombe apart. names.archive reads it as one, on its own copy.
  const text = 'Will Witcombe spoke. Paul Whitcombe left. Whitcombe stayed.';
  const inconsistent = (style: ReturnType<typeof styleWith>) =>
    check(text, { style }).filter((f) => f.rule === 'names.inconsistent').map((f) => [text.slice(f.start, f.end), f.fixes[0]?.text]);
  const plain = loadStyleText(fs.readFileSync(styleFile, 'utf8'), styleFile).style!;
  assert.deepEqual(inconsistent(plain), [['Witcombe', 'Whitcombe']]);
  assert.deepEqual(inconsistent(styleWith()), [['Witcombe', 'Whitcombe']]);
});

test('the house can record two spellings as different names (names.distinct)', () => {
  const style = styleWith('  distinct:\n    - [Vasilesco, Vasilescu]\n');
  assert.deepEqual(archiveFindings('Teodor Vasilesco arrived.', style), []);
});

test('archive globs may not leave the style file’s folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-archive-'));
  try {
    const file = path.join(dir, 'copydesk.yaml');
    for (const [glob, ok] of [['"published/*.md"', true], ['"../secrets/*.md"', false], ['["a/*.md", "a/../../b/*.md"]', false], ['"/etc/*"', false], [JSON.stringify(path.join(dir, 'in', '*.md')), true], ['"~/notes/*.md"', false]] as const) {
      fs.writeFileSync(file, `names:\n  archive: ${glob}\n`);
      const load = loadStyleFile(file);
      if (ok) assert.deepEqual(load.problems, [], glob);
      else {
        assert.equal(load.style, undefined, glob);
        assert.match(load.problems[0]!.message, /leaves the workspace/, glob);
        assert.equal(load.problems[0]!.line, 2, glob);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('links that lead outside the archive root are not followed, and a changed file is re-counted alone', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-archive-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-outside-'));
  try {
    fs.mkdirSync(path.join(dir, 'pub'));
    fs.writeFileSync(path.join(outside, 'secret.md'), 'Zanzibar Zanzibar Zanzibar\n');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'pub', 'link.md'));
    fs.symlinkSync(outside, path.join(dir, 'pub', 'linkdir'));
    fs.writeFileSync(path.join(dir, 'pub', 'a.md'), 'Teodor Vasilescu spoke.\n');
    const index = ArchiveIndex.build(dir, ['pub/**/*.md']);
    assert.equal(index.count('Zanzibar'), 0);
    assert.equal(index.files, 1);
    const before = index.version;
    fs.writeFileSync(path.join(dir, 'pub', 'a.md'), 'Teodor Vasilescu spoke. Vasilescu left.\n');
    assert.equal(index.update(path.join(dir, 'pub', 'a.md')), true);
    assert.equal(index.count('Vasilescu'), 2);
    assert.notEqual(index.version, before);
    fs.writeFileSync(path.join(dir, 'pub', 'b.md'), 'Vasilescu again.\n');
    index.update(path.join(dir, 'pub', 'b.md'));
    assert.equal(index.count('Vasilescu'), 3);
    fs.rmSync(path.join(dir, 'pub', 'a.md'));
    index.update(path.join(dir, 'pub', 'a.md'));
    assert.equal(index.count('Vasilescu'), 1);
    assert.equal(index.pairCount('Teodor', 'Vasilescu'), 0);
    assert.equal(index.update(path.join(dir, 'other.md')), false, 'files outside the globs are ignored');
    assert.equal(index.update(path.join(outside, 'secret.md')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('the names example in the README loads', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const block = /### Names[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const load = loadStyleText(block, path.join(os.tmpdir(), 'copydesk.yaml'));
  assert.deepEqual(load.problems, []);
  assert.deepEqual(load.style!.config.archive, ['published/**/*.md']);
  assert.deepEqual(load.style!.config.distinct, [['Johnson', 'Johnston']]);
  assert.ok(load.style!.config.names.some((n) => n.name === 'Boris Pistorius' && n.title === 'German Defense Minister'));
});

test('with an archive, any mix of names and near misses gives in-range findings and a fix-all that converges', async () => {
  const fc = (await import('fast-check')).default;
  const { analyze, applyFixes, preferredFixes } = await import('../../../server/src/engine/index');
  const style = styleWith();
  const word = fc.constantFrom('Teodor', 'Vasilescu', 'Vasilesco', 'Vasilsecu', 'Dana', 'Whitcombe', 'Witcombe', 'Whitcombe’s', 'Marco', 'Rubio', 'Rubino', 'Mike', 'VASILESCO', 'the', 'said', 'Kiev', '“', '”', '.', ',', '\n\n', 'Ü', '\u{1F4F0}', '# ');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), (words) => {
      const text = words.join(' ');
      const r = analyze(text, { style, languageId: 'markdown' });
      assert.deepEqual(r.failures, []);
      for (const f of r.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
      const once = applyFixes(text, preferredFixes(r.findings));
      const twice = applyFixes(once, preferredFixes(analyze(once, { style, languageId: 'markdown' }).findings));
      const thrice = applyFixes(twice, preferredFixes(analyze(twice, { style, languageId: 'markdown' }).findings));
      assert.equal(thrice, twice);
    }),
    { numRuns: 300, seed: 3 },
  );
});
