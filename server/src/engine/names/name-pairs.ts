// Two spellings of one story that share a deletion key, and whether the story's evidence makes them one
// name (which to keep, which to correct) or two. Used by names.inconsistent.
import { isCommonWord, isDictionaryName } from './lexicon.js';
import { distinctNames } from './distinct.js';
import type { KnownNames } from './known.js';
import type { Mention } from './mentions.js';
import { StoryForm, type Placed as PlacedIn } from './story-forms.js';
import { editDistance, foldName, inflected, similarNames } from './similarity.js';

export type Placed = PlacedIn<Mention>;
export type Config = Parameters<typeof distinctNames>[0];

/** A spelling of the story, with what the judgements found out about it. */
export class Form extends StoryForm<Mention> {
  /** The similar forms of the story (sharing a deletion key), each with what is known of the two; made
   *  when the first one appears (most forms never meet one). */
  pairs: Map<Form, Pair> | undefined = undefined;
  /** The form's version when its neighbour sets were filled (-1: never; most forms never meet a similar form). */
  context = -1;
  prevs = NONE;
  /** Every word seen right before, ordinary words included (for extending a fix over a shared given name). */
  rawPrevs = NONE;
  /** "prev2 prev" pairs: two name words before (Zaw Min). */
  prevPairs = NONE;
  nexts = NONE;
}

/** How two spellings compare as text alone, read with the later form first. */
const enum Spelling {
  Apart,
  Similar,
  /** One edit apart but short: one name only with the same two words before both. */
  Short,
}

export interface Pair {
  x: Form;
  y: Form;
  /** Spelling with x the later form, then with y the later form (plurals are read one way round). */
  spelling: [Spelling | undefined, Spelling | undefined];
  /** The last judgement and what it was made from. */
  judged?: { later: Form; laterVersion: number; earlierVersion: number; verdict: [Form, Form] | null };
}

/** Records that two forms of the story share a deletion key (once per two forms). */
export function link(f: Form, g: Form, pairs: Set<Pair>): void {
  if (f.pairs?.has(g)) return;
  const pair: Pair = { x: f, y: g, spelling: [undefined, undefined] };
  (f.pairs ??= new Map()).set(g, pair);
  (g.pairs ??= new Map()).set(f, pair);
  pairs.add(pair);
}

/** Which form to keep and which to correct (a is the later form), or null: cached until either form changes. */
export function judge(pair: Pair, a: Form, b: Form, config: Config, known: KnownNames): [Form, Form] | null {
  const last = pair.judged;
  if (last && last.later === a && last.laterVersion === a.version && last.earlierVersion === b.version) return last.verdict;
  const verdict = weigh(pair, a, b, config, known);
  pair.judged = { later: a, laterVersion: a.version, earlierVersion: b.version, verdict };
  return verdict;
}

function weigh(pair: Pair, a: Form, b: Form, config: Config, known: KnownNames): [Form, Form] | null {
  const side = a === pair.x ? 0 : 1;
  const spelling = (pair.spelling[side] ??= compareSpelling(a.text, b.text, config));
  if (spelling === Spelling.Apart) return null;
  fillContext(a);
  fillContext(b);
  // Short names need more than spelling to be one name: the same two words before them (Zaw Min Htet).
  if (spelling === Spelling.Short && !intersects(a.prevPairs, b.prevPairs)) return null;
  return decide(a, b, known);
}

/** The tests on the two texts alone (a the later form). */
function compareSpelling(a: string, b: string, config: Config): Spelling {
  if (inflected(a, b) || a.toLowerCase() === b.toLowerCase()) return Spelling.Apart;
  // Misspellings keep the first letter (Witcombe, Whitcombe); Ellen and Yellen, Maine and Kaine are other names.
  if (foldName(a)[0] !== foldName(b)[0]) return Spelling.Apart;
  let spelling = Spelling.Similar;
  if (!similarNames(a, b)) {
    if (Math.min(a.length, b.length) < 4 || editDistance(a, b, 1) > 1) return Spelling.Apart;
    spelling = Spelling.Short;
  }
  // The desk recorded these as two names ("Treat as a different name").
  return distinctNames(config, a, b) ? Spelling.Apart : spelling;
}

