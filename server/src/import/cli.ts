// `copydesk style import PATH [--out FILE]`: prints the converted copydesk.yaml (or merges it into FILE)
// and, on stderr, every entry it could not convert with the reason. Exit 0 when something was converted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/check.js';
import { importStyle, renderStyle } from './index.js';

export async function runImport(argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; cwd: string }): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('copydesk style import PATH [--out FILE]: one folder or file (Vale rules, a prh dictionary or a wrong,right,note CSV)');
  const input = path.resolve(io.cwd, positionals[0]!);
  if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${positionals[0]}`);
  const imp = importStyle(input);
  const converted = imp.substitutions.reduce((n, s) => n + s.over.length, 0) + imp.patterns.length + imp.consistency.length;
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    const existing = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    const text = renderStyle(imp, existing);
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, out);
  } else io.out.write(renderStyle(imp));
  const summary = `${imp.files.length} file(s) read (${imp.files.map((f) => `${f.file}: ${f.format}`).join(', ') || 'none'}); converted ${imp.substitutions.length} substitution(s), ${imp.patterns.length} pattern rule(s), ${imp.consistency.length} consistency pair(s)${values.out ? ` into ${values.out}` : ''}; not converted: ${imp.skipped.length}`;
  io.err.write(`copydesk: ${summary}\n`);
  for (const s of imp.skipped) io.err.write(`  not converted: ${s.source}: ${s.what}: ${s.why}\n`);
  return converted > 0 ? 0 : 1;
}
