// A story's name mentions kept compactly, for a run without a session that reads the story once: numbers
// in fixed typed slabs (nothing for the garbage collector to copy), words as ids, grouped by form. A million
// words hold ~170,000 mentions; as objects they lived through the run and every collection copied them.
// Mention objects are made again only for the forms a caller asks for (those that meet a similar form).
import type { Mention } from './mentions.js';

// Per mention: form, block, index in the block's list, start, end, the previous two words and the next
// (word ids, -1 for none) with where the previous two start, upper, next mention of the same form (-1: none).
const FIELDS = 12;
const FORM = 0;
const BLOCK = 1;
const INDEX = 2;
const START = 3;
const END = 4;
const PREV = 5;
const PREV_START = 6;
const PREV2 = 7;
const PREV2_START = 8;
const NEXT = 9;
const UPPER = 10;
const NEXT_SAME = 11;
// Records live in fixed slabs: a long story grows by another small one, never by copying its records into
// a larger array (fresh memory is what a long run pays for most).
const SLAB_SHIFT = 10;
const SLAB = 1 << SLAB_SHIFT;
const SLAB_MASK = SLAB - 1;
const FIRST = 64;

/** One mention where it stands: block index and index in that block's list of mentions. */
export interface StoredMention {
  m: Mention;
  block: number;
  index: number;
}

export class MentionStore {
  private slabs: Int32Array[] = [];
  private count = 0;
  /** Word ids (forms and their neighbours) by spelling, and per id its spelling. */
  private ids = new Map<string, number>();
  private words: string[] = [];
  /** Per word id that is a form: its first and last mention (-1: not a form). */
  private heads: number[] = [];
  private tails: number[] = [];
  /** The forms' word ids in order of their first mention. */
  private forms: number[] = [];

  /** Adds a block's mentions, in story order (blocks in order, each block's list in order). */
  add(list: readonly Mention[], block: number): void {
    for (let index = 0; index < list.length; index++) {
      const m = list[index]!;
      const n = this.count++;
      if ((n & SLAB_MASK) === 0) this.slabs.push(new Int32Array(FIELDS * (n === 0 ? FIRST : SLAB)));
      else if (n < SLAB && n * FIELDS === this.slabs[0]!.length) {
        // The first slab starts small (most stories have a few dozen mentions) and doubles up to full size.
        const grown = new Int32Array(Math.min(n * 2, SLAB) * FIELDS);
        grown.set(this.slabs[0]!);
        this.slabs[0] = grown;
      }
      const a = this.slabs[n >> SLAB_SHIFT]!;
      const r = (n & SLAB_MASK) * FIELDS;
      const form = this.id(m.text);
      a[r + FORM] = form;
      a[r + BLOCK] = block;
      a[r + INDEX] = index;
      a[r + START] = m.start;
      a[r + END] = m.end;
      a[r + PREV] = m.prev === null ? -1 : this.id(m.prev);
      a[r + PREV_START] = m.prevStart;
      a[r + PREV2] = m.prev2 === null ? -1 : this.id(m.prev2);
      a[r + PREV2_START] = m.prev2Start;
      a[r + NEXT] = m.next === null ? -1 : this.id(m.next);
      a[r + UPPER] = m.upper ? 1 : 0;
      a[r + NEXT_SAME] = -1;
      const tail = this.tails[form]!;
      if (tail >= 0) this.slabs[tail >> SLAB_SHIFT]![(tail & SLAB_MASK) * FIELDS + NEXT_SAME] = n;
      else {
        this.heads[form] = n;
        this.forms.push(form);
      }
      this.tails[form] = n;
    }
  }

  private id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.heads.push(-1);
      this.tails.push(-1);
    }
    return id;
  }

  /** The forms' spellings in order of their first mention. */
  formTexts(): string[] {
    return this.forms.map((id) => this.words[id]!);
  }

  isForm(text: string): boolean {
    const id = this.ids.get(text);
    return id !== undefined && this.heads[id]! >= 0;
  }

  /** Every mention of a form, in story order, as a Mention again (what the block phase made, less the
   *  fields a document phase never reads: initial, title and quoted are false). */
  mentionsOf(text: string): StoredMention[] {
    const form = this.ids.get(text);
    const out: StoredMention[] = [];
    if (form === undefined) return out;
    const word = (id: number) => (id < 0 ? null : this.words[id]!);
    for (let n = this.heads[form]!; n >= 0; ) {
      const a = this.slabs[n >> SLAB_SHIFT]!;
      const r = (n & SLAB_MASK) * FIELDS;
      const m: Mention = {
        text,
        start: a[r + START]!,
        end: a[r + END]!,
        prev: word(a[r + PREV]!),
        prevStart: a[r + PREV_START]!,
        prev2: word(a[r + PREV2]!),
        prev2Start: a[r + PREV2_START]!,
        next: word(a[r + NEXT]!),
        initial: false,
        upper: a[r + UPPER] === 1,
        title: false,
        quoted: false,
      };
      out.push({ m, block: a[r + BLOCK]!, index: a[r + INDEX]! });
      n = a[r + NEXT_SAME]!;
    }
    return out;
  }
}
