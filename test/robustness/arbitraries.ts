// Hostile and odd drafts for property-based tests: random Unicode (astral characters, combining marks,
// lone surrogates, NUL, CRLF and lone CR, BOM), news-like fragments with names, quotes and placeholders,
// very long lines, unbalanced quotes and deep Markdown nesting.
import fc from 'fast-check';

const fragments = [
  'Kiev', 'Kyiv', 'Zaporizhzhya', 'Hakan Fiden', 'Hakan Fidan', 'Pistorius', 'Pistorious', 'Zelensky', 'Zelenskiy',
  'said', 'he said.', 'told reporters', '"', '\u201C', '\u201D', "'", '\u2018', '\u2019', 'TK', 'TKTK', 'XX', '[[note]]',
  'per cent', 'Burma', 'the the', 'Defence', 'Defense', 'Friday, May 17, 2025', '16 May 2025', '10', 'five', 'U.S.',
  '.', ',', '!', '?', ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '\uFEFF', '\u0000', '\u0301', '\uD83D\uDCF0',
  '\uD800', '\uDC00', '# ', '> ', '- ', '1. ', '```', '`', '<!-- ', ' -->', '<!-- copydesk-disable-next-line -->',
  '<!-- copydesk-disable names.listed-variant -->', '<!-- copydesk-enable -->', '**', '_', '[', '](http://x.y)', '|', '---',
  'Mr.', 'Dr.', 'Istanbul', 'Türkiye', 'Turkey', 'ceasefire', 'cease-fire', '“We will win,” Zelensky said.', '"Pressure must rise.',
];

export const draftText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...fragments), { maxLength: 120 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...fragments), fc.integer({ min: 200, max: 3000 })).map(([f, n]) => f.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => '> '.repeat(n) + '- '.repeat(n) + 'Kiev and "TK') },
);

export const languageId = fc.constantFrom('plaintext', 'markdown', 'newsdraft');
