import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { TokenView } from '../../style/numbers.js';
import type { RawFinding } from '../../types.js';

// Names that are written "US" by their owners (US Airways, US Bancorp) and so are not the country's abbreviation.
// Capitalised words that begin a new sentence after "U.S." far more often than they continue a name ("U.S. The").
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'This', 'That', 'There', 'If', 'When', 'As', 'So', 'Yet', 'Its', 'His', 'Her', 'Their', 'Our', 'Some', 'Many', 'Most']);
const BRANDS = new Set(['airways', 'bancorp', 'bank', 'steel', 'weekly', 'cellular', 'foods', 'magazine', 'army', 'navy']);

/**
 * The country's abbreviation: `U.S.` in body text for the ap preset (AP: U.S. as noun and adjective; since
 * 2024 AP headlines use US without periods, so headlines accept both), `US` for the british preset (BBC,
 * Reuters, Guardian). A house style picks either with `rules: { style.us-abbreviation: [info, { form: "US" }] }`.
 */
export const usAbbreviation: Check = {
  id: 'style.us-abbreviation',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'The United States abbreviated the house way: U.S. in text for ap (headlines may use US, as AP has since 2024), US for british; the option `form` chooses.',
  docs: {
    bad: ['The US economy grew 2 percent.', 'Officials in the US said nothing.'],
    good: ['The U.S. economy grew 2 percent.', 'Let us go.', 'He flew US Airways.', '“The US is back,” he said.'],
    details: 'Option: `form: "U.S."` or `form: "US"` (default by preset). Headlines are not checked in the U.S. form. Direct quotes are left alone.',
  },
  block(block, { style }) {
    const want = formOf(style.options('style.us-abbreviation').form, style.config.locale);
    if (want === 'U.S.' && block.kind === 'heading') return undefined;
    const v = new TokenView(block);
    const t = block.tokens;
    const findings: RawFinding[] = [];
    for (let i = 0; i < t.count; i++) {
      if (!v.isWord(i) || t.flags[i]! & TokenFlag.InQuote) continue;
      const start = t.start[i]!;
      if (want === 'U.S.' && v.textIs(i, 'US')) {
        // "US" glued to other letters or symbols (US$, US-led is fine as U.S.-led) stays only when it is a brand.
        if (/[$\p{L}]/u.test(v.charAfter(i)) || /[\p{L}.@/]/u.test(v.charBefore(i))) continue;
        if (v.isWord(i + 1) && BRANDS.has(v.lower(i + 1)) && t.flags[i + 1]! & TokenFlag.Cap) continue;
        // All-capitals runs ("NEWS FROM THE US") are display type, not running text.
        if ((v.isWord(i - 1) && t.flags[i - 1]! & TokenFlag.Upper && v.text(i - 1).length > 1) || (v.isWord(i + 1) && t.flags[i + 1]! & TokenFlag.Upper && v.text(i + 1).length > 1)) continue;
        findings.push(fix(start, t.end[i]!, 'U.S.', 'Write the United States as “U.S.” in text.'));
      } else if (want === 'US' && v.textIs(i, 'U.S') && v.isPunct(i + 1, '.') && v.touchesNext(i)) {
        // "U.S." ending a sentence keeps its period as the sentence's.
        const next = i + 2;
        const endsSentence = next >= t.count || (v.isWord(next) && SENTENCE_OPENERS.has(v.text(next)));
        findings.push(fix(start, endsSentence ? t.end[i]! : t.end[i + 1]!, 'US', 'Write the United States as “US”, without points.'));
      }
    }
    return findings.length ? { findings } : undefined;
  },
};

function formOf(option: unknown, locale: string): 'U.S.' | 'US' {
  if (option === 'US' || option === 'U.S.') return option;
  return locale === 'en-GB' ? 'US' : 'U.S.';
}

function fix(start: number, end: number, text: string, message: string): RawFinding {
  return { start, end, message, fixes: [{ start, end, text, title: `Replace with “${text}”` }] };
}
