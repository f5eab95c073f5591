// The language server's copy of the names archive: built when the house style names one (in slices, so
// the server keeps answering while it reads the files), re-counted file by file as the editor reports
// changes (workspace/didChangeWatchedFiles) or, for editors that cannot watch files, as a recursive
// fs.watch on the archive's folders sees them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withArchive } from '../engine/style/compile.js';
import type { CompiledStyle } from '../engine/style/types.js';
import { ArchiveIndex } from './index.js';

export interface ArchiveKeeperHost {
  /** Called when the counts changed (built or re-counted): re-check open documents. */
  changed(): void;
  log(message: string): void;
}

export class ArchiveKeeper {
  index: ArchiveIndex | undefined;
  private wanted = '';
  private pending: NodeJS.Timeout | undefined;
  private watchers: fs.FSWatcher[] = [];
  private dirty = new Set<string>();
  /** Files reported changed while a new index is being built (re-counted once it is ready). */
  private building: string[] | null = null;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Use fs.watch when the editor cannot watch files for us. */
  fallbackWatch = false;

  constructor(private readonly host: ArchiveKeeperHost) {}

  /** The style with the archive's counts attached (unchanged when there is no archive yet). */
  attach(style: CompiledStyle): CompiledStyle {
    return withArchive(style, this.index);
  }

  /** Follows the style in force: (re)builds the index, soon, when its globs or folder changed.
   *  Returns the globs (relative to the root) to watch when a new index is on its way. */
  sync(style: CompiledStyle, delayMs = 0): { root: string; globs: string[] } | null {
    const globs = style.config.archive;
    const root = style.file && globs.length ? path.dirname(path.resolve(style.file)) : '';
    const key = root ? JSON.stringify([root, globs]) : '';
    if (key === this.wanted) return null;
    this.wanted = key;
    this.stopWatching();
    if (this.pending) clearTimeout(this.pending);
    if (!key) {
      const had = this.index !== undefined;
      this.index = undefined;
      if (had) this.host.changed();
      return null;
    }
    const next = new ArchiveIndex(root, globs);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (this.wanted !== key) return;
      const late: string[] = [];
      this.building = late;
      // Watch before reading, so a file changed while the index is built is re-counted after.
      if (this.fallbackWatch) this.watchFolders(next);
      next.rebuildInSlices().then((stats) => {
        if (this.building === late) this.building = null;
        if (this.wanted !== key) return;
        for (const f of late) next.update(f);
        const size = next.size;
        this.host.log(`copydesk: names archive indexed: ${stats.files} files, ${stats.words} words, ${size.words} capitalised words in ${Math.round(stats.ms)} ms`);
        this.index = next;
        this.host.changed();
      }, (e: Error) => {
        if (this.building === late) this.building = null;
        this.host.log(`copydesk: indexing the names archive failed: ${e.message}`);
      });
    }, delayMs);
    this.pending.unref?.();
    return { root, globs: next.globsInUse };
  }

  /** Files the editor reports created, changed or deleted; re-checks when any archive file was among them. */
  filesChanged(files: string[]): boolean {
    if (this.building) {
      this.building.push(...files);
      return false;
    }
    const index = this.index;
    if (!index) return false;
    let changed = false;
    for (const f of files) if (index.update(f)) changed = true;
    if (changed) this.host.changed();
    return changed;
  }

  dispose(): void {
    this.stopWatching();
    if (this.pending) clearTimeout(this.pending);
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  private watchFolders(index: ArchiveIndex): void {
    const bases = new Set<string>();
    for (const g of index.globsInUse) {
      const cut = g.search(/[*?[{(!]/);
      const base = cut < 0 ? path.dirname(g) : g.slice(0, cut).replace(/[^/]*$/, '');
      bases.add(path.resolve(index.root, base || '.'));
    }
    for (const base of bases) {
      try {
        const w = fs.watch(base, { recursive: true, persistent: false }, (_event, name) => {
          if (!name) return;
          this.dirty.add(path.join(base, name.toString()));
          this.flushTimer ??= setTimeout(() => {
            this.flushTimer = undefined;
            const files = [...this.dirty];
            this.dirty.clear();
            this.filesChanged(files);
          }, 100);
        });
        w.on('error', () => w.close());
        this.watchers.push(w);
      } catch (e) {
        this.host.log(`copydesk: cannot watch ${base} for archive changes: ${(e as Error).message}`);
      }
    }
  }

  private stopWatching(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
