import type { Check } from '../../check.js';
import type { Block } from '../../document/model.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { MarkedBlocks } from '../../document/changed-blocks.js';
import { keepable } from '../../document/memo.js';
import { isCommonWord } from '../../names/lexicon.js';
import { distinctNames } from '../../names/distinct.js';
import { knownNames, type KnownNames } from '../../names/known.js';
import { wordFacts } from '../../names/facts.js';
import { capitalisedWords } from '../../names/words.js';
import { isTitleOrNationality } from '../../names/titles.js';
import { deletionKeys, foldName, inflected, similarNames, stripDiacritics } from '../../names/similarity.js';
import type { CompiledStyle } from '../../style/types.js';
import type { RawFinding } from '../../types.js';

interface Weak {
  start: number;
  end: number;
  entry: number;
  replacement: string;
  written: string;
  /** The written word and the listed word it misspells (for "treat as a different name"). */
  forms: [string, string];
}

interface Summary {
  /** Surname-only near misses: reported only if the story mentions that person or the house lists them. */
  weak: Weak[];
  /** Entries whose canonical words appear exactly in the block. */
  present: number[];
}

const POSSESSIVE = /['’]s?$/;

/** A listed name written with a small error nobody listed (Hakan Fiden, Kristalina Georgiva). */
export const misspelled: Check<Summary> = {
  id: 'names.misspelled',
  family: 'names',
  defaultSeverity: 'warning',
  fixable: true,
  priority: 1,
  description: 'A listed name written with a small unlisted error (Hakan Fiden for Hakan Fidan): use the canonical form.',
  docs: {
    bad: ['Turkish Foreign Minister Hakan Fiden opened the talks.', 'IMF chief Kristalina Georgiva spoke.'],
    good: ['Turkish Foreign Minister Hakan Fidan opened the talks.', 'Eric Johnson and Paul Johnston spoke.'],
  },
  block(block, { style }) {
    const known = knownNames(style);
    const t = block.tokens;
    const findings: RawFinding[] = [];
    const weak: Weak[] = [];
    const present = new Set<number>();
    const names = style.config.names;
    const cw = capitalisedWords(block);
    const facts = wordFacts(block, style);
    for (let n = 0; n < cw.count; n++) {
      const i = cw.tok[n]!;
      if (t.flags[i]! & TokenFlag.Upper) continue;
      const f = facts[n]!;
      if (f.canonical) {
        for (const e of f.canonical) present.add(e);
        continue;
      }
      // 5 to 40 letters, not a listed or known word, an ordinary word or a dictionary name.
      if (!f.fuzzy) continue;
      const word = cw.word[n]!;
      // Of the listed names this could be a misspelling of, the one whose other words stand around it wins
      // (Hakan Fiden is Hakan Fidan, not Joe Biden); then the house's own entries.
      let best: { entry: number; word: string; from: number; to: number; k: number; m: number; parts: string[]; score: number } | null = null;
      for (const c of candidatesOf(word, known)) {
        if (distinctNames(style.config, word, c.word)) continue;
        const entry = names[c.entry]!;
        const parts = entry.name.split(/\s+/);
        const at = parts.indexOf(c.word);
        let from = i;
        let to = i;
        let k = at - 1;
        while (k >= 0 && from - 1 >= 0 && sameWord(block, from - 1, parts[k]!) && spaceBetween(block, from - 1, from)) {
          from--;
          k--;
        }
        let m = at + 1;
        while (m < parts.length && to + 1 < t.count && sameWord(block, to + 1, parts[m]!) && spaceBetween(block, to, to + 1)) {
          to++;
          m++;
        }
        const score = (to - from) * 4 + (entry.origin === 'house' ? 2 : 0);
        if (!best || score > best.score) best = { entry: c.entry, word: c.word, from, to, k, m, parts, score };
      }
      if (!best) continue;
      const { from, to, k, m, parts } = best;
      const entry = names[best.entry]!;
      const match = { entry: best.entry };
      const start = t.start[from]!;
      const end = t.start[i]! + word.length + (to > i ? t.end[to]! - t.end[i]! : 0);
      const written = block.prose.slice(start, end);
      const replacement = parts.slice(k + 1, m).join(' ');
      if (from < i || to > i) {
        findings.push(report(start, end, written, replacement, entry.name, entry.note, [word, best.word]));
      } else if (!givenNameBefore(block, i)) {
        // Alone, it may be this listed person's surname misspelled; after another given name it is someone else (Mike Rubino).
        weak.push({ start, end, entry: match.entry, replacement, written, forms: [word, best.word] });
      }
    }
    // Most blocks have nothing to report or remember: no output at all, so the runner keeps nothing.
    if (findings.length === 0 && weak.length === 0 && present.size === 0) return undefined;
    return { findings, summary: { weak, present: [...present] } };
  },
  document(model, summaries, { style }, memo) {
    // Only the blocks an edit replaced are read: the others keep their counts and their near misses.
    const story = (memo.state ??= newStory()) as Story;
    const before = story.marked.summaries;
    const span = story.marked.update(summaries);
    for (let b = span.from; b < span.toBefore; b++) count(story.present, before[b], -1);
    for (let b = span.from; b < span.to; b++) count(story.present, summaries[b], 1);
    const findings: RawFinding[] = [];
    for (const b of story.marked.blocks) {
      const base = model.blocks[b]!.start;
      for (const w of summaries[b]!.weak) {
        if (!trusted(w, story.present, style)) continue;
        // A near miss in a block that did not move is the finding made last time.
        let made = story.made.get(w);
        if (made?.start !== base + w.start) story.made.set(w, (made = reportWeak(w, base, style)));
        findings.push(made);
      }
    }
    return findings;
  },
  fold({ style }) {
    const present = new Set<number>();
    const weak: { w: Weak; base: number }[] = [];
    return {
      add(s, block) {
        if (!s) return;
        for (const p of s.present) present.add(p);
        for (const w of s.weak) weak.push({ w, base: block.start });
      },
      finish: () => weak.filter(({ w }) => trusted(w, present, style)).map(({ w, base }) => reportWeak(w, base, style)),
    };
  },
};

/** Whether a surname-only near miss is worth reporting: a surname alone is trusted when the story names
 *  the person or the desk listed the name itself. */
function trusted(w: Weak, present: { has(entry: number): boolean }, style: CompiledStyle): boolean {
  return present.has(w.entry) || style.config.names[w.entry]!.origin === 'house';
}

function reportWeak(w: Weak, base: number, style: CompiledStyle): RawFinding {
  const entry = style.config.names[w.entry]!;
  return report(base + w.start, base + w.end, w.written, w.replacement, entry.name, entry.note, w.forms);
}

/** The story between runs of an editor session (memo.state; the session empties it when the style changes). */
interface Story {
  /** The blocks with surname-only near misses. */
  marked: MarkedBlocks<Summary>;
  /** Per listed entry, how many blocks mention it. */
  present: Map<number, number>;
  /** The finding last made of each near miss (its block's summary keeps the near miss while its text stays). */
  made: WeakMap<Weak, RawFinding>;
}

function newStory(): Story {
  return { marked: new MarkedBlocks<Summary>((s) => s.weak.length > 0), present: new Map(), made: new WeakMap() };
}

function count(present: Map<number, number>, s: Summary | undefined, by: 1 | -1): void {
  if (!s) return;
  for (const e of s.present) {
    const n = (present.get(e) ?? 0) + by;
    if (n > 0) present.set(e, n);
    else present.delete(e);
  }
}

function report(start: number, end: number, written: string, replacement: string, canonical: string, note: string | undefined, forms: [string, string]): RawFinding {
  return {
    start,
    end,
    message: `“${written}” looks like a misspelling of ${canonical}: use “${replacement}”.${note ? ` (${note})` : ''}`,
    fixes: [{ start, end, text: replacement, title: `Replace with “${replacement}”` }],
    data: { canonical, forms },
  };
}

type Candidate = { entry: number; word: string };

// Candidates per spelling and style: a misspelled name recurs through a story. Bounded, emptied when full.
const candidateMemo = new WeakMap<KnownNames, Map<string, Candidate[]>>();

function candidatesOf(word: string, known: KnownNames): Candidate[] {
  let memo = candidateMemo.get(known);
  if (!memo) candidateMemo.set(known, (memo = new Map()));
  let hit = memo.get(word);
  if (!hit) {
    hit = candidates(word, known);
    if (memo.size >= 10_000) memo.clear();
    memo.set(keepable(word), hit);
  }
  return hit;
}

function candidates(word: string, known: KnownNames): Candidate[] {
  const seen = new Set<string>();
  const out: { entry: number; word: string }[] = [];
  for (const form of new Set([stripDiacritics(word).toLowerCase(), foldName(word)])) {
    for (const k of deletionKeys(form)) {
      for (const c of known.keys.get(k) ?? []) {
        const id = `${c.entry}:${c.word}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (c.word === word || inflected(word, c.word) || !similarNames(word, c.word)) continue;
        out.push(c);
      }
    }
  }
  return out;
}

function sameWord(block: Block, i: number, expected: string): boolean {
  const t = block.tokens;
  if (t.kind[i] !== TokenKind.Word) return false;
  const w = block.prose.slice(t.start[i], t.end[i]).replace(POSSESSIVE, '');
  return w === expected || (w.length >= 5 && similarNames(w, expected));
}

function spaceBetween(block: Block, a: number, b: number): boolean {
  return block.prose.slice(block.tokens.end[a], block.tokens.start[b]) === ' ';
}

function givenNameBefore(block: Block, i: number): boolean {
  const t = block.tokens;
  if (i === 0 || t.kind[i - 1] !== TokenKind.Word || !(t.flags[i - 1]! & TokenFlag.Cap) || !spaceBetween(block, i - 1, i)) return false;
  const prev = block.prose.slice(t.start[i - 1], t.end[i - 1]);
  // Titles and nationalities (German Defense Minister, Turkish) are not given names, nor is an ordinary
  // word that is capitalised only because it starts the sentence (Later Kalas said).
  if (t.flags[i - 1]! & TokenFlag.SentenceStart && isCommonWord(prev)) return false;
  return !isTitleOrNationality(prev);
}
