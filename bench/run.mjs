// npm run bench: Copydesk side by side with the tools a newsroom would pick instead, on the same inputs,
// in one run (ratios stay honest on a noisy machine). Each measurement runs in its own process.
//   node bench/run.mjs [--quick] [--only throughput|workspace|typing|start]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const shared = path.join(root, '..', 'shared');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const want = (part) => !only || only === part;

if (!fs.existsSync(path.join(here, 'node_modules', 'textlint-rule-prh'))) {
  console.log('installing the comparison tools into bench/node_modules (once) ...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', here], { stdio: 'inherit' });
}
if (!fs.existsSync(path.join(root, 'dist', 'engine.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
const seedFile = path.join(shared, 'seed', 'dpa-istanbul-talks.txt');
const seed = fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(root, 'examples', 'black-sea-grain-talks.md'), 'utf8');
const devDir = path.join(shared, 'corpus', 'dev');
const mdSeed = fs.existsSync(devDir)
  ? fs.readdirSync(devDir).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(devDir, f), 'utf8')).join('\n\n')
  : fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(root, 'examples', f), 'utf8')).join('\n\n');
const sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000];
const input = (name, text, n) => {
  const file = path.join(work, `${name}-${n}x`);
  fs.writeFileSync(file, Array(n).fill(text).join('\n\n'));
  return file;
};

writePrhFromDefaultStyle();

function measure(tool, file, lang, reps, timeoutMs) {
  // Node's defaults for every tool, as a user runs them (here they allow a 4 GB heap; asking for it
  // explicitly would also change V8's young generation, and every tool's speed with it).
  const r = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), tool, file, lang, String(reps)], {
    encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, WARM_FILE: input(`warm-${lang}`, lang === 'markdown' ? mdSeed : seed, 1) },
  });
  if (r.error || r.status !== 0) return { tool, failed: r.error?.code === 'ETIMEDOUT' ? `no result within ${timeoutMs / 1000} s` : failure(r) };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** One line on why a tool's process failed: its last error line, cut short (harper.js's bundle is a single
 *  line of base64 that Node prints with the error, and its stack names that line). */
function failure(r) {
  const lines = (r.stderr || '').split('\n').map((l) => l.trim()).filter(Boolean);
  const last = (re) => [...lines].reverse().find((l) => re.test(l));
  const found = last(/^[\w. ]*(Error|Exception)\b/i) ?? last(/out of memory|OutOfMemory|Killed/i);
  const line = found && found.length > 200 ? `${found.slice(0, 200)}…` : found;
  return `process failed (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`})${line ? `: ${line}` : ''}`;
}

const resultsFile = path.join(here, 'results.json');
// With --only, the other parts of the last run's results are kept (each part says when it was measured).
const kept = only && fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
const results = { throughput: [], workspace: null, typing: null, start: null, ...kept, machine: `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, date: new Date().toISOString() };
results.measured = { ...(kept.measured ?? {}) };
for (const part of ['throughput', 'workspace', 'typing', 'start']) if (want(part)) results.measured[part] = results.date;
if (want('throughput')) results.throughput = [];
const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1000)}k`);

if (want('throughput')) {
  console.log(`\nThroughput (words/s, median; peak RSS) on ${results.machine}`);
  const tools = ['copydesk', 'textlint-prh', 'retext', 'harper'];
  for (const [label, text, lang] of [['seed (plain text)', seed, 'plaintext'], ['dev drafts (Markdown)', mdSeed, 'markdown']]) {
    for (const n of sizes) {
      const file = input(label.startsWith('seed') ? 'seed' : 'md', text, n);
      const row = { input: label, copies: n, tools: {} };
      for (const tool of tools) {
        // The slow anchors are capped so the benchmark finishes; a cap is reported, never hidden.
        const reps = n >= 1000 ? 1 : n >= 100 ? 3 : 7;
        const cap = tool === 'copydesk' ? 300_000 : n >= 1000 ? 60_000 : 120_000;
        row.tools[tool] = measure(tool, file, lang, reps, cap);
      }
      results.throughput.push(row);
      const c = row.tools.copydesk;
      const cells = tools.map((t) => {
        const m = row.tools[t];
        if (m.failed) return `${t}: ${m.failed}`;
        const ratio = t === 'copydesk' || c.failed ? '' : ` (Copydesk ×${(c.wordsPerSecond / m.wordsPerSecond).toFixed(1)})`;
        return `${t} ${fmt(m.wordsPerSecond)} ${Math.round(m.maxRssMB)}MB${ratio}`;
      });
      console.log(`${label.padEnd(22)} ×${String(n).padEnd(5)} ${String(c.words ?? '').padStart(8)} words | ${cells.join(' | ')}`);
    }
  }
  for (const label of ['seed (plain text)', 'dev drafts (Markdown)']) {
    const rows = results.throughput.filter((r) => r.input === label && !r.tools.copydesk.failed);
    const one = rows.find((r) => r.copies === 1);
    const big = rows[rows.length - 1];
    if (one && big && big !== one) console.log(`linearity (${label}): per-word cost at ×${big.copies} is ${(one.tools.copydesk.wordsPerSecond / big.tools.copydesk.wordsPerSecond).toFixed(2)}× that at ×1`);
  }
}

if (want('workspace')) {
  const polnear = path.join(shared, 'corpus', 'polnear', 'train', 'text');
  if (fs.existsSync(polnear)) {
    const count = fs.readdirSync(polnear).length;
    const time = (jobs) => {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'check', '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs), polnear], { encoding: 'utf8', maxBuffer: 1 << 28 });
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[1];
    };
    const single = time(1);
    const all = time(os.availableParallelism?.() ?? os.cpus().length);
    results.workspace = { files: count, singleWorkerMs: single, allWorkersMs: all };
    console.log(`\nWorkspace: ${count} PolNeAR train articles through the CLI (process start to exit, median of 3): 1 worker ${(single / 1000).toFixed(2)} s, all workers ${(all / 1000).toFixed(2)} s`);
  } else console.log('\nWorkspace: ../shared/corpus/polnear not present; skipped');
}

for (const part of ['typing', 'start']) {
  if (!want(part)) continue;
  const script = path.join(here, `${part}.mjs`);
  if (!fs.existsSync(script)) continue;
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 300_000 });
  process.stdout.write(`\n${r.stdout}`);
  if (r.status !== 0) process.stdout.write(r.stderr);
  try {
    results[part] = JSON.parse(r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? 'null');
  } catch { /* the script printed no summary */ }
}

fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.log(`\nresults written to bench/results.json`);
fs.rmSync(work, { recursive: true, force: true });

// textlint + prh gets the same names and substitutions as Copydesk's default preset.
function writePrhFromDefaultStyle() {
  const require = createRequire(import.meta.url);
  const engine = require(path.join(root, 'dist', 'engine.js'));
  const cfg = engine.defaultStyle().config;
  const rules = [];
  // prh escapes '-' in plain patterns and then compiles with the u flag, which rejects "\-"; pass regex literals.
  const q = (s) => JSON.stringify(`/${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`);
  const plain = (s) => JSON.stringify(s);
  for (const n of cfg.names) if (n.variants?.length) rules.push(`  - expected: ${plain(n.name)}\n    patterns: [${n.variants.map(q).join(', ')}]`);
  for (const s of cfg.substitutions) rules.push(`  - expected: ${plain(s.prefer)}\n    patterns: [${s.over.map(q).join(', ')}]`);
  fs.writeFileSync(path.join(here, 'prh.yml'), `# Generated by bench/run.mjs from Copydesk's default preset.\nversion: 1\nrules:\n${rules.join('\n')}\n`);
}
