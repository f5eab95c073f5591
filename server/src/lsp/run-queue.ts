// How long the server's main thread has waited for a core while ready to run: the second field of Linux's
// /proc/thread-self/schedstat (nanoseconds), whoever held the core: another process or the server's own V8
// compiler and GC threads. A keystroke's server time (didChange read → diagnostics written) counts that wait.
// On the 2-core VM the editor's process, woken by a publish through the socket pair, was often run on the
// server's own core, where its reading of the message delayed the server's "written": in a writer's-pace
// stream of 118 KB publishes the server's thread waited 2.0–2.6 ms per keystroke, and none with editor and
// server pinned to different cores; the server time p50 fell from 5.2–5.6 to 3.1 ms, with the same CPU time
// and the same keystroke-to-diagnostics latency in the editor (bench/cores.mjs, 2026-12-07).
import * as fs from 'node:fs';

let fd: number | null | undefined;
const buf = Buffer.alloc(96);

/** Milliseconds this thread has spent runnable but not running since it started; undefined where the
 *  kernel does not say (not Linux, or /proc not mounted). Read from a file kept open: about 5 µs. */
export function runQueueWaitMs(): number | undefined {
  if (fd === undefined) {
    try {
      fd = fs.openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      fd = null;
    }
  }
  if (fd === null) return undefined;
  try {
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const fields = buf.toString('latin1', 0, n).split(' ');
    const waited = Number(fields[1]);
    return Number.isFinite(waited) ? waited / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
