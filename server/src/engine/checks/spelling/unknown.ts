import type { Check } from '../../check.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { dictionaryReady, isKnownWord, loadDictionary, suggestions } from '../../spelling/dictionary.js';
import type { RawFinding } from '../../types.js';

const LOWER_WORD = /^[a-z]+(?:['’][a-z]+)?$/;

/** A lower-case word the dictionary does not know. Capitalised words are names: the names checks own them. */
export const unknown: Check = {
  id: 'spelling.unknown',
  family: 'spelling',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A word the English dictionary (en-US, or en-GB for the british preset) does not know, with suggestions; capitalised words are left to the names checks, and copydesk.yaml `words` are accepted.',
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
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== TokenKind.Word || t.flags[i]! & TokenFlag.Cap) continue;
      const len = t.end[i]! - t.start[i]!;
      if (len < 3 || len > 40) continue;
      const word = block.prose.slice(t.start[i], t.end[i]);
      // The common case: a plain known word, answered from the per-word cache.
      if (!word.includes('-') && isKnownWord(locale, word)) continue;
      // Hyphenated compounds are right when their parts are (full-scale, long-range).
      const parts = word.split('-');
      const bad = parts.filter((p) => p.length >= 3 && LOWER_WORD.test(p) && !style.words.has(p) && !isKnownWord(locale, p.replace(/’/g, "'")));
      if (bad.length === 0 || style.words.has(word)) continue;
      const target = parts.length === 1 ? word : bad[0]!;
      const offset = parts.length === 1 ? 0 : word.indexOf(target);
      const start = t.start[i]! + offset;
      const end = start + target.length;
      const quoted = (t.flags[i]! & TokenFlag.InQuote) !== 0;
      // A misspelling sits next to a real word; an unknown word with no close suggestion is more likely a
      // coinage or jargon the dictionary lacks (hashtagging, undercard), and is not reported.
      const near = suggestions(locale, target, 3);
      if (near.length === 0) continue;
      findings.push({
        start,
        end,
        message: `“${target}” is not in the ${locale} dictionary.${quoted ? ' (inside a direct quote)' : ''}`,
        fixes: near.slice(0, 3).map((s) => ({ start, end, text: s, title: `Replace with “${s}”` })),
      });
    }
    return { findings };
  },
};
