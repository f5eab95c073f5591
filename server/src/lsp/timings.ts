// The server's account of its own time per edit, handed over by copydesk/timings (bench/typing.mjs reads it):
// from the didChange read off the pipe to the diagnostics written, the CPU time from the check's start, the
// engine's share, and, on Linux, how long the main thread waited for a core meanwhile.
import { runQueueWaitMs } from './run-queue.js';

/** Server time of the check that followed an edit. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
  /** Of wallMs, the time in the engine (the rest: waiting for the event loop, diagnostics, writing). */
  engineMs: number;
  /** Of wallMs, the time the main thread was ready to run and waited for a core (see run-queue.ts). */
  queuedMs?: number;
}

/** When the oldest edit not yet answered arrived. */
export interface EditArrival {
  at: number;
  /** runQueueWaitMs() then. */
  queued: number | undefined;
}

export function editArrival(at: number): EditArrival {
  return { at, queued: runQueueWaitMs() };
}

export class Timings {
  private readonly list: Timing[] = [];

  constructor(private readonly max = 2000) {}

  /** Records the check of the edit that arrived at `arrival`, once `written` (its diagnostics) settles;
   *  `cpuBefore` is process.cpuUsage() when the check started. */
  after(written: Promise<void>, arrival: EditArrival, cpuBefore: NodeJS.CpuUsage, engineMs: number): void {
    void written.then(() => {
      const cpu = process.cpuUsage(cpuBefore);
      const queued = runQueueWaitMs();
      if (this.list.length >= this.max) this.list.shift();
      this.list.push({
        wallMs: performance.now() - arrival.at,
        cpuMs: (cpu.user + cpu.system) / 1000,
        engineMs,
        queuedMs: queued !== undefined && arrival.queued !== undefined ? queued - arrival.queued : undefined,
      });
    });
  }

  /** The figures recorded since the last call. */
  take(): Timing[] {
    return this.list.splice(0, this.list.length);
  }
}
