// A story's name forms and their mentions, kept between runs of one document. A block whose text is
// unchanged keeps its summary object, so each run adds and removes only the mentions of summaries that
// came or went, and finds where the others stand now from the blocks that hold their summaries.
import { changedSpan } from '../document/changed-blocks.js';
import type { DocumentOutline } from '../document/model.js';

/** Where the blocks holding one summary object stand (blocks with the same text share one summary). */
export interface Holders {
  /** Their block indices in story order; entries past `count` are stale. */
  at: number[];
  count: number;
  /** The count at the previous update, and the update that last saw the summary. */
  before: number;
  seen: number;
}

/** One mention of a form: the mention at `index` of a summary, in the `occurrence`-th block holding it. */
export interface Placed<M> {
  m: M;
  list: readonly M[];
  holders: Holders;
  occurrence: number;
  index: number;
}

/** A form of the story: a check extends it with what it works out about the form (a class, so that every
 *  form has one shape, built fast: a story run without a session makes hundreds of them). */
export class StoryForm<M> {
  mentions: Placed<M>[] = [];
  /** Bumped whenever the form's mentions change other than by moving: a mention comes or goes, or one
   *  that came in place of one that went has another signature. What cached judgements depend on. */
  version = 0;
  /** The mentions are in story order. */
  sorted = true;
  /** A summary holding this form lost an occurrence in the current update. */
  losing = false;
  /** The first mention's block and index, as of update `firstSeen`. */
  firstBlock = 0;
  firstIndex = 0;
  firstSeen = 0;

  constructor(
    /** What the form's mentions share: their spelling, for most checks (see StoryFormsOptions.formOf). */
    readonly text: string,
  ) {}
}

export interface FormChanges<F> {
  /** Forms that had no mention before this run. */
  born: F[];
  /** Forms whose last mention went in this run (no longer in `forms`). */
  died: F[];
}

export interface StoryFormsOptions<M, F> {
  /** The form a mention belongs to: its spelling, for most checks. */
  formOf: (m: M) => string;
  /** Whether a mention counts (others are never indexed). */
  tracked: (m: M) => boolean;
  create: (text: string) => F;
  /** What of a mention (besides its form and place) the caller's judgements read: an edited block
   *  brings back most of its mentions unchanged, and those leave the form's version alone. */
  signature: (m: M) => string;
}

export class StoryForms<M, F extends StoryForm<M>> {
  /** The forms with at least one tracked mention, in order of their creation. */
  readonly forms = new Map<string, F>();
  private holders = new Map<readonly M[], Holders>();
  /** The summaries of the last update, block by block. */
  private previous: readonly (readonly M[] | undefined)[] | undefined;
  private updates = 0;

  constructor(private readonly options: StoryFormsOptions<M, F>) {}

  /** Brings the index up to the current summaries: O(blocks), plus the mentions of summaries that came or went. */
  update(summaries: readonly (readonly M[] | undefined)[]): FormChanges<F> {
    const run = ++this.updates;
    const changed: [readonly M[], Holders][] = [];
    const reordered = this.replaceInPlace(summaries, run, changed) ?? this.rescan(summaries, run, changed);
    this.previous = summaries.slice();
    const touched = new Set<F>();
    for (const [list, h] of changed) {
      if (h.count >= h.before) continue;
      h.at.length = h.count;
      for (const m of list) {
        const f = this.forms.get(this.options.formOf(m));
        if (!f) continue;
        f.losing = true;
        touched.add(f);
      }
    }
    // What came to forms that also lost mentions: the same again leaves them as they were.
    const gained = new Map<F, M[]>();
    const born: F[] = [];
    for (const [list, h] of changed) {
      for (let occurrence = h.before; occurrence < h.count; occurrence++) {
        for (let index = 0; index < list.length; index++) {
          const m = list[index]!;
          if (!this.options.tracked(m)) continue;
          const text = this.options.formOf(m);
          let f = this.forms.get(text);
          if (!f) {
            f = this.options.create(text);
            this.forms.set(text, f);
            born.push(f);
          }
          f.mentions.push({ m, list, holders: h, occurrence, index });
          touched.add(f);
          if (!f.losing) continue;
          const g = gained.get(f);
          if (g) g.push(m);
          else gained.set(f, [m]);
        }
      }
    }
    const died: F[] = [];
    for (const f of touched) {
      f.sorted = false;
      if (!f.losing) {
        f.version++;
        continue;
      }
      f.losing = false;
      // An occurrence past its summary's count is a block that went (occurrences are interchangeable).
      const kept: Placed<M>[] = [];
      const lost: M[] = [];
      for (const p of f.mentions) {
        if (p.occurrence < p.holders.count) kept.push(p);
        else lost.push(p.m);
      }
      f.mentions = kept;
      if (!this.alike(gained.get(f) ?? [], lost)) f.version++;
      if (kept.length === 0) {
        this.forms.delete(f.text);
        died.push(f);
      }
    }
    if (reordered) for (const f of this.forms.values()) f.sorted = false;
    return { born, died };
  }

