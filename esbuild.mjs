// Bundles the client, the language server and the CLI into dist/ (vscode stays external).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // esbuild's Node table lacks these, so it would turn every such literal into a `new RegExp(...)` built
  // again on each evaluation (inside loops, once per token); Node 18 and later have them all.
  supported: {
    'regexp-unicode-property-escapes': true,
    'regexp-lookbehind-assertions': true,
    'regexp-named-capture-groups': true,
    'regexp-dot-all-flag': true,
    'regexp-match-indices': true,
    'regexp-sticky-and-unicode-flags': true,
  },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [asciiOnly()],
};

/** esbuild leaves non-ASCII characters in regular expression literals and comments as they are; one such
 *  character makes Node read the whole bundle as a two-byte string (slowly decoded, twice the memory,
 *  slower to compile: ~15 ms more at every start of the server). They become \u escapes, which mean the
 *  same inside a regular expression (a surrogate pair is one code point under the u flag). */
function asciiOnly() {
  return {
    name: 'ascii-only',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        const file = build.initialOptions.outfile;
        const text = readFileSync(file, 'utf8');
        // eslint-disable-next-line no-control-regex
        if (!/[^\x00-\x7f]/.test(text)) return;
        // eslint-disable-next-line no-control-regex
        writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      });
    },
  };
}

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/src/launch/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['server/src/launch/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/worker-main.js' },
  { entryPoints: ['server/src/launch/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['server/src/unified.ts'], outfile: 'dist/unified.js' },
  { entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' },
  // How the extension starts the server (its environment and Node flags), for bench/lsp.mjs to do the same.
  { entryPoints: ['server/src/lsp/server-environment.ts'], outfile: 'dist/server-environment.js' },
];



// The Hunspell dictionaries ship inside server/data so the bundled server and the .vsix need no node_modules.
for (const [pkg, dir] of [['dictionary-en', 'en-US'], ['dictionary-en-gb', 'en-GB']]) {
  const from = `node_modules/${pkg}`;
  if (!existsSync(from)) continue;
  mkdirSync(`server/data/dict/${dir}`, { recursive: true });
  for (const f of ['index.aff', 'index.dic', 'license']) copyFileSync(`${from}/${f}`, `server/data/dict/${dir}/${f}`);
}
// The bundled YAML data (presets, the consistency table) as JSON too: a YAML parse at start-up costs
// ~20 ms, a JSON parse well under one (style/paths.ts readDataYaml reads the JSON while it is up to date).
for (const dir of ['server/data/presets', 'server/data/style']) {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    writeFileSync(`${dir}/${f}.json`, JSON.stringify(parseDocument(readFileSync(`${dir}/${f}`, 'utf8')).toJS() ?? null));
  }
}
// re2-wasm loads its engine from re2.wasm next to the bundle that requires it.
mkdirSync('dist', { recursive: true });
if (existsSync('node_modules/re2-wasm/build/wasm/re2.wasm')) copyFileSync('node_modules/re2-wasm/build/wasm/re2.wasm', 'dist/re2.wasm');

// The dictionaries' word lists as prebuilt hash tables, read at start-up instead of parsing the .dic
// (names/lexicon.ts) or building nspell's dictionary (spelling/dictionary.ts): written by the engine's own
// code, bundled for the moment into a temporary file.
async function writeWordTables() {
  if (!existsSync('server/data/dict/en-US/index.dic')) return;
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-build-'));
  for (const [entry, write] of [['server/src/engine/names/lexicon.ts', 'writeLexiconTables'], ['server/src/engine/spelling/dictionary.ts', 'writeSpellingTables']]) {
    const file = join(dir, `${write}.cjs`);
    await esbuild.build({ ...common, plugins: [], sourcemap: false, entryPoints: [entry], outfile: file });
    createRequire(import.meta.url)(file)[write]('server/data');
  }
  rmSync(dir, { recursive: true, force: true });
}
await writeWordTables();

const present = entries.filter((e) => existsSync(e.entryPoints[0]));
if (watch) {
  for (const e of present) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(present.map((e) => esbuild.build({ ...common, ...e })));
  // The bundles' V8 code caches, written by running them (server/src/launch/code-cache.ts).
  execFileSync(process.execPath, ['scripts/warm-code-cache.mjs'], { stdio: 'inherit' });
}
