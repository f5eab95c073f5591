// Every name in a story for the report, not only the ones the checks flagged: runs of capitalised
// words, with titles and nationalities stripped, surnames on later reference folded into the full name,
// and the checks' verdicts (listed variant, misspelling, inconsistency) deciding the canonical form.
// One left-to-right pass over the text; no dictionary, so the client can bundle it.
import type { CheckResult } from '../engine/types.js';
import { TITLES } from '../engine/names/titles.js';

export interface NameMention {
  canonical: string;
  text: string;
  start: number;
  end: number;
  /** The form is one the checks said to change. */
  wrong: boolean;
}

// Capitalised at the start of a sentence for grammar, not because they are names.
const FUNCTION_WORDS = new Set(
  'A An The In On At By For From With Without But And Or Nor So Yet As If When While After Before Since Until Though Although Because This That These Those It Its He She They We You I His Her Their Our My Your Some Many Most More Few All Both Each Every No Not Other Another Such There Here Then Now Also Still Even Only Just Why What Who Whom Whose Which Where How Under Over About Across Against Among Around Between During Into Through Toward Towards Upon Despite Except Like Near Per Via Mr Mrs Ms Dr Officials Police Shipping Later Earlier Meanwhile However'.split(' '),
);
const CALENDAR = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '));
const NATIONALITY = /^\p{Lu}\p{Ll}+(?:ish|ian|ese|ean|can|i)$|^(?:German|Thai|Dutch|French|Greek|Swiss|Czech|Korean|Afghan|Cuban|Moroccan)$/u;
const isTitle = (w: string): boolean => TITLES.has(w.replace(/\.$/, ''));
/** Words before a name that are not part of it: a title, or a nationality before a title (Turkish Foreign Minister). */
function strippable(words: { text: string }[], i: number): boolean {
  const w = words[i]!.text;
  return isTitle(w) || FUNCTION_WORDS.has(w) || (NATIONALITY.test(w) && i + 1 < words.length && isTitle(words[i + 1]!.text));
}
const ACRONYM = /\p{Lu}{2,4}/uy;
const WORD = /\p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{L}[\p{Ll}\p{M}]*)*/uy;

// ASCII fast paths: the scan looks at every character, and Unicode property regexes per character cost.
const UPPER = /\p{Lu}/u;
const WORDCH = /[\p{L}\p{M}\d]/u;
function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[i]!);
}
function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORDCH.test(text[i]!);
}

interface Run {
  words: { text: string; start: number; end: number }[];
  initial: boolean;
}

/** Name-like runs of one text, in order. */
function runs(text: string): Run[] {
  const out: Run[] = [];
  let sentenceStart = true;
  let lineStart = true;
  let cur: Run | null = null;
  let skipLine = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (lineStart) {
      // Headlines are in title case and code is not prose.
      skipLine = c === '#' || text.startsWith('```', i) || text.startsWith('    ', i);
      lineStart = false;
    }
    if (c === '\n') {
      lineStart = true;
      if (text[i + 1] === '\n' || text[i + 1] === '\r') sentenceStart = true;
      if (cur) out.push(cur), (cur = null);
      i++;
      continue;
    }
    if (skipLine) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    let m = isUpper(text, i) ? WORD.exec(text) : null;
    if (m && m[0].length === 1) {
      ACRONYM.lastIndex = 0;
      m = ACRONYM.exec(text.slice(i, i + 5));
    }
    // Short acronyms (US, UN) join a name (US Defense Department); longer capitals are datelines.
    if (m && !isWordChar(text, i - 1) && m[0].length >= 2 && (m[0] !== m[0].toUpperCase() || m[0].length <= 4)) {
      const w = m[0].replace(/['’]s$/, '');
      if (isWordChar(text, i + m[0].length)) {
        // Part of a mixed token (iPhone2, McDonald3): not a name word.
        i += m[0].length;
        if (cur) out.push(cur), (cur = null);
        continue;
      }
      if (!cur) cur = { words: [], initial: sentenceStart };
      cur.words.push({ text: w, start: i, end: i + w.length });
      sentenceStart = false;
      i += m[0].length;
      // A possessive or punctuation ends the run; a single space continues it.
      if (w.length !== m[0].length || text[i] !== ' ' || i + 1 >= text.length || !isUpper(text, i + 1)) out.push(cur), (cur = null);
      else i++;
      continue;
    }
    if (cur) out.push(cur), (cur = null);
    // A dateline's dash starts the story's first sentence: "(Copydesk Wire) — Delegations ...".
    if (c === '.' || c === '!' || c === '?' || ((c === '—' || c === '–' || c === '-') && /\)\s*$/.test(text.slice(Math.max(0, i - 3), i)))) sentenceStart = true;
    else if (isWordChar(text, i)) {
      sentenceStart = false;
      // Skip the rest of a lower-case or digit word in one step.
      while (isWordChar(text, i + 1)) i++;
    }
    i++;
  }
  if (cur) out.push(cur);
  return out;
}

