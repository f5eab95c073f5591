// The environment an editor starts the language server in: the editor's own, less what only costs the server.
// Node 20 reads and parses the certificate file that NODE_EXTRA_CA_CERTS names as the process starts, before
// any of our code runs, whether or not the process ever opens a TLS connection; the server never opens any
// connection. With Debian's bundle (144 certificates, 220 KB) that was 45–70 ms of every start on the 2-core
// VM: `node -e 0` took 0.10 s with it and 0.05 s without (8 alternating runs), and the server's start to its
// first diagnostics (bench/start.mjs, medians of 7) 281–286 ms with it against 239–263 ms without (3
// alternating pairs).
import { availableCores } from '../cores.js';

/** Variables left out of the server's environment. */
const UNUSED_BY_SERVER = ['NODE_EXTRA_CA_CERTS'] as const;

/** Overrides for the server's environment: each unused variable set to undefined, which Node's spawn and
 *  fork leave out (vscode-languageclient lays these over a copy of the editor's environment). */
export function serverEnvironment(): Record<string, undefined> {
  const env: Record<string, undefined> = {};
  for (const name of UNUSED_BY_SERVER) env[name] = undefined;
  return env;
}

/** Node's default size of V8's pool of background threads (--v8-pool-size). */
const NODE_DEFAULT_POOL = 4;

/** Node flags for the server process: V8's pool of background threads (its optimising compiler, parallel
 *  GC) at one fewer than the machine's cores, at most Node's default of four. A server started in a hurry
 *  compiles its hot functions while the writer types; with four such threads on two cores they took the
 *  core of the keystroke's check as well. On the 2-core VM, a fresh server typed into back to back
 *  (bench/typing.mjs, its cold start) read p95 5.89–6.26 ms with one thread against 7.74–8.03 ms with four,
 *  three alternating runs, and 6.02 against 6.50 ms at the median of eight more; the other streams and
 *  the start were within noise. */
export function serverExecArgv(cores = availableCores(), electron = process.versions.electron !== undefined): string[] {
  // Desktop VS Code forks the server with its Electron build of Node, which keeps Chromium's V8 platform
  // (its own thread pool) in place of Node's: the flag would change nothing there, so it is not risked.
  if (electron) return [];
  return [`--v8-pool-size=${Math.max(1, Math.min(NODE_DEFAULT_POOL, cores - 1))}`];
}
