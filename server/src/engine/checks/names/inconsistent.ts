import type { Check, DocumentMemo, DocumentOutput } from '../../check.js';
import type { DocumentOutline } from '../../document/model.js';
import { isCommonWord } from '../../names/lexicon.js';
import { canonicalFor, knownNames } from '../../names/known.js';
import { blockMentions, type Mention } from '../../names/mentions.js';
import { MentionStore } from '../../names/mention-store.js';
import { Form, judge, link, type Pair, type Placed } from '../../names/name-pairs.js';
import { NeighbourIndex, neighbourGeneration, similarForms } from '../../names/neighbours.js';
import { blockOf, StoryForms, type Holders } from '../../names/story-forms.js';
import type { CompiledStyle } from '../../style/types.js';
import type { NameFact, RawFinding } from '../../types.js';


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
  document(model, summaries, ctx, memo) {
    const { style } = ctx;
    const state = storyState(memo, style.key);
    const { story } = state;
    const { born, died } = story.update(summaries);
    for (const f of died) {
      for (const [other, pair] of f.pairs ?? []) {
        other.pairs!.delete(f);
        state.pairs.delete(pair);
      }
    }
    linkSimilar(state, born);
    return report(model, state.pairs, story, style, ctx.facts);
  },
  fold({ style, facts: withFacts }) {
    // The story is read once: mentions are kept as numbers, and forms are made only for spellings that
    // meet a similar spelling of the story (most never do).
    const store = new MentionStore();
    return {
      add(list, block) {
        if (list) store.add(list, block.index);
      },
      finish(model) {
        const forms = new Map<string, Form>();
        // Placed mentions as the story index makes them: each block's list held by that block alone.
        const holders = new Map<number, Holders>();
        const formOf = (text: string): Form => {
          let f = forms.get(text);
          if (f) return f;
          f = new Form(text);
          for (const { m, block, index } of store.mentionsOf(text)) {
            let h = holders.get(block);
            if (!h) holders.set(block, (h = { at: [block], count: 1, before: 1, seen: 0 }));
            f.mentions.push({ m, list: NO_MENTIONS, holders: h, occurrence: 0, index });
          }
          forms.set(text, f);
          return f;
        };
        const pairs = new Set<Pair>();
        // The story's own index (see neighbours.ts); as in linkSimilar, a second pass if it had to start again.
        const neighbours = new NeighbourIndex();
        for (let pass = 0, generation = -1; pass < 2 && generation !== neighbours.generation; pass++) {
          for (const f of forms.values()) f.pairs = undefined;
          pairs.clear();
          generation = neighbours.generation;
          for (const text of store.formTexts()) {
            for (const other of neighbours.similarForms(text)) if (other !== text && store.isForm(other)) link(formOf(text), formOf(other), pairs);
          }
        }
        return report(model, pairs, IN_STORY_ORDER, style, withFacts);
      },
    };
  },
};

/** How the forms of a story and their mentions are ordered (StoryForms keeps its own). */
interface StoryOrder {
  inOrder(f: Form): readonly Placed[];
  compareFirst(f: Form, g: Form): number;
}

/** Forms whose mentions were added in story order. */
const IN_STORY_ORDER: StoryOrder = {
  inOrder: (f) => f.mentions,
  compareFirst(f, g) {
    const p = f.mentions[0]!;
    const q = g.mentions[0]!;
    return blockOf(p) - blockOf(q) || p.index - q.index;
  },
};

const NO_MENTIONS: readonly Mention[] = [];

/** The findings of the pairs whose evidence makes them one name, and with `withFacts` the names' facts
 *  (every mention of both forms: a keystroke's run leaves them out, see CheckContext.facts). */
