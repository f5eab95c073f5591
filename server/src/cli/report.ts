// `copydesk report [paths...] --format html|md|json --out FILE`: the style report for a story or a desk.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../report/model.js';
import { renderHtml } from '../report/render-html.js';
import { renderJson, renderMarkdown } from '../report/render-text.js';
import { chooseStyle, DEFAULT_MAX_FILE_SIZE, UsageError } from './check.js';
import { displayPath } from './output.js';
import { expandPaths, totalBytes } from './files.js';
import { checkFiles, defaultJobs } from './pool.js';

export async function runReport(argv: string[], io = { out: process.stdout, err: process.stderr, cwd: process.cwd() }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { style: { type: 'string' }, format: { type: 'string', default: 'html' }, out: { type: 'string' }, theme: { type: 'string', default: 'auto' }, jobs: { type: 'string' } },
  });
  const format = values.format!;
  if (!['html', 'md', 'json'].includes(format)) throw new UsageError(`unknown --format "${format}" (html, md or json)`);
  const theme = values.theme!;
  if (!['light', 'dark', 'auto'].includes(theme)) throw new UsageError(`unknown --theme "${theme}" (light, dark or auto)`);
  const { files, missing } = expandPaths(positionals.length ? positionals : ['.'], io.cwd);
  if (missing.length) throw new UsageError(`no such file or no match: ${missing.join(', ')}`);
  const { style, file: styleFile } = chooseStyle(values.style, io.cwd);
  const outcomes = await checkFiles(files, { jobs: values.jobs ? Number(values.jobs) : defaultJobs(totalBytes(files)), style, styleFile, maxBytes: DEFAULT_MAX_FILE_SIZE, keepBytes: false });
  const inputs = [];
  for (let i = 0; i < files.length; i++) {
    const o = outcomes[i]!;
    if (o.ok) inputs.push({ path: displayPath(files[i]!, io.cwd), text: o.text, result: o.result });
    else io.err.write(`copydesk: warning: ${displayPath(files[i]!, io.cwd)}: ${o.reason}\n`);
  }
  const model = buildReport(inputs);
  const text = format === 'html' ? renderHtml(model, { flavour: 'standalone', nonce: crypto.randomBytes(16).toString('base64'), theme: theme as 'light' | 'dark' | 'auto' }) : format === 'md' ? renderMarkdown(model) : renderJson(model);
  if (values.out) {
    const target = path.resolve(io.cwd, values.out);
    const tmp = `${target}.copydesk-${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
    io.err.write(`copydesk: report of ${inputs.length} draft${inputs.length === 1 ? '' : 's'} written to ${displayPath(target, io.cwd)}\n`);
  } else io.out.write(text);
  return 0;
}
