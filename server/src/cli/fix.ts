// `copydesk check --fix`: applies every finding's preferred fix, atomically, and only where it changes something.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, preferredFixes } from '../engine/index.js';
import type { FileReport } from './output.js';

export interface FixOutcome {
  path: string;
  applied: number;
  written: boolean;
  reason?: string;
}

export function fixFile(report: FileReport, originalBytes: Buffer, cwd: string): FixOutcome {
  const fixes = preferredFixes(report.result.findings);
  if (fixes.length === 0) return { path: report.path, applied: 0, written: false };
  const next = applyFixes(report.text, fixes);
  if (next === report.text) return { path: report.path, applied: 0, written: false };
  const real = safeRealPath(report.path);
  const root = safeRealPath(cwd);
  if (!real || !root || (real !== root && !real.startsWith(root + path.sep))) {
    return { path: report.path, applied: 0, written: false, reason: 'outside the working folder (or a link leading out of it); not written' };
  }
  // Never overwrite an edit someone made after we read the file.
  const now = fs.readFileSync(real);
  if (!now.equals(originalBytes)) return { path: report.path, applied: 0, written: false, reason: 'changed on disk while being checked; not written' };
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.copydesk-${crypto.randomBytes(4).toString('hex')}.tmp`);
  const mode = fs.statSync(real).mode;
  try {
    fs.writeFileSync(tmp, next, { encoding: 'utf8', mode });
    fs.renameSync(tmp, real);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    return { path: report.path, applied: 0, written: false, reason: `could not write (${(e as Error).message})` };
  }
  return { path: report.path, applied: fixes.length, written: true };
}

function safeRealPath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}
