// Bundles the integration suite (test/integration/suite/*.ts) into dist/integration-tests/ for the extension
// host: vscode and mocha stay external (the extension host provides vscode; mocha resolves from node_modules).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const outDir = path.join(here, '..', '..', 'dist', 'integration-tests');

export async function buildSuite() {
  const src = path.join(here, 'suite');
  const entryPoints = fs.readdirSync(src).filter((f) => f.endsWith('.ts')).map((f) => path.join(src, f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({ entryPoints, outdir: outDir, bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' });
  return path.join(outDir, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
