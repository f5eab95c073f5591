import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, check } from '../../../server/src/engine/index';

const quotes = (text: string, lang = 'markdown') => check(text, { languageId: lang }).filter((f) => f.rule.startsWith('quotes.')).map((f) => [f.rule, text.slice(f.start, f.end).slice(0, 30)]);

test('every usual shape of attribution credits a quote', () => {
  for (const text of [
    '“We have agreed on an exchange of prisoners,” Medinsky said after the meeting.',
    'Smith said: “We will not accept any deal that ignores the facts.”',
    '“We will not accept any deal that ignores the facts,” said Lena Hartwig, a Greens member.',
    '“We will not accept any deal,” Zelensky said, “that ignores the facts on the ground.”',
    'The mayor wrote on Telegram that service would stop “until we can be sure the lines are safe.”',
    '“A loophole for every fleet is not an agreement,” according to a statement from the coalition.',
    'Kateryna Moroz lives nearby.\n\n“I was in the corridor, that is the only reason I am alive,” she said.',
    '“We respect the court’s decision and are studying the judgment,” Johannesburg Water said in a statement.',
  ]) assert.deepEqual(quotes(text), [], text);
});

test('a standalone quote paragraph after a closed quote is flagged, with a fix naming the last speaker', () => {
  const text = '“We need more sanctions on the energy sector and banks,” Zelensky added.\n\n“Pressure must continue to rise until real progress is made.”\n';
  const r = analyze(text, { languageId: 'markdown' });
  const f = r.findings.find((x) => x.rule === 'quotes.unattributed')!;
  assert.ok(text.slice(f.start, f.end).startsWith('“Pressure'));
  assert.equal(f.fixes[0]!.text, ' ${1:Zelensky} said.');
  assert.equal(f.fixes[0]!.snippet, true);
  assert.equal(f.fixes[0]!.start, f.end, 'the attribution is inserted after the closing mark');
});

test('a paragraph that continues an unclosed quote from the one before is credited by it', () => {
  const text = '“Russia is not preparing for peace,” Zelensky said. “Every delay costs lives.\n\n“We know what is needed. Now we need them to act.”\n';
  assert.deepEqual(quotes(text), []);
});

test('a quote paragraph introduced by a colon in the paragraph before is credited', () => {
  assert.deepEqual(quotes('Clinton wrote on Twitter:\n\n“Enough is enough: it is time to act on gun safety laws.”\n'), []);
});

test('an inline quote with no speaker in its paragraph is flagged; scare quotes and titles are not', () => {
  assert.deepEqual(quotes('The zone is meant to become “a gateway between three continents that the region never used.”'), [['quotes.unattributed', '“a gateway between three conti']]);
  assert.deepEqual(quotes('The number of so-called “tropical nights” has risen.'), []);
  assert.deepEqual(quotes('Banda toured in Athol Fugard’s play “Sizwe Banzi Is Dead” in the 1990s.'), []);
});

test('an opening mark never closed is unbalanced unless the next paragraph continues the quote', () => {
  assert.deepEqual(quotes('Kowalczyk said: “I will be the clerk for everyone in this county.\n\nThe count ended on Friday.\n'), [['quotes.unbalanced', '“']]);
  assert.deepEqual(quotes('He said: “We know what is needed.\n\n“Now we need them to act,” he added.\n'), []);
  assert.deepEqual(quotes('He left.” Then he came back.').map((x) => x[0]), ['quotes.unbalanced']);
});

test('apostrophes and primes are not quotation marks', () => {
  assert.deepEqual(quotes("Russia's envoy, who is 6'2\", said the '90s were different."), []);
});

test('quotes.marks follows the house quote style and fixes the marks', async () => {
  const { loadStyleText } = await import('../../../server/src/engine/index');
  const style = loadStyleText('quotes:\n  style: curly\n').style!;
  const text = '"We will win," she said.';
  const found = check(text, { style }).filter((f) => f.rule === 'quotes.marks');
  assert.deepEqual(found.map((f) => f.fixes[0]!.text), ['\u201C', '\u201D']);
  assert.deepEqual(check(text).filter((f) => f.rule === 'quotes.marks'), [], 'off when the house style says any');
});

test('who is quoted is kept for reports and hovers', () => {
  const r = analyze('“We have agreed on a prisoner exchange,” Medinsky said.\n\n“Our number one priority is a ceasefire,” he said.\n', { languageId: 'markdown' });
  assert.deepEqual(r.facts.quotes.map((q) => q.speaker), ['Medinsky', 'Medinsky']);
});

