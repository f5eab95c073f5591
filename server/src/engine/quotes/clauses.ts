// Clause-level evidence that a sentence credits its quote: who acts in it, whether a colon after a
// person introduces the quote, whether a speech tag follows it ("…,” Trump barked). Each test is one
// pass over a sentence's tokens or a bounded slice of text, so a line of quote marks stays linear.
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind } from '../document/tokens.js';
import { isCommonWord, isDictionaryName } from '../names/lexicon.js';

export const PERSONAL = new Set(['he', 'she', 'they', 'i', 'we']);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const PREPOSITIONS = new Set(['under', 'with', 'by', 'from', 'to', 'of', 'for', 'about', 'against', 'in', 'on', 'at', 'over', 'than', 'like']);
const AUXILIARIES = new Set(['has', 'had', 'have', 'did', 'does']);
const ADVERB = /^(?:also|then|later|again|previously|earlier|once|further|recently|still|even|never|often|\p{L}+ly)$/u;
const SUBORDINATORS = new Set(['when', 'while', 'after', 'as', 'before', 'since', 'because', 'if', 'although', 'though', 'once', 'until', 'asked', 'whatever', 'whenever']);
const MENTAL = new Set(['expects', 'expected', 'knows', 'knew', 'hopes', 'hoped', 'wants', 'wanted', 'wishes', 'wished', 'feels', 'felt', 'intends', 'intended', 'plans', 'planned', 'believes', 'believed', 'needs', 'needed', 'likes', 'liked', 'loves', 'loved', 'fears', 'feared', 'seems', 'seemed', 'appears', 'appeared']);
const NOT_SUBJECTS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'as', 'for', 'to', 'of', 'by', 'with', 'from', 'there', 'here', 'what', 'when', 'while', 'where', 'who', 'why', 'how', 'after', 'before', 'since', 'some', 'many', 'most', 'all', 'no', 'not', 'yet', 'so', 'even', 'just', 'still', 'now', 'then', 'once', 'under', 'over', 'during', 'despite', 'although', 'though', 'because', 'until', 'unless', 'each', 'every', 'both', 'such', 'one', 'more', 'less', 'other', 'another', 'much']);

/** A capitalised word that starts a sentence may be a name unless it is a common word ("Reconstruction") or a function word. */
export function mayBeName(w: string): boolean {
  return !NOT_SUBJECTS.has(w.toLowerCase()) && !PRONOUNS.has(w.toLowerCase()) && (!isCommonWord(w) || isDictionaryName(w));
}

/** The quote opens after a colon ("McConnell delivered a blunt message: “…”"). */
export function afterColon(prose: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (prose[i] === ' ' || prose[i] === '\t')) i--;
  return prose[i] === ':';
}

