import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typedInOneSession } from '../style/sessions';

const lead = 'Zelensky spoke in Kyiv on Monday.';
const opens = '“Russia is not preparing for peace,” Zelensky said. “Every delay costs lives.';
const continues = '“We know what is needed. Now we need them to act.”';
const between = 'The talks resumed on Tuesday.';
const standalone = '“Pressure must continue to rise until real progress is made.”';

test('quotes in a session: edits that open and close a quote across paragraphs re-credit the paragraphs after them', () => {
  const drafts = [
    [lead, opens, continues, between, standalone].join('\n\n'),
    [lead, opens + '”', continues, between, standalone].join('\n\n'),
    ['A new lead moves every paragraph.', lead, opens, continues, between, standalone].join('\n\n'),
    ['A new lead moves every paragraph.', lead, opens.replace(' Zelensky said.', ''), continues, between, standalone].join('\n\n'),
    ['A new lead moves every paragraph.', lead, opens.replace(' Zelensky said.', ''), continues, 'Clinton wrote:', standalone].join('\n\n'),
    ['A new lead moves every paragraph.', lead, '', '', opens.replace(' Zelensky said.', ''), continues, 'Clinton wrote:', standalone].join('\n\n'),
  ];
  const runs = typedInOneSession(drafts);
  const unattributed = runs.map((r, i) => r.findings.filter((f) => f.rule.startsWith('quotes.')).map((f) => [f.rule, drafts[i]!.slice(f.start, f.start + 12), f.fixes[0]?.text]));
  const needs = (who: string) => ` \${1:${who}} said.`;
  assert.deepEqual(unattributed, [
    [['quotes.unattributed', '“Pressure mu', needs('Zelensky')]],
    [['quotes.unattributed', '“We know wha', needs('Zelensky')], ['quotes.unattributed', '“Pressure mu', needs('Zelensky')]],
    [['quotes.unattributed', '“Pressure mu', needs('Zelensky')]],
    [['quotes.unattributed', '“Russia is n', undefined], ['quotes.unattributed', '“Every delay', undefined], ['quotes.unattributed', '“We know wha', undefined], ['quotes.unattributed', '“Pressure mu', undefined]],
    [['quotes.unattributed', '“Russia is n', undefined], ['quotes.unattributed', '“Every delay', undefined], ['quotes.unattributed', '“We know wha', undefined]],
    [['quotes.unattributed', '“Russia is n', undefined], ['quotes.unattributed', '“Every delay', undefined], ['quotes.unattributed', '“We know wha', undefined]],
  ]);
  const speakers = runs.map((r) => r.facts.quotes.map((q) => q.speaker));
  assert.deepEqual(speakers[0], ['Zelensky', 'Zelensky', 'Zelensky', null]);
  assert.deepEqual(speakers[4], [null, null, null, 'Clinton']);
  const last = runs[5]!.facts.quotes.at(-1)!;
  assert.equal(drafts[5]!.slice(last.start, last.end), standalone, 'a quote after blank lines were added is placed at its new start');
});

test('quotes.unbalanced in a session: a quote left open is forgiven while the next paragraph continues it', () => {
  const drafts = [
    ['Kowalczyk said: “I will be the clerk for everyone in this county.', '“Every vote will count.”', 'The count ended on Friday.'].join('\n\n'),
    ['Kowalczyk said: “I will be the clerk for everyone in this county.', 'Every vote will count.', 'The count ended on Friday.'].join('\n\n'),
    ['A new lead moves every paragraph.', 'Kowalczyk said: “I will be the clerk for everyone in this county.', 'Every vote will count.”', 'The count ended on Friday.'].join('\n\n'),
    ['A new lead moves every paragraph.', 'Kowalczyk said: “I will be the clerk for everyone in this county.”', 'Every vote will count.', 'The count ended on Friday.'].join('\n\n'),
  ];
  const runs = typedInOneSession(drafts);
  const unbalanced = runs.map((r, i) => r.findings.filter((f) => f.rule === 'quotes.unbalanced').map((f) => drafts[i]!.slice(f.start - 5, f.end)));
  assert.deepEqual(unbalanced, [[], ['aid: “'], ['aid: “', 'ount.”'], []]);
});

test('quotes in a session: one change that moves the paragraphs before an edited one and deletes others', () => {
  const drafts = [
    [lead, opens, continues, between, standalone, between, standalone].join('\n\n'),
    [lead, '', opens, continues, 'Clinton wrote:', standalone, between, standalone].join('\n\n'),
    [lead, opens, continues, standalone, between, standalone].join('\n\n'),
    [lead, '', opens, standalone, between, standalone].join('\n\n'),
    [lead, opens.replace(' Zelensky said.', ''), standalone].join('\n\n'),
  ];
  const runs = typedInOneSession(drafts);
  const flaggedQuotes = runs.map((r, i) => r.findings.filter((f) => f.rule === 'quotes.unattributed').map((f) => drafts[i]!.slice(f.start, f.start + 12)));
  assert.deepEqual(flaggedQuotes, [
    ['“Pressure mu', '“Pressure mu'],
    ['“Pressure mu'],
    ['“Pressure mu', '“Pressure mu'],
    ['“Pressure mu'],
    ['“Russia is n', '“Every delay', '“Pressure mu'],
  ]);
});
