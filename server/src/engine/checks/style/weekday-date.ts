import type { Check } from '../../check.js';
import { TokenKind } from '../../document/tokens.js';
import type { RawFinding } from '../../types.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WD = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun\\.|Mon\\.|Tue\\.|Tues\\.|Wed\\.|Thu\\.|Thurs\\.|Fri\\.|Sat\\.)';
const MON = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t?\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const US = new RegExp(`\\b${WD},?\\s+${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const UK = new RegExp(`\\b${WD},?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON}(?:,?\\s+(\\d{4})\\b)?`, 'g');
// A full date with a year anywhere (a dateline, "16 May 2025", "May 16, 2025"): where a year-less date takes its year from.
const YEARED = new RegExp(`(?:${MON}\\s+\\d{1,2},?\\s+(\\d{4}))|(?:\\d{1,2}\\s+${MON}\\s+(\\d{4}))`);

interface DateMention {
  start: number;
  end: number;
  weekday: string;
  month: number;
  day: number;
  year: number | null;
}

interface Summary {
  dates: DateMention[];
  year: number | null;
}

function monthIndex(m: string): number {
  return MONTHS.indexOf(m.slice(0, 3).toLowerCase());
}

/** A weekday that contradicts the date next to it ("Friday, May 17, 2025" was a Saturday). */
export const weekdayDate: Check<Summary> = {
  id: 'style.weekday-date',
  family: 'style',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A weekday that contradicts the date next to it (“Friday, May 17, 2025” was a Saturday); dates without a year take the year of the story.',
  docs: { bad: ['The vote is on Friday, May 17, 2025.', 'They met on Tuesday, 19 May 2025.'], good: ['The vote is on Saturday, May 17, 2025.', 'They met on Monday, 19 May 2025 and Tuesday, 20 May 2025.'] },
  block(block) {
    // Every pattern here needs a figure that follows a space (the day, or the year), and a figure after a
    // space always starts a number token: a block without one has no date to read.
    const t = block.tokens;
    let figures = false;
    for (let i = 0; i < t.count && !figures; i++) figures = t.kind[i] === TokenKind.Number;
    if (!figures) return undefined;
    const dates: DateMention[] = [];
    for (const re of [US, UK]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(block.prose)) !== null) {
        const us = re === US;
        const month = monthIndex(us ? m[2]! : m[3]!);
        const day = Number(us ? m[3] : m[2]);
        const year = m[4] ? Number(m[4]) : null;
        if (month < 0 || day < 1 || day > 31) continue;
        dates.push({ start: m.index, end: m.index + m[1]!.length, weekday: m[1]!, month, day, year });
      }
    }
    const y = YEARED.exec(block.prose);
    return { summary: { dates, year: y ? Number(y[2] ?? y[4]) : null } };
  },
  document(model, summaries, { style }) {
    const configured = style.config.date ? Number(style.config.date.slice(0, 4)) : null;
    const storyYear = configured ?? summaries.find((s) => s?.year)?.year ?? null;
    const findings: RawFinding[] = [];
    summaries.forEach((s, b) => {
      for (const d of s?.dates ?? []) {
        const year = d.year ?? storyYear ?? new Date().getUTCFullYear();
        const date = new Date(Date.UTC(year, d.month, d.day));
        if (date.getUTCMonth() !== d.month) continue; // 31 June: not a date, not our business
        const actual = WEEKDAYS[date.getUTCDay()]!;
        const written = d.weekday.replace(/\.$/, '');
        if (actual.startsWith(written.slice(0, 3)) && (written.length <= 4 || written === actual)) continue;
        const abbreviated = d.weekday.endsWith('.');
        const replacement = abbreviated ? `${actual.slice(0, d.weekday.length - 1)}.` : actual;
        const base = model.blocks[b]!.start;
        const yearNote = d.year ? '' : storyYear ? ` (taking the year ${year} from the story)` : ` (no year in the story; assuming ${year})`;
        findings.push({
          start: base + d.start,
          end: base + d.end,
          message: `${d.weekday} does not match the date: ${d.day} ${new Date(Date.UTC(year, d.month, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${year} is a ${actual}${yearNote}.`,
          fixes: [{ start: base + d.start, end: base + d.end, text: replacement, title: `Replace with “${replacement}”` }],
        });
      }
    });
    return findings;
  },
};
