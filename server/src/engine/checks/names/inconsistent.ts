import type { Check } from '../../check.js';
import { isCommonWord, isDictionaryName } from '../../names/lexicon.js';
import { distinctNames } from '../../names/distinct.js';
import { knownNames } from '../../names/known.js';
import { blockMentions, type Mention } from '../../names/mentions.js';
import { similarForms } from '../../names/neighbours.js';
import { editDistance, foldName, inflected, similarNames } from '../../names/similarity.js';
import type { NameFact, RawFinding } from '../../types.js';

interface Placed {
  m: Mention;
  base: number;
}

interface Form {
  text: string;
  mentions: Placed[];
  /** Neighbour sets are filled only for forms that meet a similar form (most never do). */
  context?: boolean;
  prevs: Set<string>;
  /** Every word seen right before, ordinary words included (for extending a fix over a shared given name). */
  rawPrevs: Set<string>;
  /** "prev2 prev" pairs: two name words before (Zaw Min). */
  prevPairs: Set<string>;
  nexts: Set<string>;
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
    const list = blockMentions(block);
    // A block without mentions keeps nothing (the runner drops an empty output).
    return list.length ? { summary: list } : undefined;
  },
  document(model, summaries, { style }) {
    const known = knownNames(style);
    const forms = new Map<string, Form>();
    summaries.forEach((list, b) => {
      if (!list?.length) return;
      const base = model.blocks[b]!.start;
      for (const m of list) {
        if (m.title) continue;
        let f = forms.get(m.text);
        if (!f) forms.set(m.text, (f = { text: m.text, mentions: [], prevs: NONE, rawPrevs: NONE, prevPairs: NONE, nexts: NONE }));
        f.mentions.push({ m, base });
      }
    });
    // Ordinary words capitalised mid-sentence (Defense, Council) belong to the style checks.
    const names = [...forms.values()].filter((f) => !isCommonWord(f.text));
    // Pairs of forms one deletion apart, each pair once (later form first), in the story's order.
    const position = new Map<string, number>();
    names.forEach((f, i) => position.set(f.text, i));
    const candidates = new Map<Form, Form[]>();
    names.forEach((f, i) => {
      let list: Form[] | undefined;
      for (const t of similarForms(f.text)) {
        const j = position.get(t);
        if (j !== undefined && j < i) (list ??= []).push(names[j]!);
      }
      if (list) candidates.set(f, list.length > 1 ? list.sort((x, y) => position.get(x.text)! - position.get(y.text)!) : list);
    });
    const findings: RawFinding[] = [];
    const facts: NameFact[] = [];
    const done = new Set<string>();
    for (const [a, set] of candidates) {
      for (const b of set) {
        const pair = a.text < b.text ? `${a.text}\u0000${b.text}` : `${b.text}\u0000${a.text}`;
        if (done.has(pair)) continue;
        done.add(pair);
        if (inflected(a.text, b.text) || a.text.toLowerCase() === b.text.toLowerCase()) continue;
        fillContext(a);
        fillContext(b);
        // Misspellings keep the first letter (Witcombe, Whitcombe); Ellen and Yellen, Maine and Kaine are other names.
        if (foldName(a.text)[0] !== foldName(b.text)[0]) continue;
        // Short names need more than spelling to be one name: the same two words before them (Zaw Min Htet).
        if (!similarNames(a.text, b.text) && !(intersects(a.prevPairs, b.prevPairs) && Math.min(a.text.length, b.text.length) >= 4 && editDistance(a.text, b.text, 1) <= 1)) continue;
        // The desk recorded these as two names ("Treat as a different name").
        if (distinctNames(style.config, a.text, b.text)) continue;
        const verdict = decide(a, b, known);
        if (!verdict) continue;
        const [keep, wrong] = verdict;
        const others = keep.mentions.slice(0, 5).map(({ m, base }) => ({ start: base + m.start, end: base + m.end, message: `“${keep.text}” here` }));
        for (const { m, base } of wrong.mentions) {
          if (m.upper) continue;
          const abs = base + m.start;
          const absEnd = base + m.end;
          // Include the given names the two forms share, so the fix reads as the whole name (Zhou Minghui).
          let start = abs;
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
            message: `“${wrong.text}” is spelled “${keep.text}” elsewhere in this story (${keep.mentions.length} time${keep.mentions.length === 1 ? '' : 's'}).`,
            fixes: [{ start, end: absEnd, text: replacement, title: `Replace with “${replacement}”` }],
            related: others,
            data: { canonical: keep.text, forms: [wrong.text, keep.text] },
          });
        }
        facts.push({
          canonical: keep.text,
          count: keep.mentions.length + wrong.mentions.length,
          variants: [...keep.mentions, ...wrong.mentions].map(({ m, base }) => ({ text: m.text, start: base + m.start, end: base + m.end })),
          first: Math.min(keep.mentions[0]!.base + keep.mentions[0]!.m.start, wrong.mentions[0]!.base + wrong.mentions[0]!.m.start),
        });
      }
    }
    return { findings, facts: { names: facts } };
  },
};

// A constant, not a literal in the function: the bundle (target node18) builds a \p{…} literal anew on every call.
const INITIAL_LOWER = /^\p{Ll}/u;

/** The neighbour sets of a form that has not met a similar form: never read, never written. */
const NONE: Set<string> = new Set();

function fillContext(f: Form): void {
  if (f.context) return;
  f.context = true;
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
function decide(a: Form, b: Form, known: ReturnType<typeof knownNames>): [Form, Form] | null {
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

function isKnown(text: string, known: ReturnType<typeof knownNames>): boolean {
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
