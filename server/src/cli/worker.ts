// A worker thread of `copydesk check`: loads the same style and checks its share of the files.
import { parentPort, workerData } from 'node:worker_threads';
import { prepare } from '../engine/index.js';
import { checkOne, loadChoice, type WorkerJob } from './pool.js';
import { ArchiveCounts } from '../archive/index.js';
import { withArchive } from '../engine/style/compile.js';

const job = workerData as WorkerJob;
const style = withArchive(loadChoice(job.styleFile).style, job.archive ? ArchiveCounts.fromSnapshot(job.archive) : undefined);
const ready = prepare(style);
parentPort!.on('message', async (msg: { index: number; file: string } | null) => {
  await ready;
  if (msg === null) {
    process.exit(0);
  }
  const outcome = checkOne(msg.file, style, job.maxBytes, job.keepBytes);
  parentPort!.postMessage({ index: msg.index, outcome });
});