test('a place after a preposition is not taken for the speaker, and a paraphrase does not make a last speaker', () => {
  const r = analyze('“We agreed to meet again,” Umerov told reporters.\n\nOfficials in Zaporizhzhya said the power was cut.\n\n“Every ship that leaves feeds someone far away.”\n', { languageId: 'markdown' });
  const f = r.findings.find((x) => x.rule === 'quotes.unattributed')!;
  assert.match(f.message, /the last speaker was Umerov/);
  const q = analyze('Officials in Zaporizhzhya said “the power was cut for many hours.”', { languageId: 'markdown' }).facts.quotes;
  assert.equal(q[0]!.speaker, 'Officials in Zaporizhzhya');
});

test('a weaker cue right next to the quote credits it, whoever the subject', () => {
  for (const text of [
    '“If she wants to be the next president, she should come to Louisiana,” the editorial read.',
    '“They know she is the only one strong enough to stop the abuses,” a voice-over in the ad states.',
    'The letter continues: “Please explain your understanding of the legal difference between them.”',
    'PENCE: “Well, the question really should be why the campaign invited him to the debate.”',
    'Proxies are not allowed when voting “to fill a vacancy on the national ticket,” per the party’s bylaws.',
  ]) assert.deepEqual(quotes(text), [], text);
});

test('an inline quote is credited by a person acting in its sentence, not by a name that is only mentioned', () => {
  assert.deepEqual(quotes('In an August speech, Trump attacked “the hateful ideology of radical groups and their allies.”'), []);
  assert.deepEqual(quotes('Though she called the behaviour outrageous, she demanded that pay be “clawed back from the responsible executives.”'), []);
  assert.deepEqual(quotes('Under President Obama, the generals were “reduced to rubble in every single way.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The flurry of tweets about Machado was “unhinged, even for him, and for his aides.”').map((x) => x[0]), ['quotes.unattributed']);
});

test('a cue word used as a noun does not credit the quote', () => {
  assert.deepEqual(quotes('The race tightened.\n\nIn one tweet Friday, “Did Crooked Hillary help her become a citizen so she could use her?”').map((x) => x[0]), ['quotes.unattributed']);
});

test('a capitalised first word or a following clause does not pass for a speaker', () => {
  assert.deepEqual(quotes('Reconstruction has been “slower than anyone feared and far more expensive than planned.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The approach is “a genuinely clever way around the old problem,” and several makers have asked for samples.').map((x) => x[0]), ['quotes.unattributed']);
});

test('a quote that opens its sentence is a direct quote from four words on', () => {
  assert.deepEqual(quotes('The crowd thinned out.\n\n“The vote goes on,” across the whole county.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The crowd thinned out.\n\n“Not tonight,” across the whole county.'), []);
});

test('an inline quote of four words is flagged, one of one to three words never is', () => {
  assert.deepEqual(quotes('The harbour project was “not a good thing” for the town.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The harbour project was “not good” for the town.'), []);
  assert.deepEqual(quotes('The harbour project was “a bad idea” for the town.'), []);
});

test('a capitalised cue word inside a name does not credit a quote', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\n“He is becoming the best recruiter they have,” using another name for the Islamic State group.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('“Not us but we cannot argue with it!” Murphy, head of the fund, Tweeted on Friday.'), []);
});

test('a cue after a possessive or in the passive is a noun or has no speaker', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\nThe mayor’s early-morning tweets about the port are “lies and wild theories about us.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The ferry ran late.\n\nThe builders ran “a massive twelve-year scheme against the town.” Mr. Ortega was accused of fraud.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('He’s claiming that the count is “a big, big problem in this county.”'), []);
  assert.deepEqual(quotes('Another said the ferry would be “back on time by the end of the week.”'), []);
});

test('a plural-looking cue credits a quote only as a verb', () => {
  assert.deepEqual(quotes('A page on the Ortega campaign’s website states that tenants are covered only if the lease is “registered under county law.”'), []);
});

test('a quote introduced by a colon after a person, or followed by a speech tag, is credited', () => {
  for (const text of [
    'Harbour master Lena Ortega, R-Kent, delivered a blunt message to the council: “It is time to stop blaming the weather for every delay.”',
    'She went on: “It is like calling everyone in the phone book except the plumber.”',
    '“Go back to your own paper and leave the harbour alone,” Ortega barked at the reporter.',
    '“They are only here because he is promising free parking,” Bennett shot back with a laugh.',
    '“If they were serious about the port, they would have asked us first,” the councillor fumed on Tuesday.',
  ]) assert.deepEqual(quotes(text), [], text);
  assert.deepEqual(quotes('The ferry ran late.\n\nLast week on the radio: “We have never said the harbour was a mistake.”').map((x) => x[0]), ['quotes.unattributed']);
});

