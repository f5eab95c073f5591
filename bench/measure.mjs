// Measures one tool on one input, in its own process so peak memory is the tool's own.
//   node bench/measure.mjs <tool> <file> <languageId> <reps>
// Prints one JSON line: { tool, words, medianMs, wordsPerSecond, maxRssMB, findings }.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const [tool, file, languageId, repsArg] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const words = (text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu) ?? []).length;
const reps = Number(repsArg ?? 3);
const warmText = fs.readFileSync(process.env.WARM_FILE ?? file, 'utf8');

async function setup() {
  switch (tool) {
    case 'copydesk': {
      const engine = require(path.join(here, '..', 'dist', 'engine.js'));
      const style = engine.defaultStyle();
      // The whole check, spelling included: load the dictionary the house style needs before timing.
      await engine.prepare(style);
      return (t) => engine.analyze(t, { languageId, style }).findings.length;
    }
    case 'textlint-prh': {
      const { TextlintKernel } = require(path.join(here, 'node_modules', '@textlint', 'kernel'));
      const kernel = new TextlintKernel();
      const plugin = languageId === 'markdown'
        ? { pluginId: 'markdown', plugin: interop(require(path.join(here, 'node_modules', '@textlint', 'textlint-plugin-markdown'))) }
        : { pluginId: 'text', plugin: interop(require(path.join(here, 'node_modules', '@textlint', 'textlint-plugin-text'))) };
      const rule = require(path.join(here, 'node_modules', 'textlint-rule-prh'));
      const options = { ext: languageId === 'markdown' ? '.md' : '.txt', plugins: [plugin], rules: [{ ruleId: 'prh', rule: rule.default ?? rule, options: { rulePaths: [path.join(here, 'prh.yml')] } }] };
      return async (t) => (await kernel.lintText(t, options)).messages.length;
    }
    case 'retext': {
      const { retext } = await import(path.join(here, 'node_modules', 'retext', 'index.js'));
      const mod = async (name) => (await import(pathToEntry(name))).default;
      const { default: dictionary } = await import(pathToEntry('dictionary-en'));
      const processor = retext()
        .use(await mod('retext-spell'), { dictionary })
        .use(await mod('retext-quotes'))
        .use(await mod('retext-readability'))
        .use(await mod('retext-equality'))
        .use(await mod('retext-passive'));
      return async (t) => (await processor.process(t)).messages.length;
    }
    case 'harper': {
      const harper = await import(pathToEntry('harper.js'));
      const { binaryInlined } = await import(path.join(here, 'node_modules', 'harper.js', 'dist', 'binaryInlined.js'));
      const linter = new harper.LocalLinter({ binary: binaryInlined });
      await linter.setup();
      const language = languageId === 'markdown' ? 'markdown' : 'plaintext';
      return async (t) => (await linter.lint(t, { language })).length;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

function interop(m) {
  return m && m.default ? m.default : m;
}

function pathToEntry(name) {
  const pkgDir = path.join(here, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const exp = pkg.exports?.['.'] ?? pkg.exports;
  const entry = typeof exp === 'string' ? exp : exp?.import ?? exp?.default ?? pkg.module ?? pkg.main ?? 'index.js';
  return path.join(pkgDir, typeof entry === 'string' ? entry : entry.default);
}

const lint = await setup();
// Warm the JIT the way a long-running editor session would be: at least WARM_REPS runs and WARM_MS of
// work (ten runs of a 1,000-word article are over before the optimising compiler has finished).
const warmStart = performance.now();
for (let i = 0; i < Number(process.env.WARM_REPS ?? 10) || performance.now() - warmStart < Number(process.env.WARM_MS ?? 1000); i++) await lint(warmText);
// At least `reps` runs and, for a quick one, runs until MIN_MS of them (a median of a few runs of a few
// milliseconds each is at the mercy of one slow moment of a shared machine).
const times = [];
let findings = 0;
const minMs = Number(process.env.MIN_MS ?? 1000);
for (let i = 0, spent = 0; i < reps || (spent < minMs && i < 500); i++) {
  const t0 = performance.now();
  findings = await lint(text);
  const ms = performance.now() - t0;
  times.push(ms);
  spent += ms;
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({ tool, words, medianMs, wordsPerSecond: words / (medianMs / 1000), maxRssMB: process.resourceUsage().maxRSS / 1024, findings, runs: times.length }));
