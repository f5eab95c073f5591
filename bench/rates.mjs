// Findings per 1,000 words per rule on a folder of published copy, with samples: how often each rule
// fires on professionally edited text (nearly every finding there is a false alarm).
//   node bench/rates.mjs ../shared/corpus/polnear/train/text [--style FILE] [--samples N] [--family names]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dir = path.resolve(args[0] ?? path.join(here, '..', '..', 'shared', 'corpus', 'polnear', 'train', 'text'));
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const samples = Number(opt('--samples', 8));
const family = opt('--family', null);
const style = opt('--style', null);
const r = spawnSync(process.execPath, [path.join(here, '..', 'bin', 'copydesk.js'), 'check', '--format', 'json', '--fail-on', 'none', ...(style ? ['--style', style] : []), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const out = JSON.parse(r.stdout);
let words = 0;
const by = new Map();
for (const f of out.files) {
  const text = fs.readFileSync(path.isAbsolute(f.path) ? f.path : path.resolve(f.path), 'utf8');
  words += (text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu) ?? []).length;
  for (const x of f.findings) {
    if (family && !x.rule.startsWith(family + '.')) continue;
    const e = by.get(x.rule) ?? { n: 0, samples: [] };
    e.n++;
    if (e.samples.length < samples) e.samples.push(`${path.basename(f.path).slice(0, 40)}:${x.line}: «${x.text}»${x.suggestions[0] ? ` → «${x.suggestions[0]}»` : ''}`);
    by.set(x.rule, e);
  }
}
console.log(`${out.files.length} files, ${words} words`);
for (const [rule, e] of [...by].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${rule}: ${e.n} findings, ${((e.n / words) * 1000).toFixed(3)} per 1,000 words`);
  for (const s of e.samples) console.log(`    ${s}`);
}
