// `copydesk style test [copydesk.yaml] [--against GLOB]`: the house style's own unit tests (every pattern
// rule against its examples) and, against published copy, how often each rule fires per 1,000 words.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, prepare } from '../engine/index.js';
import { runImport } from '../import/cli.js';
import { chooseStyle, UsageError, DEFAULT_MAX_FILE_SIZE } from './check.js';
import { displayPath } from './output.js';
import { expandPaths, languageOf, readDraftBytes } from './files.js';

export async function runStyle(argv: string[], io = { out: process.stdout, err: process.stderr, cwd: process.cwd() }): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'import') return runImport(rest, io);
  if (sub !== 'test') throw new UsageError(`unknown style command "${sub ?? ''}" (try: copydesk style test [copydesk.yaml] [--against GLOB], or copydesk style import PATH [--out FILE])`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { against: { type: 'string' }, samples: { type: 'string', default: '3' } } });
  const { style, file } = chooseStyle(positionals[0], io.cwd);
  await prepare(style);
  const shown = file ? displayPath(file, io.cwd) : 'the built-in default';
  let failed = 0;
  let ran = 0;
  for (const p of style.config.patterns) {
    const fires = (text: string) => analyze(text, { style }).findings.some((f) => f.rule === 'style.pattern' && f.data?.pattern === p.id);
    for (const ex of p.examples?.flag ?? []) {
      ran++;
      if (!fires(ex)) {
        failed++;
        io.out.write(`FAIL ${p.id}: should flag: ${ex}\n`);
      }
    }
    for (const ex of p.examples?.pass ?? []) {
      ran++;
      if (fires(ex)) {
        failed++;
        io.out.write(`FAIL ${p.id}: should not flag: ${ex}\n`);
      }
    }
  }
  io.out.write(`${shown}: ${ran - failed} of ${ran} pattern examples pass\n`);
  if (values.against) {
    const { files, missing } = expandPaths([values.against], io.cwd);
    if (missing.length) throw new UsageError(`no such file or no match: ${missing.join(', ')}`);
    let words = 0;
    const byRule = new Map<string, { n: number; samples: string[] }>();
    for (const f of files) {
      const read = readDraftBytes(f, DEFAULT_MAX_FILE_SIZE);
      if (!read.ok) continue;
      const r = analyze(read.text, { languageId: languageOf(f), style });
      words += r.facts.words;
      for (const x of r.findings) {
        const key = x.rule === 'style.pattern' ? `style.pattern:${String(x.data?.pattern)}` : x.rule;
        const e = byRule.get(key) ?? { n: 0, samples: [] };
        e.n++;
        if (e.samples.length < Number(values.samples)) e.samples.push(`${path.basename(f)}: «${read.text.slice(x.start, x.end)}»`);
        byRule.set(key, e);
      }
    }
    io.out.write(`\nagainst ${files.length} files, ${words} words (findings per 1,000 words; on published copy nearly every finding is a false alarm):\n`);
    for (const [rule, e] of [...byRule].sort((a, b) => b[1].n - a[1].n)) {
      io.out.write(`  ${rule}: ${e.n} (${((e.n / Math.max(1, words)) * 1000).toFixed(3)})\n`);
      for (const s of e.samples) io.out.write(`      ${s}\n`);
    }
  }
  return failed ? 1 : 0;
}