function report(model: DocumentOutline, pairs: Iterable<Pair>, story: StoryOrder, style: CompiledStyle, withFacts: boolean): DocumentOutput {
  const known = knownNames(style);
  // Pairs of forms one deletion apart, each pair once (later form first), in the story's order.
  const judged: { later: Form; earlier: Form; verdict: [Form, Form] }[] = [];
  for (const pair of pairs) {
    const xLater = story.compareFirst(pair.x, pair.y) > 0;
    const later = xLater ? pair.x : pair.y;
    const earlier = xLater ? pair.y : pair.x;
    const verdict = judge(pair, later, earlier, style.config, known);
    if (verdict) judged.push({ later, earlier, verdict });
  }
  judged.sort((p, q) => story.compareFirst(p.later, q.later) || story.compareFirst(p.earlier, q.earlier));
  const findings: RawFinding[] = [];
  const facts: NameFact[] = [];
  const blocks = model.blocks;
  const baseOf = (p: Placed) => blocks[blockOf(p)]!.start;
  // A form's mentions as facts, and the first five of them as related places, made once per run: a name the
  // story uses often is the kept form of every misspelling judged against it, and typing piles those up (37
  // pairs and ~1,500 mention objects per keystroke in the typing benchmark). Facts and findings are read,
  // never changed, so the pairs share them.
  /** The first `count` of the mentions, placed in the text. */
  const place = (list: readonly Placed[], count = list.length): NameFact['variants'] => {
    const out: NameFact['variants'] = new Array(Math.min(count, list.length));
    for (let i = 0; i < out.length; i++) {
      const p = list[i]!;
      const base = baseOf(p);
      out[i] = { text: p.m.text, start: base + p.m.start, end: base + p.m.end };
    }
    return out;
  };
  const mentionsOf = new Map<Form, NameFact['variants']>();
  const placedMentions = (form: Form, list: readonly Placed[]): NameFact['variants'] => {
    let out = mentionsOf.get(form);
    if (!out) mentionsOf.set(form, (out = place(list)));
    return out;
  };
  const relatedOf = new Map<Form, NonNullable<RawFinding['related']>>();
  for (const { verdict } of judged) {
    const [keep, wrong] = verdict;
    const keeps = story.inOrder(keep);
    const wrongs = story.inOrder(wrong);
    let others = relatedOf.get(keep);
    if (!others) relatedOf.set(keep, (others = place(keeps, 5).map((v) => ({ start: v.start, end: v.end, message: `“${keep.text}” here` }))));
    // A story may mostly use a spelling the house style lists as a variant (Zelenskiy): the fix is then the
    // house form, which the listed-variant check asks for anyway (one fix instead of two in a row).
    const house = known.variantOf.get(keep.text);
    const keepAs = house ? canonicalFor(keep.text, house) : keep.text;
    const message = `“${wrong.text}” is spelled “${keep.text}” elsewhere in this story (${keeps.length} time${keeps.length === 1 ? '' : 's'})${keepAs === keep.text ? '' : `, which the house style writes “${keepAs}”`}.`;
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
      const replacement = lead + keepAs;
      findings.push({
        start,
        end: absEnd,
        message,
        fixes: [{ start, end: absEnd, text: replacement, title: `Replace with “${replacement}”` }],
        related: others,
        data: { canonical: keep.text, forms: [wrong.text, keep.text] },
      });
    }
    if (!withFacts) continue;
    const kept = placedMentions(keep, keeps);
    const misspelt = placedMentions(wrong, wrongs);
    const variants = kept.concat(misspelt);
    facts.push({ canonical: keep.text, count: variants.length, variants, first: Math.min(kept[0]!.start, misspelt[0]!.start) });
  }
  return { findings, facts: { names: facts } };
}

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
  // Twice at most: lookups that fill the shared index make it start again, and it then forgets the forms
  // looked up before them; a second pass over every form finds their pairs (the index has room now).
  for (let pass = 0; pass < 2; pass++) {
    if (state.generation !== neighbourGeneration()) {
      for (const f of state.story.forms.values()) f.pairs = undefined;
      state.pairs.clear();
      forms = state.story.forms.values();
    } else if (pass > 0) return;
    state.generation = neighbourGeneration();
    for (const f of forms) {
      for (const text of similarForms(f.text)) {
        const g = state.story.forms.get(text);
        if (g && g !== f) link(f, g, state.pairs);
      }
    }
  }
}
