// The server's background threads give way to its main thread. Node's V8 platform threads (the optimising
// compiler, the garbage collector's helpers) run at the main thread's priority, and on a machine with few
// cores a fresh server's compile jobs and the keystroke's check took turns on one core: the keystroke
// waited. A higher nice value for those threads, and for them only (Linux keeps a nice value per thread,
// and raising one needs no privilege), lets the main thread run first whenever both want the core.
import * as fs from 'node:fs';
import * as os from 'node:os';

/** How far the background threads' nice value is raised above the main thread's. */
const BACKGROUND_NICE = 10;
/** The highest nice value Linux allows. */
const LOWEST_PRIORITY = 19;

/** Raises the nice value of every thread of this process but the main one, as they stand now (at start:
 *  Node's platform threads; threads made later by the main thread keep its priority). Linux only, and not
 *  under Electron, whose threads are Chromium's; returns how many threads were changed. */
export function backgroundThreadsGiveWay(electron = process.versions.electron !== undefined): number {
  if (process.platform !== 'linux' || electron) return 0;
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  const nice = Math.min(LOWEST_PRIORITY, os.getPriority(process.pid) + BACKGROUND_NICE);
  let changed = 0;
  for (const name of tids) {
    const tid = Number(name);
    // The main thread's id is the process id.
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      os.setPriority(tid, nice);
      changed++;
    } catch {
      // A thread that ended meanwhile, or a system that refuses: the server runs as before.
    }
  }
  return changed;
}
