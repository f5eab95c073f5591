import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import { capitalize, TokenView } from '../../style/numbers.js';
import { WordShapes } from '../../style/wordfilter.js';
import type { RawFinding } from '../../types.js';

// Formal titles of office that AP capitalises directly before a name (President Joe Biden, Gov. Gavin Newsom).
const FORMAL = new Set(['president', 'vice', 'senator', 'governor', 'mayor', 'pope', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'secretary-general', 'speaker', 'ambassador', 'rep', 'sen', 'gov', 'lt']);
const TWO_WORD: Record<string, string> = { prime: 'minister', vice: 'president', attorney: 'general', chief: 'justice' };
// Words before the title that make it a description rather than a title ("company president", "the party's").
// Lengths and first letters of the titles, so most words are passed over without slicing them.
const SHAPES = new WordShapes([...FORMAL, ...Object.keys(TWO_WORD)], false);
const OPEN_BEFORE = new Set(['former', 'then', 'late', 'and', 'with', 'by', 'to', 'for', 'as', 'of', 'from', 'said', 'told', 'that', 'when', 'after', 'before', 'under', 'against']);

/** A formal title written in lower case directly before a full name ("president Joe Biden" → "President Joe Biden"). */
export const titleBeforeName: Check = {
  id: 'style.title-before-name',
  family: 'style',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A formal title directly before a full name is capitalised (“former President Barack Obama”, “Gov. Gavin Newsom”); lower case alone or after the name.',
  docs: {
    bad: ['The bill was signed by president Joe Biden.', 'It was former prime minister Tony Blair who spoke.'],
    good: ['The bill was signed by President Joe Biden.', 'The president said no.', 'Joe Biden, the president, said no.', 'Company president Jane Doe spoke.', '“Thank you, president Joe Biden,” he said.'],
    details: 'Only clear cases: a lower-case title after a word such as by, with, former or said, followed by a capitalised first name and surname. Quotes are left alone.',
  },
  block(block) {
    if (block.kind === 'heading' || block.kind === 'table') return undefined;
    const v = new TokenView(block);
    const t = block.tokens;
    const findings: RawFinding[] = [];
    for (let i = 1; i < t.count; i++) {
      if (!v.isWord(i) || t.flags[i]! & (TokenFlag.Cap | TokenFlag.InQuote) || !SHAPES.mayBe(block.prose, t.start[i]!, t.end[i]!)) continue;
      const w = v.text(i);
      if (!FORMAL.has(w) && !Object.hasOwn(TWO_WORD, w)) continue;
      // The whole title: one word, or two (prime minister, vice president, attorney general).
      let last = i;
      if (TWO_WORD[w] && v.lower(i + 1) === TWO_WORD[w] && !(t.flags[i + 1]! & TokenFlag.Cap)) last = i + 1;
      else if (!FORMAL.has(w) || w === 'vice') continue;
      // Abbreviated titles keep their period: "gov. Gavin Newsom".
      let nameAt = last + 1;
      if (v.isPunct(nameAt, '.') && v.touchesNext(last)) nameAt++;
      const isName = (k: number) => v.isWord(k) && (t.flags[k]! & TokenFlag.Cap) !== 0 && !(t.flags[k]! & TokenFlag.Upper) && !(t.flags[k]! & TokenFlag.SentenceStart);
      if (!isName(nameAt) || !isName(nameAt + 1)) continue;
      if (!/^ $/.test(block.prose.slice(t.end[i - 1], t.start[i]))) continue;
      const before = v.lower(i - 1);
      if (!OPEN_BEFORE.has(before) && !v.isPunct(i - 1, ',')) continue;
      const start = t.start[i]!;
      const end = t.end[last]!;
      const title = block.prose.slice(start, end).split(' ').map(capitalize).join(' ');
      findings.push({ start, end, message: `Capitalise a formal title directly before a name: “${title}”.`, fixes: [{ start, end, text: title, title: `Replace with “${title}”` }] });
    }
    return findings.length ? { findings } : undefined;
  },
};