  /** The usual keystroke: as many blocks as before, and none of the summaries that left the blocks that
   *  differ from the last run's came back in one of them. Only those blocks are read; the others keep their
   *  places. False then (nothing reordered), or undefined when the story needs a rescan. */
  private replaceInPlace(summaries: readonly (readonly M[] | undefined)[], run: number, changed: [readonly M[], Holders][]): false | undefined {
    const prev = this.previous;
    if (!prev) return undefined;
    const span = changedSpan(prev, summaries);
    // Blocks that came or went move every block after them: their places are read again.
    if (span.to !== span.toBefore) return undefined;
    const lo = span.from;
    const hi = span.to - 1;
    if (lo > hi) return false;
    // A summary that both leaves a block and comes into another would keep its count while its
    // occurrences change places: the counts alone would not say which forms to re-sort.
    const leaving = new Set<readonly M[]>();
    for (let b = lo; b <= hi; b++) {
      const old = prev[b];
      if (old?.length) leaving.add(old);
    }
    for (let b = lo; b <= hi; b++) if (leaving.has(summaries[b]!)) return undefined;
    for (const old of leaving) {
      const h = this.holders.get(old)!;
      begin(h, run);
      changed.push([old, h]);
    }
    for (let b = lo; b <= hi; b++) {
      const old = prev[b];
      if (!old?.length) continue;
      const h = this.holders.get(old)!;
      h.at.splice(h.at.indexOf(b), 1);
      if (--h.count === 0) this.holders.delete(old);
    }
    for (let b = lo; b <= hi; b++) {
      const now = summaries[b];
      if (!now?.length) continue;
      const h = this.holders.get(now) ?? this.adopt(now);
      if (h.seen !== run) {
        begin(h, run);
        changed.push([now, h]);
      }
      // Occurrences are numbered in story order: the block goes where it stands among the others.
      let k = h.count;
      while (k > 0 && h.at[k - 1]! > b) k--;
      h.at.splice(k, 0, b);
      h.count++;
    }
    return false;
  }

  /** Reads every block's summary: where each summary stands now, and whether blocks that stayed came back
   *  in another order (text moved by a paste, not typing). */
  private rescan(summaries: readonly (readonly M[] | undefined)[], run: number, changed: [readonly M[], Holders][]): boolean {
    let reordered = false;
    let last = -1;
    for (let b = 0; b < summaries.length; b++) {
      const list = summaries[b];
      if (!list?.length) continue;
      const h = this.holders.get(list) ?? this.adopt(list);
      if (h.seen !== run) {
        begin(h, run);
        h.count = 0;
      }
      const k = h.count++;
      if (k < h.before) {
        const was = h.at[k]!;
        if (was < last) reordered = true;
        last = was;
      }
      h.at[k] = b;
    }
    for (const [list, h] of this.holders) {
      if (h.seen !== run) {
        h.before = h.count;
        h.count = 0;
        this.holders.delete(list);
      }
      if (h.count !== h.before) changed.push([list, h]);
    }
    return reordered;
  }

  private adopt(list: readonly M[]): Holders {
    const h: Holders = { at: [], count: 0, before: 0, seen: 0 };
    this.holders.set(list, h);
    return h;
  }

  /** The same number of mentions with the same signatures, in any order. */
  private alike(gained: M[], lost: M[]): boolean {
    if (gained.length !== lost.length) return false;
    const counts = new Map<string, number>();
    for (const m of gained) {
      const k = this.options.signature(m);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const m of lost) {
      const k = this.options.signature(m);
      const n = counts.get(k);
      if (!n) return false;
      counts.set(k, n - 1);
    }
    return true;
  }

  /** The form's mentions in story order. */
  inOrder(f: F): Placed<M>[] {
    if (!f.sorted) {
      f.mentions.sort((x, y) => blockOf(x) - blockOf(y) || x.index - y.index);
      f.sorted = true;
    }
    return f.mentions;
  }

  /** Negative when f's first mention comes before g's in the story, positive when after. */
  compareFirst(f: F, g: F): number {
    this.placeFirst(f);
    this.placeFirst(g);
    return f.firstBlock - g.firstBlock || f.firstIndex - g.firstIndex;
  }

  private placeFirst(f: F): void {
    if (f.firstSeen === this.updates) return;
    const first = this.inOrder(f)[0]!;
    f.firstBlock = blockOf(first);
    f.firstIndex = first.index;
    f.firstSeen = this.updates;
  }
}

/** The first time an update meets a summary: the count it had is what the update changes. */
function begin(h: Holders, run: number): void {
  h.seen = run;
  h.before = h.count;
}

/** Where a mention (block-relative start and end) stands in the current text. */
export function spanIn(model: DocumentOutline, p: Placed<{ start: number; end: number }>): { start: number; end: number } {
  const base = model.blocks[blockOf(p)]!.start;
  return { start: base + p.m.start, end: base + p.m.end };
}

/** The index of the block holding the mention in the current story. */
export function blockOf<M>(p: Placed<M>): number {
  return p.holders.at[p.occurrence]!;
}
