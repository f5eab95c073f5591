// Which files a CLI run covers: paths, directories (drafts below them) and globs, in a stable order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt', '.text', '.news'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);

export interface FileList {
  files: string[];
  missing: string[];
}

export function expandPaths(args: string[], cwd = process.cwd()): FileList {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (picomatch.scan(arg).isGlob) {
      const { base, glob } = picomatch.scan(arg);
      const root = path.resolve(cwd, base || '.');
      const isMatch = picomatch(glob, { dot: false });
      const found = walk(root, () => true).filter((f) => isMatch(path.relative(root, f).split(path.sep).join('/')));
      if (found.length === 0) missing.push(arg);
      files.push(...found);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) files.push(...walk(abs, (f) => DRAFT_EXTENSIONS.includes(path.extname(f).toLowerCase())));
    else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(p);
      } else if (e.isFile() && keep(p)) out.push(p);
    }
  }
  return out.sort();
}

export function languageOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.news') return 'newsdraft';
  return 'plaintext';
}

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; reason: string };

/** Reads a draft as UTF-8 (a BOM is kept as text, so writing back keeps it), refusing binary files and
 *  invalid UTF-8 instead of checking garbage. */
export function readDraftBytes(file: string, maxBytes: number): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (buf.length > maxBytes) return { ok: false, reason: `larger than the maximum file size (${buf.length} > ${maxBytes} bytes; raise --max-file-size)` };
  if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), skipped' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { ok: false, reason: 'not valid UTF-8, skipped' };
  }
  return { ok: true, text, bytes: buf };
}

/** The house style that applies: --style, else the nearest copydesk.yaml above the working directory. */
export function findStyleFile(cwd = process.cwd()): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, 'copydesk.yaml');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The files' size together (a file that cannot be read counts nothing: its error comes later). */
export function totalBytes(files: string[]): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return bytes;
}
