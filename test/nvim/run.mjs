// Runs the Neovim client test (needs `nvim`, Debian's neovim package; skipped with a notice when absent).
// Prints a closing summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
if (spawnSync('nvim', ['--version']).status !== 0) {
  console.log('nvim not installed (apt-get install -y neovim); Neovim client test skipped\n0 passed, 0 failed, 1 skipped');
  process.exit(process.env.CI ? 1 : 0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-nvim-'));
const draft = path.join(dir, 'draft.md');
fs.writeFileSync(draft, 'Turkish Foreign Minister Hakan Fiden met officials.\n\nShelling hit Zaporizhzhya overnight.\n');
const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(here, 'client.lua')}`], {
  encoding: 'utf8',
  timeout: 60_000,
  env: { ...process.env, COPYDESK_SERVER: path.join(root, 'dist', 'server.js'), COPYDESK_DRAFT: draft },
});
const out = `${r.stdout}`;
process.stdout.write(out);
const checks = [
  ['diagnostics arrive in Neovim', /diagnostic names\.misspelled 0:25/.test(out) && /diagnostic names\.listed-variant 2:13/.test(out)],
  ['the preferred code action is applied', /applied Replace with “Hakan Fidan”/.test(out) && /line Turkish Foreign Minister Hakan Fidan met officials\./.test(out)],
];
let failed = 0;
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (!ok) failed++;
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
