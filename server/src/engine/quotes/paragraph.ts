// What one paragraph says about its quotes: where they are, whether the paragraph credits anyone (a cue
// verb outside the quotes: said, told, wrote on X, according to), who, and how the paragraph begins and ends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { perBlock } from '../document/memo.js';
import type { Block } from '../document/model.js';
import { TokenFlag, TokenKind } from '../document/tokens.js';
import { dataDir } from '../style/paths.js';
import { WordFilter, WordShapes } from '../style/wordfilter.js';
import { actorStarts, afterColon, mayBeName, PERSONAL, PRONOUNS, speechTag } from './clauses.js';
import { countQuotedWords, isSpace, moreLetterWordsThan } from './words.js';

let cues: Set<string> | null = null;
// Every cue verb by its first two letters and length, then hashed in place: most words are rejected
// without slicing or lower-casing them, most of those without even being hashed.
const cueShapes = new WordShapes([], true);
const cueFilter = new WordFilter();
function cueVerbs(): Set<string> {
  if (!cues) {
    const file = path.join(dataDir(), 'quotes', 'cue-verbs.txt');
    cues = new Set(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
    for (const v of cues) {
      cueShapes.add(v);
      cueFilter.add(v);
    }
  }
  return cues;
}

export interface QuoteInfo {
  open: number;
  end: number;
  closed: boolean;
  words: number;
  /** A quoted title of a work ("Sizwe Banzi Is Dead"). */
  title: boolean;
  text: string;
  /** The sentence credits the quote: a person acts in it before the quote ("Trump attacked “the …”"), a colon
   *  after a person opens the quote, or a speech tag follows it ("…,” Trump barked). */
  actor: boolean;
}

export interface ParagraphQuotes {
  quotes: QuoteInfo[];
  /** Closing marks with no opening one. */
  strays: number[];
  /** A cue verb outside the quotes: the paragraph credits someone. */
  credited: boolean;
  /** Who, as written next to the cue ("Zelensky", "Lena Hartwig", "he", "the spokeswoman"). */
  speaker: string | null;
  /** A speaker named in the paragraph with a proper name (for pronoun references later). */
  named: string | null;
  startsWithQuote: boolean;
  /** Nothing but the quote: no words outside quotation marks. */
  quoteOnly: boolean;
  endsOpen: boolean;
  /** The paragraph ends with a colon: it introduces what follows ("Clinton wrote:"). */
  introduces: boolean;
}

const STRONG = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'wrote', 'writes', 'write', 'writing', 'added', 'stated', 'posted', 'tweeted', 'according', 'declared', 'announced', 'explained', 'insisted', 'emphasized', 'emphasised', 'stressed', 'warned', 'replied', 'responded', 'answered', 'testified', 'quipped', 'noted', 'remarked', 'recalled', 'acknowledged', 'admitted', 'argued', 'conceded']);
const TRANSCRIPT_LABEL = /^\s*["“]?\p{Lu}[\p{Lu}.'’ -]{1,30}:\s/u;
const AS_PUT_IT = /\b[Aa]s\s+[^,.;:“”"]{1,60}\s+put(?:s)?\s+it\b/u;
const PER_SOURCE = /,[”"]?\s+per\s+(?:the\s+|an?\s+)?\p{L}/u;
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'his', 'her', 'their', 'its', 'this', 'that', 'another', 'every', 'each', 'my', 'our', 'your']);
// Determiners that also stand alone as a subject ("One said", "Another told reporters").
const STANDALONE = new Set(['one', 'another', 'each']);
// "when asked", "if asked": a reduced passive, too.
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'when', 'if']);
// "he's claiming", "it's denouncing": a contraction, not a possessive.
const CONTRACTED = new Set(['he', 'she', 'it', 'that', 'there', 'who', 'what', 'here', 'where']);
const PAST = /^(?:said|told|wrote|\p{L}+ed)$/u;
const SKIP = new Set(['also', 'then', 'later', 'again', 'previously', 'earlier', 'once', 'has', 'had', 'have', 'was', 'is', 'were', 'would', 'will', 'had', 'not', 'further', 'later']);

/** The paragraph's quotes and credits, worked out once for the checks that read them. */
export const paragraphQuotes = perBlock(analyseParagraph);