// After "…,” a subject and a verb make a speech tag whatever the verb ("Trump barked", "Hannity started",
// "the nominee riffed", "he went on"). The slice is bounded, so this stays linear.
const TAG = /^\s*(?:(?:\p{Lu}[\p{L}.'’-]*(?<!['’]s)\s+){1,4}|(?:he|she|they|the\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?)\s+)(?:also\s+|then\s+|later\s+)?(?:\p{Ll}{2,}ed|went|shot|spoke|began|broke|got|gave|came|ran|grew|put|cried|\p{Ll}{3,}[^s'’\s]s)\b/u;
export function speechTag(prose: string, inner: string, q: { close: number; end: number }): boolean {
  if (q.close < 0 || !/[,?!]['’]?\s*$/.test(inner)) return false;
  return TAG.test(prose.slice(q.end, q.end + 80));
}

/** For each sentence, the offset where a person first acts in it (a name or he/she/they followed by a
 *  verb, outside quotation marks), or Infinity. A quote after that point is credited by its sentence:
 *  "Trump attacked “the hateful ideology …”" names someone; "The plan was “dead on arrival”" does not.
 *  One pass over the block's tokens, so a line of a million quote marks stays linear. */
export function actorStarts(block: Block): { actors: Float64Array; persons: Float64Array } {
  const sentences = block.sentences;
  const out = new Float64Array(sentences.length).fill(Infinity);
  const persons = new Float64Array(sentences.length).fill(Infinity);
  const t = block.tokens;
  const prose = block.prose;
  sentences.forEach((sentence, s) => {
    const from = sentence.tokFrom;
    const to = sentence.tokTo;
    // Past "that" or "whether" the clause is reported content ("… that rival Clinton had shown bad judgment
    // in using her “as a paragon of virtue”"): a person acting there is talked about, not quoted.
    let reported = false;
    // A sentence opening with "When", "While", "Asked" … begins with a subordinate clause: its person sets
    // the scene ("While he was speaking in Miami, “…”") and does not say the quote; the first comma ends it.
    let subordinate = false;
    for (let i = from; i < to - 1; i++) {
      if (t.flags[i]! & TokenFlag.InQuote) continue;
      if (t.kind[i] !== TokenKind.Word) {
        if (subordinate && prose.charCodeAt(t.start[i]!) === 44) subordinate = false;
        continue;
      }
      if (i === from && SUBORDINATORS.has(prose.slice(t.start[i], t.end[i]).toLowerCase())) {
        subordinate = true;
        continue;
      }
      // Only a capitalised word or a short pronoun can be the actor: most tokens stop here, unsliced.
      const len = t.end[i]! - t.start[i]!;
      if (!(t.flags[i]! & TokenFlag.Cap) && len > 4 && !(len === 7 && prose.charCodeAt(t.start[i]!) === 119)) continue;
      const w = prose.slice(t.start[i], t.end[i]);
      const lower = w.toLowerCase();
      if (lower === 'that' || lower === 'whether') reported = true;
      if (reported && !(t.flags[i]! & TokenFlag.Cap) && !PERSONAL.has(lower)) continue;
      const person = PERSONAL.has(lower) ? lower !== 'i' && lower !== 'we' : (t.flags[i]! & TokenFlag.Cap) !== 0 && !NOT_SUBJECTS.has(lower) && !/['’]s$/.test(w);
      if (!person) continue;
      // "under President Obama", "with Russia": a name after a preposition is not the sentence's actor.
      if (i > from && PREPOSITIONS.has(prose.slice(t.start[i - 1], t.end[i - 1]))) continue;
      // "Reconstruction has been …": a common word capitalised only because it starts the sentence.
      const atStart = (t.flags[i]! & TokenFlag.SentenceStart) !== 0 && !PERSONAL.has(lower);
      if (atStart && isCommonWord(w) && !isDictionaryName(w)) continue;
      if (persons[s] === Infinity) persons[s] = t.start[i]!;
      let j = i + 1;
      // "Ted Nordhaus, co-founder of the institute, welcomed …": the verb comes after the appositive.
      if (j < to && prose.charCodeAt(t.start[j]!) === 44) j = afterAppositive(block, j, to);
      while (j < to && t.kind[j] === TokenKind.Word && ADVERB.test(prose.slice(t.start[j], t.end[j]))) j++;
      if (j >= to || t.kind[j] !== TokenKind.Word || t.flags[j]! & (TokenFlag.Cap | TokenFlag.InQuote)) continue;
      const v = prose.slice(t.start[j], t.end[j]);
      // A capitalised first word may be any noun: it needs a verb of its own, not just "has".
      // "she expects the campaign “to …”", "he hopes": a state of mind is not a statement.
      if (reported || subordinate || MENTAL.has(v)) continue;
      if ((AUXILIARIES.has(v) && !atStart) || (v.length > 3 && (/ed$/.test(v) || /[^s'’]s$/.test(v))) || progressive(block, v, j + 1, to)) {
        out[s] = t.start[i]!;
        break;
      }
    }
  });
  return { actors: out, persons };
}

/** "Trump is questioning", "Rubio was asked": a form of "be" before an -ing or -ed word is the verb. */
function progressive(block: Block, v: string, k: number, to: number): boolean {
  if (v !== 'is' && v !== 'was' && v !== 'are' && v !== 'were') return false;
  const t = block.tokens;
  // "Trump is once again questioning": adverbs may stand between.
  while (k < to && t.kind[k] === TokenKind.Word && ADVERB.test(block.prose.slice(t.start[k], t.end[k]))) k++;
  return k < to && t.kind[k] === TokenKind.Word && !(t.flags[k]! & TokenFlag.InQuote) && /\p{Ll}{2,}(?:ing|ed)$/u.test(block.prose.slice(t.start[k], t.end[k]));
}

/** The token after the comma that closes an appositive opened by the comma at `comma` (within 30 tokens,
 *  so the scan stays bounded), or `to` when there is none. */
function afterAppositive(block: Block, comma: number, to: number): number {
  const t = block.tokens;
  const last = Math.min(to, comma + 30);
  for (let k = comma + 1; k < last; k++) {
    if (t.kind[k] !== TokenKind.Punct || t.flags[k]! & TokenFlag.InQuote) continue;
    const c = block.prose.charCodeAt(t.start[k]!);
    if (c === 44) return k + 1;
    if (c === 59 || c === 58) return to;
  }
  return to;
}
