import type { Check } from '../../check.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { proseView } from '../../style/numbers.js';
import type { RawFinding } from '../../types.js';

interface Use {
  /** Where the figure starts (the finding covers figure and form; the fix only the form). */
  from: number;
  /** Block-relative range of what follows the figure: "%" or " percent". */
  start: number;
  end: number;
  form: 'sign' | 'word';
  /** The word as written ("percent", "per cent"). */
  text: string;
}

interface Summary {
  uses: Use[];
}

/**
 * Percentages: always figures ("5 percent", not "five percent"; a sentence may start "Five percent"),
 * the sign without a space ("5%"), and one form per story: a story that mixes "5%" and "6 percent" gets
 * the form it uses most (on a tie the preset's: % for ap, as AP has preferred since 2019; per cent for british).
 * "per cent" against "percent" is the substitution rule's business.
 */
export const percent: Check<Summary> = {
  id: 'style.percent',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Percentages in figures (“5 percent”, not “five percent”), the sign without a space (“5%”), and one form per story (not “5%” and “6 percent” together).',
  docs: {
    bad: ['Turnout rose five percent.', 'Turnout rose 5 % this year.', 'Turnout rose 5% in May and 6 percent in June, and 7 percent in July.'],
    good: ['Turnout rose 5 percent.', 'Five percent of voters stayed home.', 'Turnout rose 5% in May and 6% in June.', '“Turnout rose five percent,” she said.'],
    details: 'Direct quotes are left alone. Headlines may use the sign whatever the story uses.',
  },
  block(block) {
    const v = proseView(block);
    if (!v) return undefined;
    const uses: Use[] = [];
    const findings: RawFinding[] = [];
    const { t, block: { prose } } = v;
    for (let i = 0; i < t.count - 1; i++) {
      // What follows decides first (a figure or number word is only of interest before "%", " percent" or
      // " per cent"), so most tokens are passed over without reading their text.
      const kind = t.kind[i]!;
      if (kind === TokenKind.Punct) continue;
      let form: Use['form'] | null = null;
      let end = -1;
      if (v.isPunct(i + 1, '%')) {
        form = 'sign';
        end = t.end[i + 1]!;
      } else if (v.isWord(i + 1) && v.lowerIs(i + 1, 'percent')) {
        form = 'word';
        end = t.end[i + 1]!;
      } else if (v.isWord(i + 1) && v.lowerIs(i + 1, 'per') && v.isWord(i + 2) && v.lowerIs(i + 2, 'cent')) {
        form = 'word';
        end = t.end[i + 2]!;
      }
      if (!form) continue;
      const quoted = (t.flags[i]! & TokenFlag.InQuote) !== 0;
      const figure = kind === TokenKind.Number && /^\d+(?:\.\d+)?$/.test(v.text(i)) && !/[,.]\d/.test(prose.slice(t.end[i]!, t.end[i]! + 2));
      const spelled = !figure && kind === TokenKind.Word && v.wordValue(i) !== undefined && !(t.flags[i]! & TokenFlag.Cap);
      if (!figure && !spelled) continue;
      const word = form === 'sign' ? '' : prose.slice(t.start[i + 1], end);
      if (form === 'sign' && !v.touchesNext(i) && figure && !quoted) {
        const at = t.end[i]!;
        findings.push({ start: at, end, message: 'Write the percent sign next to the figure: “%”, no space.', fixes: [{ start: at, end, text: '%', title: 'Remove the space' }] });
      }
      if (spelled) {
        // "five percent" → "5 percent"; not in quotes, and not "one" in "one percent of one percent" style idioms after "the".
        if (quoted || v.text(i) !== v.lower(i)) continue;
        // "Forty six percent": part of a larger number written in words.
        if (i > 0 && v.isWord(i - 1) && v.wordValue(i - 1) !== undefined) continue;
        const n = v.wordValue(i)!;
        const start = t.start[i]!;
        findings.push({ start, end: t.end[i]!, message: `Use figures with percentages: “${n}”.`, fixes: [{ start, end: t.end[i]!, text: String(n), title: `Replace with “${n}”` }] });
        continue;
      }
      if (!quoted && block.kind !== 'heading') uses.push({ from: t.start[i]!, start: t.end[i]!, end, form, text: word });
    }
    if (findings.length === 0 && uses.length === 0) return undefined;
    return { findings, summary: { uses } };
  },
  document(model, summaries, { style }) {
    let sign = 0;
    const words = new Map<string, number>();
    for (const s of summaries) {
      for (const u of s?.uses ?? []) {
        if (u.form === 'sign') sign++;
        else words.set(u.text.toLowerCase(), (words.get(u.text.toLowerCase()) ?? 0) + 1);
      }
    }
    const wordCount = [...words.values()].reduce((a, b) => a + b, 0);
    if (sign === 0 || wordCount === 0) return [];
    const british = style.config.locale === 'en-GB';
    const wordForm = [...words].sort((a, b) => b[1] - a[1])[0]![0];
    const preferSign = sign > wordCount || (sign === wordCount && !british);
    const findings: RawFinding[] = [];
    summaries.forEach((s, b) => {
      const base = model.blocks[b]!.start;
      for (const u of s?.uses ?? []) {
        if ((u.form === 'sign') === preferSign) continue;
        const text = preferSign ? '%' : ` ${wordForm}`;
        const why = sign === wordCount ? (preferSign ? 'the sign, as the preset prefers on a tie' : `“${wordForm}”, as the preset prefers on a tie`) : preferSign ? `the sign, as the story mostly does (${sign} to ${wordCount})` : `“${wordForm}”, as the story mostly does (${wordCount} to ${sign})`;
        findings.push({
          start: base + u.from,
          end: base + u.end,
          message: `This story writes percentages two ways; use ${why}.`,
          fixes: [{ start: base + u.start, end: base + u.end, text, title: `Replace with “${text.trim()}”` }],
        });
      }
    });
    return findings;
  },
};
