// `copydesk check`: the engine over files, with exit codes a publishing pipeline can rely on.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, defaultStyle, loadStyleFile, Session, type CompiledStyle } from '../engine/index.js';
import type { Severity } from '../engine/types.js';
import { expandPaths, findStyleFile, languageOf, readDraft } from './files.js';
import { formatJson, formatText, type FileReport } from './output.js';

export class UsageError extends Error {}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface StyleChoice {
  style: CompiledStyle;
  file?: string;
}

/** --style FILE, else copydesk.yaml found upwards from cwd, else the built-in default. Throws UsageError. */
export function chooseStyle(explicit: string | undefined, cwd: string): StyleChoice {
  const file = explicit ? path.resolve(cwd, explicit) : findStyleFile(cwd);
  if (!file) return { style: defaultStyle() };
  const load = loadStyleFile(file);
  const first = load.problems.find((p) => p.severity === 'error');
  if (!load.style || first) {
    const p = first ?? load.problems[0];
    throw new UsageError(`${path.relative(cwd, file) || file}:${p?.line ?? 1}:${p?.column ?? 1}: ${p?.message ?? 'invalid style file'}`);
  }
  return { style: load.style, file };
}

export async function runCheck(argv: string[], io = { out: process.stdout, err: process.stderr, cwd: process.cwd() }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      style: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      'max-file-size': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  });
  const format = values.format!;
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown --format "${format}" (text or json)`);
  const failOn = values['fail-on']!;
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new UsageError(`unknown --fail-on "${failOn}" (error, warning, info or none)`);
  const maxBytes = values['max-file-size'] ? Number(values['max-file-size']) : DEFAULT_MAX_FILE_SIZE;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError('--max-file-size must be a positive number of bytes');
  const targets = positionals.length ? positionals : ['.'];
  const { files, missing } = expandPaths(targets, io.cwd);
  if (missing.length) throw new UsageError(`no such file or no match: ${missing.join(', ')}`);
  const { style } = chooseStyle(values.style, io.cwd);

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readDraft(file, maxBytes);
    if (!read.ok) {
      io.err.write(`copydesk: warning: ${path.relative(io.cwd, file) || file}: ${read.reason}\n`);
      continue;
    }
    const result = analyze(read.text, { languageId: languageOf(file), style, session: new Session() });
    reports.push({ path: file, text: read.text, result });
  }
  const color = values['no-color'] ? false : values.color ?? (io.out as NodeJS.WriteStream).isTTY === true;
  io.out.write(format === 'json' ? formatJson(reports, io.cwd) : formatText(reports, io.cwd, color));
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn as Severity];
  return reports.some((r) => r.result.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}
