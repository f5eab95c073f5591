// Two servers side by side in the same minutes: this machine's speed drifts by as much as the changes it is
// asked to judge, so one run of each says little. Runs bench/typing.mjs RUNS times (default 3) with each,
// alternating (each side first in every other round), and prints every stream's server p95 per run and
// their medians.
//   node bench/ab.mjs <dir with the old server-main.js and server-main.js.cache> [RUNS]
//       an old build against this checkout's
//   node bench/ab.mjs --args "<node flags A>" "<node flags B>" [RUNS]
//       this checkout's server started with two sets of Node flags ("" for Node's defaults)
// The old bundle comes from a build of the old commit, for example:
//   git worktree add /tmp/old <commit> && cd /tmp/old && ln -s "$OLDPWD/node_modules" node_modules &&
//   cp -r "$OLDPWD/server/data/dict" server/data/ && npm run build      (then: node bench/ab.mjs /tmp/old/dist)
// The two bundles take turns in dist/ (dist/server.js loads the bundle beside it); this checkout's own is put
// back at the end, also when interrupted.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './lsp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const FILES = ['server-main.js', 'server-main.js.cache'];
const argv = process.argv.slice(2);
const byFlags = argv[0] === '--args';

/** The two sides: a label, what to do before its run, and the environment of its run. */
let sides;
let runs;
let restore = () => {};
if (byFlags) {
  if (argv.length < 3) usage();
  const env = (flags) => ({ ...process.env, SERVER_NODE_ARGS: flags });
  sides = [{ label: 'A', prepare() {}, env: env(argv[1]) }, { label: 'B', prepare() {}, env: env(argv[2]) }];
  runs = Number(argv[3] ?? 3);
} else {
  const oldDir = argv[0];
  if (!oldDir || !FILES.every((f) => fs.existsSync(path.join(oldDir, f)))) usage();
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ab-'));
  for (const f of FILES) fs.copyFileSync(path.join(dist, f), path.join(saved, f));
  const use = (dir) => { for (const f of FILES) fs.copyFileSync(path.join(dir, f), path.join(dist, f)); };
  restore = () => use(saved);
  process.on('SIGINT', () => {
    restore();
    process.exit(130);
  });
  sides = [{ label: 'old', prepare: () => use(oldDir), env: process.env }, { label: 'new', prepare: () => use(saved), env: process.env }];
  runs = Number(argv[1] ?? 3);
}

function usage() {
  console.error('usage: node bench/ab.mjs <dir with the old server-main.js and server-main.js.cache> [runs]\n       node bench/ab.mjs --args "<node flags A>" "<node flags B>" [runs]');
  process.exit(2);
}

const STREAMS = [['warm', (r) => r], ['clean pace', (r) => r.writing], ['typo pace', (r) => r.paced], ['after reading', (r) => r.afterPause], ['fresh', (r) => r.cold], ['fresh pace', (r) => r.freshPaced]];
const p95s = sides.map(() => STREAMS.map(() => []));
try {
  for (let i = 0; i < runs; i++) {
    // Each takes its turn first: a run after a minute of load can meet a slower core than the one before it
    // (node bench/machine.mjs --cores).
    for (const s of i % 2 ? [1, 0] : [0, 1]) {
      const side = sides[s];
      side.prepare();
      const out = execFileSync(process.execPath, [path.join(here, 'typing.mjs')], { encoding: 'utf8', env: side.env, stdio: ['ignore', 'pipe', 'ignore'] });
      const result = JSON.parse(out.trim().split('\n').pop());
      STREAMS.forEach(([, of], k) => p95s[s][k].push(of(result).server.p95));
      console.log(`run ${i + 1} ${side.label}: ${STREAMS.map(([label], k) => `${label} ${p95s[s][k].at(-1).toFixed(2)}`).join(', ')}`);
    }
  }
} finally {
  restore();
}
const median = (list) => percentile([...list].sort((a, b) => a - b), 50);
const [a, b] = sides.map((s) => s.label);
console.log(`server p95 (ms), median of ${runs} runs each, ${a} → ${b}${byFlags ? ` (A: "${argv[1]}", B: "${argv[2]}")` : ''}:`);
STREAMS.forEach(([label], k) => console.log(`  ${label.padEnd(14)} ${median(p95s[0][k]).toFixed(2)} → ${median(p95s[1][k]).toFixed(2)}   (${a} ${p95s[0][k].map((x) => x.toFixed(2)).join(' ')}; ${b} ${p95s[1][k].map((x) => x.toFixed(2)).join(' ')})`));
