// Where the bundled data (presets, schema, dictionaries) lives: `server/data` under the package root,
// found by walking up from this file, so the same code works from source, from dist/ and in a .vsix.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | null = null;

export function dataDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'server', 'data');
    if (fs.existsSync(path.join(candidate, 'copydesk.schema.json'))) return (cached = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Copydesk cannot find its bundled data (server/data) above ${__dirname}`);
}

/** The contents of a file the build writes from bundled sources, or null when it is missing or older than
 *  one of them (the caller then works from the sources). */
export function readBuilt(built: string, sources: readonly string[]): Buffer | null {
  try {
    const at = fs.statSync(built).mtimeMs;
    for (const source of sources) if (fs.statSync(source).mtimeMs > at) return null;
    return fs.readFileSync(built);
  } catch {
    return null;
  }
}

/** A bundled YAML data file (a preset, the consistency table) as data. The build writes each as JSON next
 *  to it (`npm run build`), which loads in a fraction of the time a YAML parse takes at start-up; the YAML
 *  itself is read when the JSON is missing or older than it. */
export function readDataYaml(relative: string, parseYaml: (text: string) => unknown): unknown {
  const file = path.join(dataDir(), relative);
  const built = readBuilt(`${file}.json`, [file]);
  return built ? JSON.parse(built.toString('utf8')) : parseYaml(fs.readFileSync(file, 'utf8'));
}