// A constant, not a literal in the function: the bundle (target node18) builds a \p{…} literal anew on every call.
const INITIAL_LOWER = /^\p{Ll}/u;

/** The neighbour sets of a form that has not met a similar form: never read, never written. */
const NONE: Set<string> = new Set();

function fillContext(f: Form): void {
  if (f.context === f.version) return;
  f.context = f.version;
  f.prevs = new Set();
  f.rawPrevs = new Set();
  f.prevPairs = new Set();
  f.nexts = new Set();
  for (const { m } of f.mentions) {
    if (m.prev) f.prevs.add(m.prev);
    if (m.prev) f.rawPrevs.add(m.prev);
    if (m.prev && m.prev2) f.prevPairs.add(`${m.prev2} ${m.prev}`);
    if (m.next && (!isCommonWord(m.next) || INITIAL_LOWER.test(m.next))) f.nexts.add(m.next);
  }
}

/** Which form to keep and which to correct, or null when the evidence says these are two names. */
function decide(a: Form, b: Form, known: KnownNames): [Form, Form] | null {
  // Different given names (Paul Johnston, Eric Johnson) or surnames (Hamad al-Otaibi, Hamid Rahimi): two people.
  if (disjoint(a.prevs, b.prevs) || disjoint(a.nexts, b.nexts)) return null;
  // One only ever a given name, the other only ever a surname (Corey Lewandowski, James Comey): two people.
  if ((onlyFirst(a) && onlyLast(b)) || (onlyFirst(b) && onlyLast(a))) return null;
  // Used as a given name here (Osama bin Laden) but never there (Obama): two people.
  if (!intersects(a.prevs, b.prevs) && (a.nexts.size > 0) !== (b.nexts.size > 0)) return null;
  const aKnown = isKnown(a.text, known);
  const bKnown = isKnown(b.text, known);
  // Two real names (Austria, Australia; Mali, Bali) are two places.
  if (aKnown && bKnown) return null;
  const ca = a.mentions.length;
  const cb = b.mentions.length;
  // The listed form wins outright; a listed variant is names.listed-variant's to report.
  if (known.canonicalWords.has(a.text) && !known.canonicalWords.has(b.text)) return known.words.has(b.text) ? null : [a, b];
  if (known.canonicalWords.has(b.text) && !known.canonicalWords.has(a.text)) return known.words.has(a.text) ? null : [b, a];
  const sharedContext = intersects(a.prevs, b.prevs) || intersects(a.nexts, b.nexts) || intersects(a.prevPairs, b.prevPairs);
  // A form written more than once is a deliberate spelling unless the same given name ties the two together.
  if (ca > cb && (cb === 1 || sharedContext)) return [a, b];
  if (cb > ca && (ca === 1 || sharedContext)) return [b, a];
  // A tie is decided only by a dictionary that knows one of the forms.
  if (ca === cb && (sharedContext || ca === 1)) {
    if (aKnown && !bKnown) return [a, b];
    if (bKnown && !aKnown) return [b, a];
  }
  return null;
}

function isKnown(text: string, known: KnownNames): boolean {
  return known.words.has(text) || isDictionaryName(text);
}

function disjoint(x: Set<string>, y: Set<string>): boolean {
  if (x.size === 0 || y.size === 0) return false;
  for (const v of x) if (y.has(v)) return false;
  return true;
}

function intersects(x: Set<string>, y: Set<string>): boolean {
  for (const v of x) if (y.has(v)) return true;
  return false;
}

function onlyFirst(f: Form): boolean {
  return f.nexts.size > 0 && f.prevs.size === 0;
}

function onlyLast(f: Form): boolean {
  return f.prevs.size > 0 && f.nexts.size === 0;
}
