// Checks many files, on all cores with worker threads when it pays, always in the same output order.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { availableCores } from '../cores.js';
import { analyze, defaultStyle, loadStyleFile, prepare, type CompiledStyle } from '../engine/index.js';
import type { CheckResult } from '../engine/types.js';
import { languageOf, readDraftBytes } from './files.js';
import { ArchiveCounts, type ArchiveSnapshot } from '../archive/index.js';

export interface WorkerJob {
  styleFile?: string;
  /** The names.archive counts, indexed once by the parent. */
  archive?: ArchiveSnapshot;
  maxBytes: number;
  keepBytes: boolean;
}

export type Outcome =
  | { ok: true; text: string; result: CheckResult; bytes?: Uint8Array }
  | { ok: false; reason: string };

export function loadChoice(styleFile: string | undefined): { style: CompiledStyle } {
  if (!styleFile) return { style: defaultStyle() };
  const load = loadStyleFile(styleFile);
  if (!load.style) throw new Error(`style file became invalid: ${load.problems[0]?.message ?? ''}`);
  return { style: load.style };
}

export function checkOne(file: string, style: CompiledStyle, maxBytes: number, keepBytes: boolean): Outcome {
  const read = readDraftBytes(file, maxBytes);
  if (!read.ok) return read;
  const result = analyze(read.text, { languageId: languageOf(file), style });
  return { ok: true, text: read.text, result, bytes: keepBytes ? read.bytes : undefined };
}

export interface PoolOptions extends WorkerJob {
  jobs: number;
  style: CompiledStyle;
  onProgress?: (done: number, total: number) => void;
}

const MIN_FILES_PER_WORKER = 16;

export async function checkFiles(files: string[], opts: PoolOptions): Promise<Outcome[]> {
  const jobs = Math.max(1, Math.min(opts.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  const workerScript = path.join(__dirname, 'worker.js');
  if (jobs <= 1 || !require('node:fs').existsSync(workerScript)) {
    await prepare(opts.style);
    const out: Outcome[] = [];
    for (let i = 0; i < files.length; i++) {
      out.push(checkOne(files[i]!, opts.style, opts.maxBytes, opts.keepBytes));
      opts.onProgress?.(i + 1, files.length);
    }
    return out;
  }
  const results: Outcome[] = new Array(files.length);
  const archive = opts.style.archive instanceof ArchiveCounts ? opts.style.archive.snapshot() : undefined;
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    let alive = jobs;
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(workerScript, { workerData: { styleFile: opts.styleFile, archive, maxBytes: opts.maxBytes, keepBytes: opts.keepBytes } satisfies WorkerJob });
      const feed = (): void => {
        if (next < files.length) {
          worker.postMessage({ index: next, file: files[next] });
          next++;
        } else worker.postMessage(null);
      };
      worker.on('message', (m: { index: number; outcome: Outcome }) => {
        results[m.index] = m.outcome;
        done++;
        opts.onProgress?.(done, files.length);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--alive === 0) resolve();
      });
      // Two files in flight per worker keeps it busy while the parent collects results.
      feed();
      feed();
    }
  });
  return results;
}

// A worker costs its start (the engine and its tables loaded again) and the copying of every result back:
// on two cores, the 840 PolNeAR articles (4 MB) took 2.4 s with two workers and 1.8 s with none. So by
// default each worker gets at least this much text, about a second of checking.
const BYTES_PER_WORKER = 8 * 1024 * 1024;

/** Workers for checking `bytes` of text when the user did not say: one per core, each with enough to do. */
export function defaultJobs(bytes = Infinity): number {
  return Math.max(1, Math.min(availableCores(), Math.floor(bytes / BYTES_PER_WORKER)));
}
