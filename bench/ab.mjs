// Old and new server side by side in the same minutes: this machine's speed drifts by as much as the changes
// it is asked to judge, so one run of each says little. Runs bench/typing.mjs RUNS times (default 3) with
// each server, alternating, and prints every stream's server p95 per run and their medians.
//   node bench/ab.mjs <dir with the old server-main.js and server-main.js.cache> [RUNS]
// The old bundle comes from a build of the old commit, for example:
//   git worktree add /tmp/old <commit> && cd /tmp/old && ln -s "$OLDPWD/node_modules" node_modules &&
//   cp -r "$OLDPWD/server/data/dict" server/data/ && npm run build      (then: node bench/ab.mjs /tmp/old/dist)
// The new one is this checkout's dist/. The two bundles take turns in dist/ (dist/server.js loads the
// bundle beside it); this checkout's own is put back at the end, also when interrupted.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const FILES = ['server-main.js', 'server-main.js.cache'];
const [oldDir, runsArg] = process.argv.slice(2);
if (!oldDir || !FILES.every((f) => fs.existsSync(path.join(oldDir, f)))) {
  console.error('usage: node bench/ab.mjs <dir with the old server-main.js and server-main.js.cache> [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ab-'));
for (const f of FILES) fs.copyFileSync(path.join(dist, f), path.join(saved, f));
const use = (dir) => { for (const f of FILES) fs.copyFileSync(path.join(dir, f), path.join(dist, f)); };
const restore = () => use(saved);
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

const STREAMS = [['warm', (r) => r], ['clean pace', (r) => r.writing], ['typo pace', (r) => r.paced], ['after reading', (r) => r.afterPause], ['fresh', (r) => r.cold], ['fresh pace', (r) => r.freshPaced]];
const p95s = { old: STREAMS.map(() => []), new: STREAMS.map(() => []) };
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, dir] of [['old', oldDir], ['new', saved]]) {
      use(dir);
      const out = execFileSync(process.execPath, [path.join(here, 'typing.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const result = JSON.parse(out.trim().split('\n').pop());
      STREAMS.forEach(([, of], k) => p95s[name][k].push(of(result).server.p95));
      console.log(`run ${i + 1} ${name}: ${STREAMS.map(([label], k) => `${label} ${p95s[name][k].at(-1).toFixed(2)}`).join(', ')}`);
    }
  }
} finally {
  restore();
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`server p95 (ms), median of ${runs} runs each, old → new:`);
STREAMS.forEach(([label], k) => console.log(`  ${label.padEnd(14)} ${median(p95s.old[k]).toFixed(2)} → ${median(p95s.new[k]).toFixed(2)}   (old ${p95s.old[k].map((x) => x.toFixed(2)).join(' ')}; new ${p95s.new[k].map((x) => x.toFixed(2)).join(' ')})`));
