// The environment an editor starts the language server in: the editor's own, less what only costs the server.
// Node 20 reads and parses the certificate file that NODE_EXTRA_CA_CERTS names as the process starts, before
// any of our code runs, whether or not the process ever opens a TLS connection; the server never opens any
// connection. With Debian's bundle (144 certificates, 220 KB) that was 45–70 ms of every start on the 2-core
// VM: `node -e 0` took 0.10 s with it and 0.05 s without (8 alternating runs), and the server's start to its
// first diagnostics (bench/start.mjs, medians of 7) 281–286 ms with it against 239–263 ms without (3
// alternating pairs).

/** Variables left out of the server's environment. */
const UNUSED_BY_SERVER = ['NODE_EXTRA_CA_CERTS'] as const;

/** Overrides for the server's environment: each unused variable set to undefined, which Node's spawn and
 *  fork leave out (vscode-languageclient lays these over a copy of the editor's environment). */
export function serverEnvironment(): Record<string, undefined> {
  const env: Record<string, undefined> = {};
  for (const name of UNUSED_BY_SERVER) env[name] = undefined;
  return env;
}
