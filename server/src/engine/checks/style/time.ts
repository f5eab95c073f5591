import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { proseView, type TokenView } from '../../style/numbers.js';
import type { RawFinding } from '../../types.js';

// What a time of day may be written with: am, AM, a.m, A.M (the final period is a separate token).
const MERIDIEM = /^([ap])\.?m$/i;
// Phrases after "a.m."/"p.m." that repeat it ("10 a.m. in the morning").
const REDUNDANT: Record<'a' | 'p', string[][]> = {
  a: [['in', 'the', 'morning'], ['this', 'morning'], ['tomorrow', 'morning']],
  p: [['in', 'the', 'afternoon'], ['in', 'the', 'evening'], ['this', 'afternoon'], ['this', 'evening'], ['tonight'], ['at', 'night'], ['tomorrow', 'night']],
};

/** AP times of day: "10 a.m.", "10:30 p.m."; not 10am, 10 AM, 10:00 a.m., "12 noon" or "10 a.m. in the morning". */
export const time: Check = {
  id: 'style.time',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Times of day per AP: “10 a.m.”, “10:30 p.m.” (not 10am, 10 AM, 10:00 a.m. or “10 a.m. in the morning”; noon and midnight, not 12 noon).',
  docs: {
    bad: ['The polls close at 8pm.', 'The meeting starts at 10 AM.', 'Doors open at 9:00 a.m.', 'The bus left at 6 a.m. in the morning.', 'The vote is at 12 noon.'],
    good: ['The polls close at 8 p.m.', 'The meeting starts at 10:30 a.m.', 'The vote is at noon.', 'I am here and we are ready.', '“Meet me at 8pm,” she said.'],
    details: 'Off in the british preset (10am, 10.30pm). Times in direct quotes are left alone.',
  },
  block(block) {
    const v = proseView(block);
    if (!v) return undefined;
    const { t } = v;
    const prose = block.prose;
    const findings: RawFinding[] = [];
    for (let i = 0; i < t.count; i++) {
      if (!v.isNumber(i) || t.flags[i]! & TokenFlag.InQuote) continue;
      // The hour, with minutes when written 10:30 (tokens 10 : 30).
      const hourStart = t.start[i]!;
      let last = i;
      let minutes: string | null = null;
      const glued = /^(\d{1,2})(?:[.:](\d{2}))?([ap]\.?m)?$/i.exec(v.text(i));
      if (!glued) continue;
      if (v.isPunct(i + 1, ':') && v.touchesNext(i) && v.isNumber(i + 2) && v.touchesNext(i + 1)) {
        const m = /^(\d{2})([ap]\.?m)?$/i.exec(v.text(i + 2));
        if (!m) continue;
        minutes = m[1]!;
        last = i + 2;
      } else if (glued[2]) {
        // "10.30pm" (British) only counts with a meridiem glued on; "3.5" is a number.
        if (!glued[3]) continue;
        minutes = glued[2];
      }
      if (i > 0 && (/[.:\d]/.test(prose[hourStart - 1] ?? '') || v.isPunct(i - 1, ':'))) continue;
      const hour = Number(glued[1]);
      if (hour < 1 || hour > 12) continue;
      // The meridiem: glued on ("10am", "10:30pm") or the next word ("10 AM", "10 am", "10 a.m").
      let mer: 'a' | 'p';
      let end: number;
      let written: string;
      const tail = /([ap]\.?m)$/i.exec(v.text(last));
      if (tail && (last !== i || glued[3])) {
        mer = tail[1]![0]!.toLowerCase() as 'a' | 'p';
        written = tail[1]!;
        end = t.end[last]!;
        if (v.isPunct(last + 1, '.') && v.touchesNext(last) && /\./.test(written)) end = t.end[last + 1]!;
      } else {
        const w = last + 1;
        if (!v.isWord(w) || !MERIDIEM.test(v.text(w)) || !/^ $/.test(prose.slice(t.end[last], t.start[w]))) {
          if (hour === 12 && v.isWord(last + 1) && /^(noon|midnight)$/i.test(v.text(last + 1)) && !minutes) {
            const word = v.lower(last + 1);
            findings.push(fixOf(hourStart, t.end[last + 1]!, word, `Write “${word}”, not “12 ${word}”.`));
          }
          continue;
        }
        written = v.text(w);
        mer = written[0]!.toLowerCase() as 'a' | 'p';
        end = t.end[w]!;
        if (v.isPunct(w + 1, '.') && v.touchesNext(w) && written.includes('.')) end = t.end[w + 1]!;
        // "am" after a figure is a time only where it is lower case and not the verb ("10 am I"): require the end of the phrase.
        if (!written.includes('.') && written === written.toLowerCase() && v.isWord(w + 1) && v.lower(w + 1) === 'i') continue;
        last = w;
      }
      const ap = `${mer}.m.`;
      const zero = minutes === '00';
      // AP: noon and midnight, not 12 p.m. and 12 a.m.
      const want = hour === 12 && (!minutes || zero) ? (mer === 'p' ? 'noon' : 'midnight') : `${hour}${minutes && !zero ? `:${minutes}` : ''} ${ap}`;
      // A sentence-final "a.m." keeps its period as the sentence's: "at 8pm." → "at 8 p.m."
      let stop = end;
      const current = prose.slice(hourStart, stop);
      let redundant: number | null = null;
      const j = nextToken(v, prose, last, end);
      for (const phrase of REDUNDANT[mer]) {
        let k = j;
        let ok = k >= 0;
        for (const word of phrase) {
          if (!ok || !v.isWord(k) || v.lower(k) !== word) {
            ok = false;
            break;
          }
          k++;
        }
        if (ok) {
          redundant = t.end[k - 1]!;
          break;
        }
      }
      if (redundant !== null) {
        findings.push(fixOf(hourStart, redundant, want, `“${ap}” already says ${mer === 'a' ? 'morning' : 'afternoon or evening'}: write “${want}”.`));
        continue;
      }
      if (current === want) continue;
      // "at 12 p.m. The" → "at noon. The": the period that ended the sentence stays.
      if (!want.endsWith('.') && current.endsWith('.') && /^(\s+\p{Lu}|\s*$)/u.test(prose.slice(stop, stop + 3))) {
        findings.push(fixOf(hourStart, stop, `${want}.`, `Write “${want}”.`));
        continue;
      }
      // Keep a sentence-ending period single: "at 8pm." → "at 8 p.m."
      if (prose[stop] === '.' && !current.endsWith('.')) stop++;
      if (prose.slice(hourStart, stop) === want) continue;
      findings.push(fixOf(hourStart, stop, want, zero ? `AP drops “:00”: “${want}”.` : `Write times as “${want}”.`));
    }
    return findings.length ? { findings } : undefined;
  },
};

/** The token right after offset `end` (searched from token `from`), or -1 when punctuation or nothing intervenes. */
function nextToken(v: TokenView, prose: string, from: number, end: number): number {
  const t = v.t;
  for (let k = from; k < t.count; k++) if (t.start[k]! >= end) return /^\s*$/.test(prose.slice(end, t.start[k])) ? k : -1;
  return -1;
}

function fixOf(start: number, end: number, text: string, message: string): RawFinding {
  return { start, end, message, fixes: [{ start, end, text, title: `Replace with “${text}”` }] };
}
