import type { Check } from '../../check.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { keepable } from '../../document/memo.js';
import { dictionaryReady, isKnownWord, loadDictionary, plainWords, suggestions } from '../../spelling/dictionary.js';
import type { Fix, RawFinding } from '../../types.js';

const LOWER_WORD = /^[a-z]+(?:['’][a-z]+)?$/;
const MAX_MEMO = 20_000;

/** What is wrong with a word the dictionary does not know as written: the part to flag and its suggestions. */
interface Verdict {
  target: string;
  offset: number;
  near: string[];
  /** The fixes' titles, made once per word rather than once per occurrence. */
  titles: string[];
}

/** The verdict on a word that is not a plain known word (null: nothing to report); the same for every
 *  occurrence, so worked out once per style. */
function judge(word: string, locale: 'en-US' | 'en-GB', words: Set<string>): Verdict | null {
  // Hyphenated compounds are right when their parts are (full-scale, long-range).
  const parts = word.split('-');
  const bad = parts.filter((p) => p.length >= 3 && LOWER_WORD.test(p) && !words.has(p) && !isKnownWord(locale, p.replace(/’/g, "'")));
  if (bad.length === 0 || words.has(word)) return null;
  const target = parts.length === 1 ? word : bad[0]!;
  const offset = parts.length === 1 ? 0 : word.indexOf(target);
  // A misspelling sits next to a real word; an unknown word with no close suggestion is more likely a
  // coinage or jargon the dictionary lacks (hashtagging, undercard), and is not reported.
  const near = suggestions(locale, target, 3);
  if (near.length === 0) return null;
  return { target, offset, near, titles: near.map((s) => `Replace with “${s}”`) };
}


/** Words with digits (handles, model names: pmorici1, mp3, covid19) are codes, not misspellings. */
function hasDigit(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function fixesFor({ near, titles }: Verdict, start: number, end: number): Fix[] {
  const fixes: Fix[] = [];
  for (let k = 0; k < near.length && k < 3; k++) fixes.push({ start, end, text: near[k]!, title: titles[k]! });
  return fixes;
}

/** A lower-case word the dictionary does not know. Capitalised words are names: the names checks own them. */
export const unknown: Check = {
  id: 'spelling.unknown',
  family: 'spelling',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A word the English dictionary (en-US, or en-GB for the british preset) does not know, with suggestions; capitalised words are left to the names checks, words with digits (handles, model names) are left alone, and copydesk.yaml `words` are accepted.',
  docs: { bad: ['The goverment said the budget would grow.'], good: ['The government said the budget would grow.', 'Dolmabahçe Palace hosted the talks.'] },
  ready(style) {
    return dictionaryReady(style.config.locale);
  },
  async prepare(style) {
    // Only the dictionary the house style needs (en-GB for the british preset); all when no style is given.
    await Promise.all(style ? [loadDictionary(style.config.locale)] : [loadDictionary('en-US'), loadDictionary('en-GB')]);
  },
  block(block, { style }) {
    const locale = style.config.locale;
    const t = block.tokens;
    const findings: RawFinding[] = [];
    const plain = plainWords(locale);
    let memo = style.memo.get('spelling.unknown') as Map<string, Verdict | null> | undefined;
    if (!memo) style.memo.set('spelling.unknown', (memo = new Map()));
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== TokenKind.Word || t.flags[i]! & TokenFlag.Cap) continue;
      const len = t.end[i]! - t.start[i]!;
      if (len < 3 || len > 40 || hasDigit(block.prose, t.start[i]!, t.end[i]!)) continue;
      // The common case: a plain known word, answered from the per-word cache without slicing it.
      if (plain ? plain.isKnownAt(block.prose, t.start[i]!, t.end[i]!) : !block.prose.slice(t.start[i], t.end[i]).includes('-')) continue;
      const word = block.prose.slice(t.start[i], t.end[i]);
      // Kept only once the dictionary is loaded (without it every word is judged right).
      let verdict = plain ? memo.get(word) : undefined;
      if (verdict === undefined) {
        verdict = judge(word, locale, style.words);
        if (plain) {
          if (memo.size >= MAX_MEMO) memo.clear();
          memo.set(keepable(word), verdict && { ...verdict, target: keepable(verdict.target) });
        }
      }
      if (verdict === null) continue;
      const { target, offset, near } = verdict;
      const start = t.start[i]! + offset;
      const end = start + target.length;
      const quoted = (t.flags[i]! & TokenFlag.InQuote) !== 0;
      findings.push({
        start,
        end,
        message: `“${target}” is not in the ${locale} dictionary.${quoted ? ' (inside a direct quote)' : ''}`,
        fixes: fixesFor(verdict, start, end),
      });
    }
    return findings.length ? { findings } : undefined;
  },
};
