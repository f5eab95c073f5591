import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { proseView, type TokenView } from '../../style/numbers.js';
import { WordShapes } from '../../style/wordfilter.js';
import type { RawFinding } from '../../types.js';

const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// AP abbreviates these six (and Sept.) only with a specific date; March to July are never abbreviated.
const AP_ABBR: Record<string, string> = { January: 'Jan.', February: 'Feb.', August: 'Aug.', September: 'Sept.', October: 'Oct.', November: 'Nov.', December: 'Dec.' };
// Abbreviations as written (without the period), to the month's index.
const ABBR = new Map<string, number>([
  ['Jan', 0], ['Feb', 1], ['Mar', 2], ['Apr', 3], ['Jun', 5], ['Jul', 6], ['Aug', 7], ['Sep', 8], ['Sept', 8], ['Oct', 9], ['Nov', 10], ['Dec', 11],
]);
// Words before a month that show it stands alone ("in Jan.", "since Dec.", "last Sept.").
// Lengths and first letters of the months as written, so most capitalised words are passed over unsliced.
const SHAPES = new WordShapes([...Object.keys(AP_ABBR), ...ABBR.keys()], false);
const ALONE_BEFORE = new Set(['in', 'since', 'by', 'until', 'till', 'last', 'next', 'early', 'late', 'mid', 'through', 'before', 'after', 'from', 'during', 'of', 'this']);

/** AP months: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a full date; spelled out alone or with a year. */
export const monthAbbreviation: Check = {
  id: 'style.month-abbreviation',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Months per AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a specific date (“Jan. 5, 2025”), spelled out alone or with only a year (“January 2025”); March to July never abbreviated.',
  docs: {
    bad: ['The law takes effect January 5, 2025.', 'Sales fell in Jan. 2024.', 'The vote is on Sep. 9.', 'The fair opens Mar. 3.'],
    good: ['The law takes effect Jan. 5, 2025.', 'Sales fell in January 2024.', 'The vote is on Sept. 9.', 'The fair opens March 3 and closes in August.', '“It was January 5, 2025,” he said.'],
    details: 'Off in the british preset (16 May 2025, months never abbreviated). Dates in direct quotes are left alone.',
  },
  block(block) {
    const v = proseView(block);
    if (!v) return undefined;
    const { t } = v;
    const findings: RawFinding[] = [];
    for (let i = 0; i < t.count; i++) {
      if (!v.isWord(i) || !(t.flags[i]! & TokenFlag.Cap) || t.flags[i]! & TokenFlag.InQuote) continue;
      const start = t.start[i]!;
      if (!SHAPES.mayBe(v.block.prose, start, t.end[i]!)) continue;
      const w = v.text(i);
      const day = isDay(v, i + 1);
      const abbr = AP_ABBR[w];
      if (abbr && day) {
        findings.push(fix(start, t.end[i]!, abbr, `Abbreviate the month with a specific date: “${abbr}”.`));
        continue;
      }
      const m = ABBR.get(w);
      if (m === undefined) continue;
      const dotted = v.isPunct(i + 1, '.') && v.touchesNext(i);
      const end = dotted ? t.end[i + 1]! : t.end[i]!;
      const after = dotted ? i + 2 : i + 1;
      const full = FULL[m]!;
      const ap = AP_ABBR[full];
      if (isDay(v, after)) {
        // "Mar. 3" → "March 3"; "Sep. 9" or "Jan 5" → "Sept. 9", "Jan. 5".
        const want = ap ?? full;
        if (v.block.prose.slice(start, end) !== want && (dotted || ap)) findings.push(fix(start, end, want, ap ? `Write the month as “${ap}” with a date.` : `${full} is not abbreviated.`));
        continue;
      }
      if (!dotted) continue; // "Jan" without a period and without a date is a name
      const year = v.isNumber(after) && /^\d{4}$/.test(v.text(after));
      const prev = v.prevWord(i);
      if (year || (prev >= 0 && ALONE_BEFORE.has(v.lower(prev)) && !v.isNumber(after))) {
        // The period stays when it also ends the sentence ("… in Sept." → "… in September.").
        const endsSentence = !year && (after >= t.count || (v.isWord(after) && (t.flags[after]! & TokenFlag.Cap) !== 0));
        findings.push(fix(start, endsSentence ? t.end[i]! : end, full, `Spell out the month without a specific date: “${full}”.`));
      }
    }
    return findings.length ? { findings } : undefined;
  },
};

function isDay(v: TokenView, i: number): boolean {
  if (!v.isNumber(i)) return false;
  const s = v.text(i);
  if (!/^\d{1,2}(?:st|nd|rd|th)?$/.test(s)) return false;
  const n = parseInt(s, 10);
  return n >= 1 && n <= 31 && !(v.isPunct(i + 1, ':') && v.touchesNext(i));
}

function fix(start: number, end: number, text: string, message: string): RawFinding {
  return { start, end, message, fixes: [{ start, end, text, title: `Replace with “${text}”` }] };
}