function analyseParagraph(block: Block): ParagraphQuotes {
  const t = block.tokens;
  const prose = block.prose;
  const spans = block.quotes.spans.filter((q) => q.double);
  const verbs = cueVerbs();
  let credited = false;
  let speaker: string | null = null;
  let named: string | null = null;
  let outsideWords = 0;
  let starts: ReturnType<typeof actorStarts> | null = null;
  let sentence = 0;
  for (let i = 0; i < t.count; i++) {
    while (sentence < block.sentences.length - 1 && block.sentences[sentence]!.tokTo <= i) sentence++;
    if (t.kind[i] === TokenKind.Punct) continue;
    if (t.flags[i]! & TokenFlag.InQuote) continue;
    outsideWords++;
    const s0 = t.start[i]!;
    if (t.end[i]! - s0 < 2 || !cueShapes.mayBe(prose, s0, t.end[i]!) || !cueFilter.mayHave(prose, s0, t.end[i]!)) continue;
    const w = prose.slice(s0, t.end[i]).toLowerCase();
    if (!verbs.has(w)) continue;
    if (w === 'according' && !/^\s+to\b/.test(prose.slice(t.end[i], t.end[i]! + 4))) continue;
    // "the Islamic State", "Secretary of State": a capitalised cue next to another capitalised word is part of a name.
    if ((t.flags[i]! & (TokenFlag.Cap | TokenFlag.Upper | TokenFlag.SentenceStart)) === TokenFlag.Cap && inName(block, i)) continue;
    // "RED STATES OUTNUMBER BLUE STATES": a word in capitals is a headline's, not a cue.
    if (t.flags[i]! & TokenFlag.Upper) continue;
    // "in one tweet Friday", "his statement": after a determiner the cue is a noun; but "another said",
    // "one told": a past form after a pronoun-like determiner is still the verb.
    if (i > 0 && t.kind[i - 1] === TokenKind.Word) {
      const d = prose.slice(t.start[i - 1], t.end[i - 1]).toLowerCase();
      // "a message that said": a relative "that" inside the sentence is a subject as well.
      const relative = d === 'that' && !(t.flags[i - 1]! & TokenFlag.SentenceStart);
      if (DETERMINERS.has(d) && !((STANDALONE.has(d) || relative) && PAST.test(w))) continue;
      // "Bill Clinton's comments", "Trump's tweets": after a possessive it is a noun too.
      if (/['’]s$/.test(d) && !CONTRACTED.has(d.slice(0, -2)) && !STRONG.has(w)) continue;
      // "Quiros was accused of", "she was asked about": in the passive the subject is not the speaker.
      if (PASSIVE.has(d) && /ed$/.test(w) && !STRONG.has(w) && w !== 'quoted') continue;
    }
    const who = speakerAround(block, i);
    // "said", "told", "wrote" credit a quote whoever the subject; "asked", "called", "urged" only with a
    // person in the sentence before them (a name or a personal pronoun), or right next to the quote
    // ("…,” the statement read; the letter continues: “…”).
    // "tweets", "calls", "claims" are as often plural nouns ("early-morning tweets"), and "state" is a noun in
    // "home state": they need their subject right next to them, unless "that", a colon or a quote follows
    // ("the website states that …").
    const followed = /^\s*(?:that\b|:|,?\s*[“"])/.test(prose.slice(t.end[i], t.end[i]! + 6));
    const ambiguous = (w === 'state' || (w.endsWith('s') && !w.endsWith('ss') && !STRONG.has(w))) && !followed;
    // "one questioner claimed", "the group argued": a past-tense cue right after its subject is the verb.
    const subject = who !== null && (/^\p{Lu}/u.test(who) || PERSONAL.has(who) || (/^(?:the|a|an|one) /.test(who) && /ed$/.test(w)));
    if (!STRONG.has(w) && !subject && (ambiguous || !((starts ??= actorStarts(block)).persons[sentence]! < t.start[i]!)) && !nextToQuote(prose, t.start[i]!, t.end[i]!)) continue;
    credited = true;
    if (who && !speaker) speaker = who;
    if (who && /^\p{Lu}/u.test(who) && !named) named = who;
  }
  // "…” ― Sonya Herridge: a dash and a name after a quote credit it; so do a transcript's speaker label
  // ("PENCE: Well, …") and "per the party's bylaws".
  // A source in brackets after the excerpt ("…” [HuffPost.]") credits it as well, and so does "as X put it".
  // Only a paragraph with quotes needs these (a paragraph's credit is read only for its quotes).
  if (!credited && spans.length > 0 && (/[”"]\s*[―—–-]{1,2}\s*\p{Lu}\p{L}+/u.test(prose) || /[”"]\s*\[\p{Lu}[^\]]{0,40}\]\s*$/u.test(prose) || AS_PUT_IT.test(prose) || TRANSCRIPT_LABEL.test(prose) || PER_SOURCE.test(prose))) credited = true;
  if (spans.length) starts ??= actorStarts(block);
  sentence = 0;
  const quotes: QuoteInfo[] = spans.map((q) => {
    while (sentence < block.sentences.length - 1 && block.sentences[sentence]!.end <= q.open) sentence++;
    const inner = prose.slice(q.open + 1, q.close >= 0 ? q.close : q.end);
    // "2,521" and "3.5" are one word each, so three quoted words with a number stay scare-quote length.
    const words = countQuotedWords(inner);
    return { open: q.open, end: q.end, closed: q.close >= 0, words, title: isTitle(inner), text: inner.trim(), actor: starts !== null && (starts.actors[sentence]! < q.open || (starts.persons[sentence]! < q.open && afterColon(prose, q.open))) || speechTag(prose, inner, q) };
  });
  let first = 0;
  while (first < prose.length && isSpace(prose.charCodeAt(first))) first++;
  let last = prose.length - 1;
  while (last >= 0 && isSpace(prose.charCodeAt(last))) last--;
  return {
    quotes,
    strays: block.quotes.strays.filter((s) => prose[s.offset] === '"' || prose[s.offset] === '\u201D').map((s) => s.offset),
    credited,
    speaker,
    named,
    startsWithQuote: spans.length > 0 && spans[0]!.open === first,
    quoteOnly: spans.length > 0 && outsideWords === 0,
    endsOpen: spans.length > 0 && spans[spans.length - 1]!.close < 0,
    introduces: last >= 0 && prose.charCodeAt(last) === 58,
  };
}

/** A capitalised word right after another one or "of" ("Islamic State", "Secretary of State"), or right before one ("State Department"). */
function inName(block: Block, i: number): boolean {
  const t = block.tokens;
  const prose = block.prose;
  const cap = (j: number) => j >= 0 && j < t.count && t.kind[j] === TokenKind.Word && (t.flags[j]! & TokenFlag.Cap) !== 0;
  const joined = (a: number, b: number) => prose.slice(t.end[a], t.start[b]) === ' ';
  if (cap(i - 1) && joined(i - 1, i)) return true;
  if (i >= 2 && prose.slice(t.start[i - 1], t.end[i - 1]) === 'of' && cap(i - 2)) return true;
  return cap(i + 1) && joined(i, i + 1);
}

/** The name or pronoun next to a cue verb: "Zelensky said", "said Lena Hartwig", "she said". */
function speakerAround(block: Block, cue: number): string | null {
  const t = block.tokens;
  const prose = block.prose;
  const word = (i: number) => prose.slice(t.start[i], t.end[i]);
  const isCap = (i: number) => i >= 0 && i < t.count && t.kind[i] === TokenKind.Word && (t.flags[i]! & TokenFlag.Cap) !== 0 && !(t.flags[i]! & TokenFlag.InQuote);
  // Before the verb, skipping adverbs and auxiliaries (Pistorius also said, he has said).
  let i = cue - 1;
  while (i >= 0 && t.kind[i] === TokenKind.Word && SKIP.has(word(i).toLowerCase())) i--;
  if (i >= 0 && t.kind[i] === TokenKind.Word && !(t.flags[i]! & TokenFlag.InQuote)) {
    const w = word(i);
    if (PRONOUNS.has(w.toLowerCase())) return w.toLowerCase();
    if (isCap(i)) {
      let from = i;
      while (isCap(from - 1) && prose.slice(t.end[from - 1], t.start[from]) === ' ') from--;
      // "Officials in Zaporizhzhya said": the place is not the speaker; the words before the preposition are.
      if (from >= 2 && /^(?:in|at|from|of|for|near)$/.test(word(from - 1)) && t.kind[from - 2] === TokenKind.Word) from -= 2;
      return prose.slice(t.start[from], t.end[i]).replace(/['’]s$/, '');
    }
    // "the spokeswoman said", "a ministry spokesman said"
    if (i >= 1 && /^(the|a|an|one)$/i.test(word(i - 1))) return `${word(i - 1).toLowerCase()} ${w}`;
  }
  // After the verb: "said Lena Hartwig", "told Reuters".
  let j = cue + 1;
  if (isCap(j)) {
    let to = j;
    while (isCap(to + 1) && prose.slice(t.end[to], t.start[to + 1]) === ' ') to++;
    return prose.slice(t.start[j], t.end[to]);
  }
  if (j < t.count && PRONOUNS.has(word(j).toLowerCase()) && t.kind[j] === TokenKind.Word) return word(j).toLowerCase();
  return null;
}

/** A weak cue right after a quote that ends in a comma, question or exclamation mark ("…,” the letter
 *  read), or right before the quote it introduces ("the letter continues: “…”"). */
function nextToQuote(prose: string, cueStart: number, cueEnd: number): boolean {
  // "the letter continues: “…”", "it reads, “…”", "the ad claims “…”": the quote follows the cue at once.
  if (/^\s*[:,]?\s*["“]/.test(prose.slice(cueEnd, cueEnd + 6))) return true;
  const before = prose.slice(Math.max(0, cueStart - 60), cueStart);
  const m = /[,?!—–-]['’]?\s*[”"]([^.!?;:”"“]*)$/.exec(before);
  // "…,” and several makers have asked": a new clause, not the quote's attribution.
  // "…,” cutting off a reporter who asked": a comma or a relative pronoun opens a clause of its own, too.
  return m !== null && m[1]!.trim().split(/\s+/).length <= 6 && !/^\s*(?:and|but|or|so|yet|while|as|because)\b/.test(m[1]!) && !/,|\b(?:who|whom|which|that)\b/.test(m[1]!);
}

function isTitle(inner: string): boolean {
  // Most quotes are sentences, far longer than a title: decided without splitting them into words.
  if (moreLetterWordsThan(inner, 12)) return false;
  const words = inner.replace(/[,.!?]+$/, '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words.length > 12) return false;
  const significant = words.filter((w) => w.length > 3 || /^\p{Lu}/u.test(w));
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w));
  return capitalised.length >= 2 && capitalised.length >= significant.length * 0.75;
}
