// Facts about the machine that explain the benchmarks' figures, measured on their own:
// 1. A new version of a long two-byte string: past 128 KB (64K characters), V8 puts it in fresh large-object
//    memory, and each first touch of a fresh page is a page fault.
// 2. Work that reads a few megabytes, back to back and after 50 ms idle (a writer's pause between keys).
//   node bench/machine.mjs
// 3. How fast each core runs the same check over time (Linux, taskset): ROUNDS rounds (default 12), EVERY_S
//    seconds apart (default 10), each a check of the seed article pinned to one core after another (the
//    median of its runs over about 0.5 s, after 1 s of warm-up; needs a build, dist/engine.js).
//   node bench/machine.mjs --cores [ROUNDS]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedText } from './lsp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

function stringVersions(chars) {
  let s = 'abcdefghi\u201c'.repeat(chars / 10);
  const before = process.resourceUsage();
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const at = (i * 7919) % chars;
    const next = s.slice(0, at) + 'x' + s.slice(at + 1);
    const t0 = performance.now();
    next.lastIndexOf('\u0001'); // any read makes V8 flatten the new version into one string
    times.push(performance.now() - t0);
    s = next;
  }
  const after = process.resourceUsage();
  return { chars, bytes: chars * 2, medianMs: median(times.slice(200)), pageFaults: (after.minorPageFault - before.minorPageFault) / 2000 };
}

async function afterIdle(pauseMs) {
  const n = (8 * 1024 * 1024) / 8;
  const a = new Float64Array(n).map((_, i) => i);
  let seed = 7;
  const idx = new Uint32Array(60_000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const times = [];
  for (let r = 0; r < 120; r++) {
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const t0 = performance.now();
    let sum = 0;
    for (let k = 0; k < 5; k++) for (let i = 0; i < idx.length; i++) sum += a[idx[i]];
    times.push(performance.now() - t0);
    if (sum < 0) console.log(sum);
  }
  return { pauseMs, medianMs: median(times.slice(20)) };
}

/** One core's median time for a check of the seed, in its own process pinned to `core`. */
function checkOn(core, file) {
  const out = execFileSync('taskset', ['-c', String(core), process.execPath, path.join(here, 'measure.mjs'), 'copydesk', file, 'plaintext', '10'], {
    encoding: 'utf8', env: { ...process.env, WARM_FILE: file, WARM_MS: '1000', MIN_MS: '500' },
  });
  return JSON.parse(out.trim().split('\n').pop()).medianMs;
}

async function coresOverTime(rounds, everyS) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-machine-')), 'seed.txt');
  fs.writeFileSync(file, seedText());
  const cores = os.cpus().length;
  const times = Array.from({ length: cores }, () => []);
  console.log(`the seed article's check pinned to each core (ms, median of its runs), every ${everyS} s:`);
  for (let r = 0; r < rounds; r++) {
    if (r) await new Promise((resolve) => setTimeout(resolve, everyS * 1000));
    const row = [];
    for (let c = 0; c < cores; c++) {
      const ms = checkOn(c, file);
      times[c].push(ms);
      row.push(`core ${c} ${ms.toFixed(3)}`);
    }
    console.log(`  ${new Date().toISOString().slice(11, 19)}  ${row.join('  ')}`);
  }
  for (let c = 0; c < cores; c++) {
    const t = times[c];
    console.log(`core ${c}: ${Math.min(...t).toFixed(3)}–${Math.max(...t).toFixed(3)} ms, slowest ${(Math.max(...t) / Math.min(...t)).toFixed(2)}× its fastest`);
  }
}

if (process.argv[2] === '--cores') {
  await coresOverTime(Number(process.argv[3] ?? 12), Number(process.env.EVERY_S ?? 10));
  process.exit(0);
}

for (const chars of [60_000, 67_000]) {
  const r = stringVersions(chars);
  console.log(`a new version of a ${r.chars}-character two-byte string (${Math.round(r.bytes / 1024)} KB): median ${r.medianMs.toFixed(3)} ms, ${r.pageFaults.toFixed(1)} page faults`);
}
for (const pause of [0, 50]) {
  const r = await afterIdle(pause);
  console.log(`random reads over 8 MB (300,000 of them) ${pause ? `after ${pause} ms idle` : 'back to back'}: median ${r.medianMs.toFixed(2)} ms`);
}
