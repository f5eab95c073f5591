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
