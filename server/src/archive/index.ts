// The newsroom's archive (names.archive in copydesk.yaml), indexed for the names.archive check: every
// capitalised word and every pair of adjacent capitalised words of the published files, with counts.
// Files are read in chunks and tokenised once (no check runs on them); only counts are kept, plus the
// word ids each file contributed, so a changed file is re-counted alone. Nothing is written to disk.
// Globs never reach outside the root (the folder of copydesk.yaml): ".." and foreign absolute paths are
// refused when the style loads, and links that lead outside are not followed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { tokenize, TokenFlag, TokenKind } from '../engine/document/tokens.js';
import { archiveGlobProblem, type NameArchive } from '../engine/names/archive.js';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', '.vscode-test']);
const CHUNK = 1 << 20;
/** Files larger than this are not indexed (an archive is stories, not dumps). */
export const MAX_ARCHIVE_FILE = 64 * 1024 * 1024;
const PAIR = 2 ** 26;
const POSSESSIVE = /['’]s?$/;
const ODD = /[\d'’]/;
let sharedBuffer: Buffer | undefined;

/** Counts only: what the engine reads. Also what a CLI worker thread receives. */
export class ArchiveCounts implements NameArchive {
  protected terms: string[] = [];
  protected ids = new Map<string, number>();
  protected counts = new Int32Array(4096);
  /** Occurrences not at the start of a sentence (where any word is capitalised). */
  protected mids = new Int32Array(4096);
  protected pairs = new Map<number, number>();
  protected fileCount = 0;
  protected rev = 0;
  protected readonly tag: string;

  constructor(tag = nextTag()) {
    this.tag = tag;
  }

  get version(): string {
    return `${this.tag}.${this.rev}`;
  }

  get files(): number {
    return this.fileCount;
  }

  count(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.counts[id]!;
  }

  midCount(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.mids[id]!;
  }

  pairCount(first: string, second: string): number {
    const a = this.ids.get(first);
    const b = this.ids.get(second);
    return a === undefined || b === undefined ? 0 : (this.pairs.get(a * PAIR + b) ?? 0);
  }

  *frequent(min: number): Iterable<[string, number]> {
    for (let id = 0; id < this.terms.length; id++) if (this.mids[id]! >= min) yield [this.terms[id]!, this.counts[id]!];
  }

  /** Distinct words and pairs with a count above zero. */
  get size(): { words: number; pairs: number } {
    let words = 0;
    for (let id = 0; id < this.terms.length; id++) if (this.counts[id]! > 0) words++;
    let pairs = 0;
    for (const n of this.pairs.values()) if (n > 0) pairs++;
    return { words, pairs };
  }

  /** A structured-clone-friendly copy of the counts (for worker threads). */
  snapshot(): ArchiveSnapshot {
    const keys = new Float64Array(this.pairs.size);
    const values = new Int32Array(this.pairs.size);
    let i = 0;
    for (const [k, v] of this.pairs) {
      keys[i] = k;
      values[i++] = v;
    }
    return { tag: this.tag, rev: this.rev, files: this.fileCount, terms: this.terms, counts: this.counts.slice(0, this.terms.length), mids: this.mids.slice(0, this.terms.length), pairKeys: keys, pairValues: values };
  }

  static fromSnapshot(s: ArchiveSnapshot): ArchiveCounts {
    const c = new ArchiveCounts(s.tag);
    c.rev = s.rev;
    c.fileCount = s.files;
    c.terms = s.terms;
    c.counts = Int32Array.from(s.counts);
    c.mids = Int32Array.from(s.mids);
    s.terms.forEach((t, id) => c.ids.set(t, id));
    for (let i = 0; i < s.pairKeys.length; i++) c.pairs.set(s.pairKeys[i]!, s.pairValues[i]!);
    return c;
  }

  protected idOf(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(word);
    this.ids.set(word, id);
    if (id >= this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
      const mids = new Int32Array(grown.length);
      mids.set(this.mids);
      this.mids = mids;
    }
    return id;
  }
}

export interface ArchiveSnapshot {
  tag: string;
  rev: number;
  files: number;
  terms: string[];
  counts: Int32Array;
  mids: Int32Array;
  pairKeys: Float64Array;
  pairValues: Int32Array;
}

interface FileEntry {
  words: Int32Array;
  pairs: Float64Array;
}

export interface ArchiveStats {
  files: number;
  words: number;
  ms: number;
}

/** The archive of one workspace: the files under `root` matching `globs`, kept current with update(). */
export class ArchiveIndex extends ArchiveCounts {
  private readonly perFile = new Map<string, FileEntry>();
  private readonly isMatch: (rel: string) => boolean;
  private readonly realRoot: string;
  readonly problems: string[] = [];
  stats: ArchiveStats = { files: 0, words: 0, ms: 0 };

  constructor(readonly root: string, readonly globs: readonly string[]) {
    super();
    const usable: string[] = [];
    for (const g of globs) {
      const why = archiveGlobProblem(g, path.join(root, 'copydesk.yaml'));
      if (why) this.problems.push(why);
      else usable.push(path.isAbsolute(g) ? path.relative(root, g).split(path.sep).join('/') : g.replace(/\\/g, '/').replace(/^\.\//, ''));
    }
    this.isMatch = usable.length ? picomatch(usable, { dot: false }) : () => false;
    this.globsInUse = usable;
    let real = root;
    try {
      real = fs.realpathSync(root);
    } catch {
      /* a root that does not exist indexes nothing */
    }
    this.realRoot = real;
  }

  /** The globs actually used (relative to root), for file watchers. */
  readonly globsInUse: string[];

  /** Indexes every matching file from scratch. */
  static build(root: string, globs: readonly string[]): ArchiveIndex {
    const index = new ArchiveIndex(root, globs);
    index.rebuild();
    return index;
  }

  rebuild(): ArchiveStats {
    const started = performance.now();
    let words = 0;
    for (const file of this.list()) words += this.addFile(file);
    this.rev++;
    this.stats = { files: this.perFile.size, words, ms: performance.now() - started };
    return this.stats;
  }

  /** The same as rebuild(), yielding to the event loop every `sliceMs` so a language server stays responsive
   *  while a large archive is indexed. */
  async rebuildInSlices(sliceMs = 15): Promise<ArchiveStats> {
    const started = performance.now();
    let words = 0;
    let slice = started;
    for (const file of this.list()) {
      words += this.addFile(file);
      if (performance.now() - slice > sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    this.rev++;
    this.stats = { files: this.perFile.size, words, ms: performance.now() - started };
    return this.stats;
  }

  /** Whether an absolute path is (or would be) an archive file. */
  matches(file: string): boolean {
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return this.isMatch(rel.split(path.sep).join('/'));
  }

  /** Re-counts one file after it was created, changed or deleted; true when the counts changed. */
  update(file: string): boolean {
    const abs = path.resolve(file);
    const had = this.perFile.has(abs);
    if (!this.matches(abs)) return false;
    if (had) this.removeFile(abs);
    const exists = this.readable(abs);
    if (exists) this.addFile(abs);
    if (!had && !exists) return false;
    this.rev++;
    this.stats = { ...this.stats, files: this.perFile.size };
    return true;
  }

  /** The matching files, sorted; symbolic links are followed only while they stay inside the root. */
  list(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const bases = new Set<string>();
    for (const g of this.globsInUse) {
      const { base, isGlob } = picomatch.scan(g);
      bases.add(path.resolve(this.root, isGlob ? base || '.' : path.dirname(g)));
    }
    const stack = [...bases].filter((b) => !path.relative(this.root, b).startsWith('..'));
    while (stack.length) {
      const dir = stack.pop()!;
      if (seen.has(dir)) continue;
      seen.add(dir);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          if (!this.inside(p)) continue;
          try {
            const st = fs.statSync(p);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (isDir) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(p);
        } else if (isFile && this.matches(p)) out.push(p);
      }
    }
    return [...new Set(out)].sort();
  }

  private inside(p: string): boolean {
    try {
      const rel = path.relative(this.realRoot, fs.realpathSync(p));
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    } catch {
      return false;
    }
  }

  private readable(file: string): boolean {
    try {
      return fs.statSync(file).isFile() && this.inside(file);
    } catch {
      return false;
    }
  }

  /** Counts one file; returns its number of words. */
  private addFile(file: string): number {
    if (!this.inside(file)) return 0;
    const words: number[] = [];
    const pairs: number[] = [];
    let total = 0;
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return 0;
    }
    try {
      if (fs.fstatSync(fd).size > MAX_ARCHIVE_FILE) return 0;
      const buf = (sharedBuffer ??= Buffer.allocUnsafe(CHUNK));
      const decoder = new TextDecoder('utf-8');
      let carry = '';
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK, null);
        const last = n === 0;
        if (buf.subarray(0, n).includes(0)) {
          // A binary file is not a story: take back what its first chunks added.
          this.uncount(Int32Array.from(words), Float64Array.from(pairs));
          return 0;
        }
        let text = carry + decoder.decode(buf.subarray(0, n), { stream: !last });
        carry = '';
        if (!last) {
          const cut = text.lastIndexOf('\n');
          if (cut < 0 && text.length < CHUNK * 4) {
            carry = text;
            continue;
          }
          if (cut >= 0) {
            carry = text.slice(cut + 1);
            text = text.slice(0, cut + 1);
          }
        }
        total += this.countText(text, words, pairs);
        if (last) break;
      }
    } finally {
      fs.closeSync(fd);
    }
    this.perFile.set(file, { words: Int32Array.from(words), pairs: Float64Array.from(pairs) });
    this.fileCount = this.perFile.size;
    return total;
  }

  private removeFile(file: string): void {
    const entry = this.perFile.get(file);
    if (!entry) return;
    this.uncount(entry.words, entry.pairs);
    this.perFile.delete(file);
    this.fileCount = this.perFile.size;
  }

  private uncount(words: Int32Array, pairs: Float64Array): void {
    // Ids of sentence-initial occurrences are stored complemented (~id).
    for (const x of words) {
      if (x >= 0) {
        this.counts[x]!--;
        this.mids[x]!--;
      } else this.counts[~x]!--;
    }
    for (const k of pairs) {
      const n = (this.pairs.get(k) ?? 1) - 1;
      if (n > 0) this.pairs.set(k, n);
      else this.pairs.delete(k);
    }
  }

  private countText(text: string, words: number[], pairs: number[]): number {
    const t = tokenize(text);
    let prevId = -1;
    let prevEnd = -1;
    for (let i = 0; i < t.count; i++) {
      const f = t.flags[i]!;
      if (t.kind[i] !== TokenKind.Word || !(f & TokenFlag.Cap) || f & TokenFlag.Upper) {
        prevId = -1;
        continue;
      }
      const len = t.end[i]! - t.start[i]!;
      if (len < 3 || len > 42) {
        prevId = -1;
        continue;
      }
      let raw = text.slice(t.start[i], t.end[i]);
      let poss = false;
      if (ODD.test(raw)) {
        const m = POSSESSIVE.exec(raw);
        if (m && raw.length - m[0].length >= 3) {
          raw = raw.slice(0, raw.length - m[0].length);
          poss = true;
        }
        if (/\d/.test(raw) || /['’]\p{Ll}/u.test(raw)) {
          prevId = -1;
          continue;
        }
      }
      if (raw.length < 3 || raw.length > 40) {
        prevId = -1;
        continue;
      }
      const id = this.idOf(raw);
      this.counts[id]!++;
      if (f & TokenFlag.SentenceStart) words.push(~id);
      else {
        this.mids[id]!++;
        words.push(id);
      }
      if (prevId >= 0 && t.start[i]! - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) {
        const k = prevId * PAIR + id;
        this.pairs.set(k, (this.pairs.get(k) ?? 0) + 1);
        pairs.push(k);
      }
      // A possessive ends the name (Rubio's staff).
      prevId = poss ? -1 : id;
      prevEnd = t.end[i]!;
    }
    return t.words;
  }
}

/** The archive a style asks for (names.archive, relative to the style file's folder), indexed now; or
 *  undefined when it has none. */
export function archiveForStyle(config: { archive: string[] }, styleFile: string | undefined): ArchiveIndex | undefined {
  if (!styleFile || config.archive.length === 0) return undefined;
  return ArchiveIndex.build(path.dirname(path.resolve(styleFile)), config.archive);
}

let archivesMade = 0;
/** Tells this process's archives apart in their versions (a counter: node:crypto's loading alone cost
 *  each CLI worker ~9 ms at start-up). */
function nextTag(): string {
  return `${(++archivesMade).toString(36)}${Date.now().toString(36)}`;
}
