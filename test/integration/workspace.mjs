// The temporary workspace both integration runners open: the Black Sea seed as draft.md, the council story as
// council.txt (left closed, for the workspace check) and a small house style.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const HOUSE_STYLE = `# Integration-test house style (written by test/integration/workspace.mjs).
extends: default
`;

export function makeWorkspace(prefix = 'copydesk-itest') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  fs.copyFileSync(path.join(root, 'examples', 'black-sea-grain-talks.md'), path.join(dir, 'draft.md'));
  fs.copyFileSync(path.join(root, 'examples', 'council-budget-vote.txt'), path.join(dir, 'council.txt'));
  fs.writeFileSync(path.join(dir, 'copydesk.yaml'), HOUSE_STYLE);
  return dir;
}
