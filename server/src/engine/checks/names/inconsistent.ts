import type { Check, DocumentMemo } from '../../check.js';
import { isCommonWord, isDictionaryName } from '../../names/lexicon.js';
import { distinctNames } from '../../names/distinct.js';
import { knownNames, type KnownNames } from '../../names/known.js';
import { blockMentions, type Mention } from '../../names/mentions.js';
import { neighbourGeneration, similarForms } from '../../names/neighbours.js';
import { blockOf, StoryForm, StoryForms, type Placed as PlacedIn } from '../../names/story-forms.js';
import { editDistance, foldName, inflected, similarNames } from '../../names/similarity.js';
import type { NameFact, RawFinding } from '../../types.js';

type Placed = PlacedIn<Mention>;
type Config = Parameters<typeof distinctNames>[0];

class Form extends StoryForm<Mention> {
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

interface Pair {
  x: Form;
  y: Form;
  /** Spelling with x the later form, then with y the later form (plurals are read one way round). */
  spelling: [Spelling | undefined, Spelling | undefined];
  /** The last judgement and what it was made from. */
  judged?: { later: Form; laterVersion: number; earlierVersion: number; verdict: [Form, Form] | null };
}

/** The story's index between runs (memo.state). */
interface State {
  styleKey: string;
  story: StoryForms<Mention, Form>;
  pairs: Set<Pair>;
  /** neighbourGeneration() when the pairs were last looked up. */
  generation: number;
}

/** The same person or place spelled two ways in one story, with no list needed. */
export const inconsistent: Check<Mention[]> = {
  id: 'names.inconsistent',
  family: 'names',
  defaultSeverity: 'warning',
  fixable: true,
  priority: 2,
  description: 'The same name spelled two ways in one story (Whitcombe and Witcombe), no list needed: use the form the story uses most.',
  docs: {
    bad: ['Dana Whitcombe spoke. Whitcombe said no. Later Witcombe left, and Whitcombe stayed.'],
    good: ['Paul Johnston spoke first. Eric Johnson spoke next. Johnston left and Johnson stayed.', 'Austria and Australia signed the deal.'],
  },
  block(block) {
    // Only the mentions the story index tracks are kept for the document phase (capitalised ordinary
    // words and titles of works are never names here); a block without any keeps nothing.
    const all = blockMentions(block);
    let list: Mention[] | undefined;
    for (let i = 0; i < all.length; i++) {
      const m = all[i]!;
      if (!tracked(m)) list ??= all.slice(0, i);
      else list?.push(m);
    }
    list ??= all;
    return list.length ? { summary: list } : undefined;
  },
  document(model, summaries, { style }, memo) {
    const state = storyState(memo, style.key);
    const { story } = state;
    const known = knownNames(style);
    const { born, died } = story.update(summaries);
    for (const f of died) {
      for (const [other, pair] of f.pairs ?? []) {
        other.pairs!.delete(f);
        state.pairs.delete(pair);
      }
    }
    linkSimilar(state, born);
    // Pairs of forms one deletion apart, each pair once (later form first), in the story's order.
    const judged: { later: Form; earlier: Form; verdict: [Form, Form] }[] = [];
    for (const pair of state.pairs) {
      const [later, earlier] = story.compareFirst(pair.x, pair.y) > 0 ? [pair.x, pair.y] : [pair.y, pair.x];
      const verdict = judge(pair, later, earlier, style.config, known);
      if (verdict) judged.push({ later, earlier, verdict });
    }
    judged.sort((p, q) => story.compareFirst(p.later, q.later) || story.compareFirst(p.earlier, q.earlier));
    const findings: RawFinding[] = [];
    const facts: NameFact[] = [];
    const blocks = model.blocks;
    const baseOf = (p: Placed) => blocks[blockOf(p)]!.start;
    for (const { verdict } of judged) {
      const [keep, wrong] = verdict;
      const keeps = story.inOrder(keep);
      const wrongs = story.inOrder(wrong);
      const others = keeps.slice(0, 5).map((p) => ({ start: baseOf(p) + p.m.start, end: baseOf(p) + p.m.end, message: `“${keep.text}” here` }));
      const message = `“${wrong.text}” is spelled “${keep.text}” elsewhere in this story (${keeps.length} time${keeps.length === 1 ? '' : 's'}).`;
      for (const p of wrongs) {
        const m = p.m;
        if (m.upper) continue;
        const base = baseOf(p);
        const absEnd = base + m.end;
        // Include the given names the two forms share, so the fix reads as the whole name (Zhou Minghui).
        let start = base + m.start;
        let lead = '';
        if (m.prev && keep.rawPrevs.has(m.prev)) {
          start = base + m.prevStart;
          lead = m.prev + ' ';
          if (m.prev2 && keep.prevPairs.has(`${m.prev2} ${m.prev}`)) {
            start = base + m.prev2Start;
            lead = m.prev2 + ' ' + lead;
          }
        }
        const replacement = lead + keep.text;
        findings.push({
          start,
          end: absEnd,
          message,
          fixes: [{ start, end: absEnd, text: replacement, title: `Replace with “${replacement}”` }],
          related: others,
          data: { canonical: keep.text, forms: [wrong.text, keep.text] },
        });
      }
      const variants: NameFact['variants'] = new Array(keeps.length + wrongs.length);
      let n = 0;
      for (const list of [keeps, wrongs]) {
        for (const p of list) {
          const base = baseOf(p);
          variants[n++] = { text: p.m.text, start: base + p.m.start, end: base + p.m.end };
        }
      }
      facts.push({ canonical: keep.text, count: variants.length, variants, first: Math.min(variants[0]!.start, variants[keeps.length]!.start) });
    }
    return { findings, facts: { names: facts } };
  },
};

/** The check's index of the story: kept in the memo between runs while the style stays the same. */
function storyState(memo: DocumentMemo, styleKey: string): State {
  const kept = memo.state as State | undefined;
  if (kept && kept.styleKey === styleKey) return kept;
  // The block phase keeps only tracked mentions in its summaries: the index takes every one it is given.
  const story = new StoryForms<Mention, Form>({ formOf: (m) => m.text, tracked: () => true, create: (text) => new Form(text), signature: contextSignature });
  const state: State = { styleKey, story, pairs: new Set(), generation: neighbourGeneration() };
  memo.state = state;
  return state;
}

// Title mentions and ordinary words capitalised mid-sentence (Defense, Council; the style checks') are not names here.
const tracked = (m: Mention): boolean => !m.title && !isCommonWord(m.text);

/** What fillContext reads of a mention, so what a judgement depends on besides the count. */
function contextSignature(m: Mention): string {
  return `${m.prev ?? ''}\u0000${m.prev2 ?? ''}\u0000${m.next ?? ''}`;
}

/** Pairs each new form with the story's forms it shares a deletion key with. */
function linkSimilar(state: State, born: Form[]): void {
  let forms: Iterable<Form> = born;
  if (state.generation !== neighbourGeneration()) {
    // The shared index started again and forgot the story's older forms: look every form up anew.
    for (const f of state.story.forms.values()) f.pairs = undefined;
    state.pairs.clear();
    forms = state.story.forms.values();
  }
  // Read before the lookups: if they fill the shared index and it starts again, the next run redoes them.
  state.generation = neighbourGeneration();
  for (const f of forms) {
    for (const text of similarForms(f.text)) {
      const g = state.story.forms.get(text);
      if (!g || g === f || f.pairs?.has(g)) continue;
      const pair: Pair = { x: f, y: g, spelling: [undefined, undefined] };
      (f.pairs ??= new Map()).set(g, pair);
      (g.pairs ??= new Map()).set(f, pair);
      state.pairs.add(pair);
    }
  }
}

/** Which form to keep and which to correct (a is the later form), or null: cached until either form changes. */
function judge(pair: Pair, a: Form, b: Form, config: Config, known: KnownNames): [Form, Form] | null {
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