/** Written differently from the canonical form, beyond capitals (a headline's OBAMA) and a possessive. */
function differs(canonical: string, text: string): boolean {
  const norm = (s: string) => s.replace(/['’]s?$/, '').toLowerCase();
  return norm(canonical) !== norm(text) && !norm(canonical).endsWith(' ' + norm(text));
}

/** The names of one story: each mention with its canonical form. */
export function nameMentions(text: string, result: CheckResult): NameMention[] {
  // What the checks decided: a span and the name it should read.
  const verdicts: { start: number; end: number; canonical: string; fix?: string; flagged: boolean }[] = [];
  for (const f of result.findings) {
    const canonical = f.data?.canonical;
    if (typeof canonical === 'string') verdicts.push({ start: f.start, end: f.end, canonical, fix: f.fixes[0]?.text, flagged: true });
  }
  for (const n of result.facts.names) for (const v of n.variants) verdicts.push({ start: v.start, end: v.end, canonical: n.canonical, flagged: false });
  verdicts.sort((a, b) => a.start - b.start);

  const candidates: { text: string; start: number; end: number; initialSingle: boolean }[] = [];
  const midSentence = new Set<string>();
  for (const r of runs(text)) {
    let words = r.words;
    while (words.length > 1 && strippable(words, 0)) words = words.slice(1);
    const only = words.length === 1 ? words[0]!.text : null;
    if (only && (CALENDAR.has(only) || CALENDAR.has(only.replace(/s$/, '')) || isTitle(only) || NATIONALITY.test(only) || FUNCTION_WORDS.has(only) || only === only.toUpperCase())) continue;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const name = text.slice(first.start, last.end);
    const initialSingle = r.initial && words === r.words && words.length === 1;
    if (!initialSingle) midSentence.add(name);
    candidates.push({ text: name, start: first.start, end: last.end, initialSingle });
  }

  const out: NameMention[] = [];
  let v = 0;
  const used = new Set<number>();
  for (const c of candidates) {
    while (v < verdicts.length && verdicts[v]!.end <= c.start) v++;
    let verdict: (typeof verdicts)[number] | undefined;
    // A finding outranks a mere fact about the same span.
    for (let k = v; k < verdicts.length && verdicts[k]!.start < c.end; k++) if (verdicts[k]!.end > c.start) {
      if (!verdict || (verdicts[k]!.flagged && !verdict.flagged)) verdict = verdicts[k];
      used.add(k);
    }
    if (!verdict && c.initialSingle && !midSentence.has(c.text)) continue;
    let canonical = c.text;
    if (verdict) {
      if (verdict.start <= c.start && verdict.end >= c.end) canonical = verdict.canonical;
      else if (verdict.start >= c.start && verdict.end <= c.end) canonical = text.slice(c.start, verdict.start) + (verdict.fix ?? verdict.canonical) + text.slice(verdict.end, c.end);
      else canonical = verdict.canonical;
    }
    out.push({ canonical, text: c.text, start: c.start, end: c.end, wrong: !!verdict?.flagged && differs(canonical, c.text) });
  }
  // Flagged spans the scan did not see as names (lower case, inside a headline) still count.
  verdicts.forEach((x, k) => {
    if (!used.has(k)) out.push({ canonical: x.canonical, text: text.slice(x.start, x.end), start: x.start, end: x.end, wrong: x.flagged && differs(x.canonical, text.slice(x.start, x.end)) });
  });
  out.sort((a, b) => a.start - b.start);

  // A surname on later reference belongs to the one full name ending in it (Hakan Fidan … Fidan).
  const bySurname = new Map<string, string | null>();
  for (const m of out) {
    const parts = m.canonical.split(' ');
    if (parts.length < 2) continue;
    const s = parts[parts.length - 1]!;
    const had = bySurname.get(s);
    bySurname.set(s, had === undefined || had === m.canonical ? m.canonical : null);
  }
  for (const m of out) {
    const full = !m.canonical.includes(' ') ? bySurname.get(m.canonical) : undefined;
    if (full) m.canonical = full;
  }
  return out;
}

/** The people quoted, once each: "Ukrainian Defence Minister Rustem Umerov", "Umerov" and "Rustem Umerov"
 *  are one source, shown by the full name. Returns each speaker's source name. */
export function sourceNames(speakers: string[]): Map<string, string> {
  const bare = (sp: string): string => {
    let words = sp.split(/\s+/).map((text) => ({ text }));
    while (words.length > 1 && strippable(words, 0)) words = words.slice(1);
    return words.map((w) => w.text).join(' ');
  };
  const full = new Map<string, string | null>();
  for (const sp of speakers) {
    const b = bare(sp);
    const parts = b.split(' ');
    if (parts.length < 2 || !/^\p{Lu}/u.test(parts[parts.length - 1]!)) continue;
    const s = parts[parts.length - 1]!;
    const had = full.get(s);
    full.set(s, had === undefined || had === b ? b : null);
  }
  const out = new Map<string, string>();
  for (const sp of speakers) {
    const b = bare(sp);
    out.set(sp, (!b.includes(' ') && full.get(b)) || b);
  }
  return out;
}