test('a person acting inside a that- or whether-clause does not credit the quote', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\nthat the harbour master Lena Ortega had shown poor judgment in hiring him “as a model of good conduct.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('Ortega anticipated that the hardest part of the job would be “dealing with the mess the last council left.”'), []);
});

test('a form of “be” before an -ing or -ed word makes the person the actor', () => {
  assert.deepEqual(quotes('Ortega is questioning whether the mayor would have come to the ceremony “if it were held in the old harbour.”'), []);
});

test('an abbreviation inside the sentence does not hide the person before a weak cue', () => {
  assert.deepEqual(quotes('House Speaker Lena Ortega, R-Kent., despite admitting that the council had concerns about “lawyers trying to get rich quickly,” went ahead.'), []);
});

test('a state of mind or a modal is not a person acting on the quote', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\nShe expects the council “to keep calling out every delay as we see fit.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The ferry ran late.\n\nHe would “bring a bill next session to fix the rigged harbour fees.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The ferry ran late.\n\nShe hopes to win, but she knows that “the old mayor will always be the king.”').map((x) => x[0]), ['quotes.unattributed']);
});

test('a weak cue in a clause of its own after the quote does not credit it', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\n“I have raised all the money I needed for the race,” cutting off a reporter who asked about it.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('“If she wants the harbour, she should come to the harbour,” the editorial read.'), []);
});

test('the paragraphs that continue an uncredited quote are uncredited too', () => {
  const text = 'The report landed on Friday.\n\n“Nobody in the harbour office had read the contract before signing it.\n\n“We only found out when the bills arrived in March.”\n';
  assert.deepEqual(quotes(text).map((x) => x[1]!.slice(0, 10)), ['“Nobody in', '“We only f']);
});

test('adverbs between “is” and the verb, and a past-tense cue after a common-noun subject, still credit', () => {
  assert.deepEqual(quotes('Ortega is once again questioning the harbour vote, urging his backers to make sure it is “on the up and up.”'), []);
  assert.deepEqual(quotes('At the forum, one questioner claimed that “the forces of the old council” were still at work.'), []);
});

test('“when asked” is a reduced passive: the asked one is not the speaker', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\n“It was very nice indeed,” in the harbour when asked if he had met the mayor.').map((x) => x[0]), ['quotes.unattributed']);
});

test('“state” as a noun and cue words in a capitalised headline do not credit a quote', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\nBiden has “a lot of really good roles to play,” and his home state of Kent is a target.').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('The ferry ran late.\n\nRED COUNTIES OUTNUMBER BLUE STATES “The analysis of party affiliation finds that most counties lean one way.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('Ortega and Hale state that tenants are covered only if the lease is “registered under county law.”'), []);
});

test('a source in brackets after an excerpt credits it', () => {
  assert.deepEqual(quotes('FERRIES IN TROUBLE “The harbour has lost three ferries in a year and nobody can say why.” [Kent Post.]'), []);
});

test('a person in an opening subordinate clause sets the scene and does not say the quote', () => {
  assert.deepEqual(quotes('The ferry ran late.\n\nWhile he was speaking with the press in Dover, “It has been many days since the council held a press conference.”').map((x) => x[0]), ['quotes.unattributed']);
  assert.deepEqual(quotes('When Ortega took the stage, she attacked “the hateful ideology of the old harbour board.”'), []);
});

test('“as X put it” credits the quote', () => {
  assert.deepEqual(quotes('As the Kent Post’s Lena Ortega puts it, “Harbour officials are unmoved, and ferry users are uninspired.”'), []);
});

test('a cue followed at once by the quote credits it, and so does “a message that said”', () => {
  assert.deepEqual(quotes('At the bottom it reads, “P.S. You can support the harbour by chipping in after you enter.”'), []);
  assert.deepEqual(quotes('The ad claims “the mayor is the harbour master you can trust.”'), []);
  assert.deepEqual(quotes('The page was replaced by a message that said, “Sorry, the ferry you asked for is gone.”'), []);
});

test('a person acts through an appositive: “Ortega, head of the board, mocked …”', () => {
  assert.deepEqual(quotes('Lena Ortega, co-founder of the Harbour Institute, welcomed “the recognition that we do not have every tool we need.”'), []);
  assert.deepEqual(quotes('Hale, R-Kent., mocked the board for “having a really tough night.”'), []);
});

test('a number with a thousands separator is one word, so three quoted words stay a scare quote', () => {
  assert.deepEqual(quotes('They turned to the county police “2,521 shooting incidents” in the city.'), []);
  assert.deepEqual(quotes('The ferry ran late.\n\nThe port logged “2,521 incidents in one year” in the city.').map((x) => x[0]), ['quotes.unattributed']);
});
