// `copydesk check`: the engine over files, with exit codes a publishing pipeline can rely on.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStyle, loadStyleFile, type CompiledStyle } from '../engine/index.js';
import type { Severity } from '../engine/types.js';
import { withArchive } from '../engine/style/compile.js';
import { archiveForStyle } from '../archive/index.js';
import { expandPaths, findStyleFile, totalBytes } from './files.js';
import { fixFile } from './fix.js';
import { formatJson, formatText, type FileReport } from './output.js';
import { checkFiles, defaultJobs } from './pool.js';
import { formatSarif } from './sarif.js';

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
  // names.archive: the published files are indexed once per run (workers get a copy of the counts).
  return { style: withArchive(load.style, archiveForStyle(load.style.config, file)), file };
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
      fix: { type: 'boolean' },
      jobs: { type: 'string' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}" (text, json or sarif)`);
  const asked = values.jobs ? Number(values.jobs) : undefined;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1)) throw new UsageError('--jobs must be a whole number of at least 1');
  const failOn = values['fail-on']!;
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new UsageError(`unknown --fail-on "${failOn}" (error, warning, info or none)`);
  const maxBytes = values['max-file-size'] ? Number(values['max-file-size']) : DEFAULT_MAX_FILE_SIZE;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError('--max-file-size must be a positive number of bytes');
  const targets = positionals.length ? positionals : ['.'];
  const { files, missing } = expandPaths(targets, io.cwd);
  if (missing.length) throw new UsageError(`no such file or no match: ${missing.join(', ')}`);
  const { style, file: styleFile } = chooseStyle(values.style, io.cwd);
  const progress = progressLine(io.err, files.length);
  const jobs = asked ?? defaultJobs(totalBytes(files));
  const outcomes = await checkFiles(files, { jobs, style, styleFile, maxBytes, keepBytes: values.fix === true, onProgress: progress.update });
  progress.done();

  const reports: FileReport[] = [];
  const bytes = new Map<string, Uint8Array>();
  outcomes.forEach((o, i) => {
    const file = files[i]!;
    if (!o.ok) {
      io.err.write(`copydesk: warning: ${path.relative(io.cwd, file) || file}: ${o.reason}\n`);
      return;
    }
    reports.push({ path: file, text: o.text, result: o.result });
    if (o.bytes) bytes.set(file, o.bytes);
  });
  if (values.fix) {
    for (const r of reports) {
      const outcome = fixFile(r, Buffer.from(bytes.get(r.path)!), io.cwd);
      const shown = path.relative(io.cwd, r.path) || r.path;
      if (outcome.written) io.err.write(`copydesk: fixed ${outcome.applied} problem${outcome.applied === 1 ? '' : 's'} in ${shown}\n`);
      else if (outcome.reason) io.err.write(`copydesk: warning: ${shown}: ${outcome.reason}\n`);
    }
    // Report what is left after the fixes, as a writer would see it on the next run.
    const left = await checkFiles(reports.map((r) => r.path), { jobs, style, styleFile, maxBytes, keepBytes: false });
    left.forEach((o, i) => {
      if (o.ok) reports[i] = { path: reports[i]!.path, text: o.text, result: o.result };
    });
  }
  const color = values['no-color'] ? false : values.color ?? (io.out as NodeJS.WriteStream).isTTY === true;
  const version = (require('../../../package.json') as { version: string }).version;
  io.out.write(format === 'json' ? formatJson(reports, io.cwd) : format === 'sarif' ? formatSarif(reports, io.cwd, version) : formatText(reports, io.cwd, color));
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn as Severity];
  return reports.some((r) => r.result.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}

/** "Checking 120/840" on a terminal when many files are checked; silent when stderr is not a TTY. */
function progressLine(err: NodeJS.WritableStream, total: number): { update: (done: number, total: number) => void; done: () => void } {
  const tty = (err as NodeJS.WriteStream).isTTY === true && total >= 20;
  let last = 0;
  return {
    update: (done, all) => {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < all) return;
      last = now;
      err.write(`\rCopydesk: checking ${done}/${all} files`);
    },
    done: () => {
      if (tty) err.write('\r\u001b[K');
    },
  };
}
