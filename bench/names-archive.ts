// names.archive on real copy: how long indexing an archive takes and what it holds in memory, and how often
// the rule fires on edited articles (nearly every finding there is a false alarm), with every finding shown.
//   npx tsx bench/names-archive.ts [ARCHIVE_DIR] [DRAFTS_DIR] [--loo] [--typos]
// Defaults: PolNeAR train as the archive, PolNeAR dev as the drafts. --loo also checks every archive
// article against the other articles (leave one out; works on a temporary copy of the archive). --typos
// puts one typo (a transposition, a dropped or a changed letter) into one frequent archive name per draft
// and counts how many the names checks catch, with and without the archive.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArchiveIndex } from '../server/src/archive/index';
import { analyze, defaultStyle } from '../server/src/engine/index';
import { isCommonWord, isDictionaryName } from '../server/src/engine/names/lexicon';
import { withArchive } from '../server/src/engine/style/compile';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const loo = process.argv.includes('--loo');
const shared = path.join(__dirname, '..', '..', 'shared', 'corpus', 'polnear');
const archiveDir = path.resolve(args[0] ?? path.join(shared, 'train', 'text'));
const draftsDir = path.resolve(args[1] ?? path.join(shared, 'dev', 'text'));
const gc = (globalThis as { gc?: () => void }).gc;

const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const before = heap();
let index = ArchiveIndex.build(archiveDir, ['**/*.{txt,md,markdown}']);
const cold = index.stats.ms;
const retained = heap() - before;
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  index = ArchiveIndex.build(archiveDir, ['**/*.{txt,md,markdown}']);
  warm.push(index.stats.ms);
}
warm.sort((a, b) => a - b);
const size = index.size;
console.log(`archive ${archiveDir}: ${index.stats.files} files, ${index.stats.words} words, ${size.words} capitalised words, ${size.pairs} pairs`);
console.log(`index: first build ${cold.toFixed(0)} ms, then median ${warm[2]!.toFixed(0)} ms; retained heap ${gc ? `${(retained / 1e6).toFixed(1)} MB` : 'n/a (run with node --expose-gc)'}; process RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

function rate(label: string, files: string[], style: (file: string) => ReturnType<typeof defaultStyle>, around?: (file: string, fn: () => void) => void): void {
  let words = 0;
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const go = () => {
      const r = analyze(text, { languageId: /\.(md|markdown)$/.test(file) ? 'markdown' : 'plaintext', style: style(file) });
      words += r.facts.words;
      for (const f of r.findings) {
        if (f.rule !== 'names.archive') continue;
        found.push(`    ${path.basename(file).slice(0, 40)}: «${text.slice(Math.max(0, f.start - 25), f.end + 15).replace(/\s+/g, ' ')}» → ${f.fixes[0]?.text}`);
      }
    };
    if (around) around(file, go);
    else go();
  }
  console.log(`${label}: ${files.length} files, ${words} words, names.archive ${found.length} findings, ${((found.length / Math.max(1, words)) * 1000).toFixed(3)} per 1,000 words`);
  for (const line of found) console.log(line);
}

const list = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(txt|md|markdown)$/.test(f)).sort().map((f) => path.join(dir, f));
const style = withArchive(defaultStyle(), index);
rate(`drafts ${draftsDir}`, list(draftsDir), () => style);

if (loo) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-loo-'));
  try {
    for (const f of list(archiveDir)) fs.copyFileSync(f, path.join(tmp, path.basename(f)));
    const copy = ArchiveIndex.build(tmp, ['*']);
    const aside = path.join(os.tmpdir(), `copydesk-loo-aside-${process.pid}`);
    rate('leave one out on the archive', list(tmp), () => withArchive(defaultStyle(), copy), (file, fn) => {
      fs.renameSync(file, aside);
      copy.update(file);
      try {
        fn();
      } finally {
        fs.renameSync(aside, file);
        copy.update(file);
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--typos')) {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const plain = defaultStyle();
  let tried = 0;
  let withArchiveCaught = 0;
  let byRule = 0;
  let without = 0;
  for (const file of list(draftsDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const words = [...new Set(text.match(/\b[A-Z][a-z]{5,}\b/g) ?? [])].filter((w) => index.midCount(w) >= 10 && !isCommonWord(w));
    if (!words.length) continue;
    const w = words[Math.floor(random() * words.length)]!;
    const k = 1 + Math.floor(random() * (w.length - 2));
    const kind = Math.floor(random() * 3);
    const typo = kind === 0 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : kind === 1 ? w.slice(0, k) + w.slice(k + 1) : w.slice(0, k) + 'aeiou'[Math.floor(random() * 5)] + w.slice(k + 1);
    if (typo === w || index.count(typo) > 0 || isCommonWord(typo) || isDictionaryName(typo)) continue;
    const at = text.search(new RegExp(`\\b${w}\\b`));
    const changed = text.slice(0, at) + typo + text.slice(at + w.length);
    tried++;
    const hits = (s: ReturnType<typeof defaultStyle>) => analyze(changed, { style: s }).findings.filter((f) => f.rule.startsWith('names.') && f.start <= at && f.end >= at + typo.length);
    const found = hits(style);
    if (found.length) withArchiveCaught++;
    if (found.some((f) => f.rule === 'names.archive')) byRule++;
    if (hits(plain).length) without++;
  }
  console.log(`typos in frequent archive names: ${tried} drafts; names checks catch ${withArchiveCaught} with the archive (names.archive ${byRule}), ${without} without it`);
}
