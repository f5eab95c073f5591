// The server's account of its own time per edit, handed over by copydesk/timings (bench/typing.mjs reads it):
// from the didChange read off the pipe to the diagnostics written (their bytes all taken by the pipe, see
// lsp/message-writer.ts), the CPU time from the check's start, the engine's share, and, on Linux, how long
// the main thread waited for a core meanwhile.
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

/** The moment a publish's bytes were all taken by the pipe, on the clocks a Timing reads. */
export interface Handover {
  at: number;
  queued: number | undefined;
  cpu: NodeJS.CpuUsage;
}

export function handoverNow(): Handover {
  return { at: performance.now(), queued: runQueueWaitMs(), cpu: process.cpuUsage() };
}

export class Timings {
  private readonly list: Timing[] = [];

  constructor(private readonly max = 2000) {}

  /** Records the check of the edit that arrived at `arrival`, once `written` (its diagnostics) settles:
   *  up to their handover when the transport noted it (`handover`), else up to now. `cpuBefore` is
   *  process.cpuUsage() when the check started. */
  after(written: Promise<void>, arrival: EditArrival, cpuBefore: NodeJS.CpuUsage, engineMs: number, handover: () => Handover | undefined): void {
    void written.then(() => {
      const end = handover() ?? handoverNow();
      if (this.list.length >= this.max) this.list.shift();
      this.list.push({
        wallMs: end.at - arrival.at,
        cpuMs: (end.cpu.user - cpuBefore.user + end.cpu.system - cpuBefore.system) / 1000,
        engineMs,
        queuedMs: end.queued !== undefined && arrival.queued !== undefined ? end.queued - arrival.queued : undefined,
      });
    });
  }

  /** The figures recorded since the last call. */
  take(): Timing[] {
    return this.list.splice(0, this.list.length);
  }
}
