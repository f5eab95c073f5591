// Bundles the client, the language server and the CLI into dist/ (vscode stays external).
import * as esbuild from 'esbuild';

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
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['server/src/unified.ts'], outfile: 'dist/unified.js' },
  { entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' },
];

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

// The Hunspell dictionaries ship inside server/data so the bundled server and the .vsix need no node_modules.
for (const [pkg, dir] of [['dictionary-en', 'en-US'], ['dictionary-en-gb', 'en-GB']]) {
  const from = `node_modules/${pkg}`;
  if (!existsSync(from)) continue;
  mkdirSync(`server/data/dict/${dir}`, { recursive: true });
  for (const f of ['index.aff', 'index.dic', 'license']) copyFileSync(`${from}/${f}`, `server/data/dict/${dir}/${f}`);
}
// re2-wasm loads its engine from re2.wasm next to the bundle that requires it.
mkdirSync('dist', { recursive: true });
if (existsSync('node_modules/re2-wasm/build/wasm/re2.wasm')) copyFileSync('node_modules/re2-wasm/build/wasm/re2.wasm', 'dist/re2.wasm');

const present = entries.filter((e) => existsSync(e.entryPoints[0]));
if (watch) {
  for (const e of present) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(present.map((e) => esbuild.build({ ...common, ...e })));
}
