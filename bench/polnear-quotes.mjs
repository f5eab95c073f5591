// Measures quotes.unattributed on PolNeAR (LREC 2018) attribution annotations (research data: read here,
// never copied into the project). Needs ../shared/corpus/polnear and a built dist/.
//   node bench/polnear-quotes.mjs [dev|train]
// 1. False alarms: of the direct quotes (4+ words in quotation marks) that overlap an annotated Content
//    with a Source, how many does Copydesk flag as unattributed?
// 2. Recall: cut each such quote's Source and Cue out of the text, one quote at a time; is it flagged now?
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const engine = require(path.join(here, '..', 'dist', 'engine.js'));
const split = process.argv[2] ?? 'dev';
const root = path.join(here, '..', '..', 'shared', 'corpus', 'polnear', split);
if (!fs.existsSync(root)) {
  console.log(`PolNeAR ${split} not found at ${root}; skipped`);
  process.exit(0);
}
const style = engine.defaultStyle();

function annotations(file) {
  const spans = new Map();
  const events = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [type, ...rest] = body.split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number));
      spans.set(id, { type, start: ranges[0][0], end: ranges[ranges.length - 1][1], ranges, text });
    } else if (id.startsWith('E')) {
      const roles = Object.fromEntries(body.split(' ').map((kv) => kv.split(':')).map(([k, v]) => [k.replace(/\d+$/, ''), spans.get(v)]));
      events.push(roles);
    }
  }
  return events;
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
let attributed = 0;
let flagged = 0;
let standalone = 0;
let cut = 0;
let cutFlagged = 0;
let cutAlone = 0;
let cutAloneFlagged = 0;
const falseAlarms = [];
const misses = [];
const annFiles = fs.readdirSync(path.join(root, 'attributions'));
for (const name of fs.readdirSync(path.join(root, 'text')).sort()) {
  const text = fs.readFileSync(path.join(root, 'text', name), 'utf8');
  const base = name.replace(/\.txt$/, '');
  const annName = annFiles.find((a) => a === `${base}.ann` || a.startsWith(`${base}_`));
  if (!annName) continue;
  const ann = path.join(root, 'attributions', annName);
  const events = annotations(ann).filter((e) => e.Content && e.Source);
  const result = engine.analyze(text, { languageId: 'plaintext', style });
  const unattributed = result.findings.filter((f) => f.rule === 'quotes.unattributed');
  for (const q of result.facts.quotes) {
    const ev = events.find((e) => overlaps(e.Content, q));
    if (!ev) continue;
    attributed++;
    const flag = unattributed.find((f) => overlaps(f, q));
    if (flag) {
      flagged++;
      // The issue asks for these: a quote paragraph standing alone after a closed quote has no attribution
      // of its own, although PolNeAR's annotators credit it to the previous paragraph's speaker.
      if (flag.data?.lastSpeaker) standalone++;
      falseAlarms.push(`${name.slice(0, 40)}: ${q.text.slice(0, 70)}`);
    }
    // Cut the Source and the Cue out (each of their ranges) and check again.
    const cuts = [ev.Source, ev.Cue].filter(Boolean).flatMap((s) => s.ranges.map(([a, b]) => ({ start: a, end: b }))).sort((x, y) => y.start - x.start);
    if (cuts.some((c) => overlaps(c, q))) continue;
    let edited = text;
    let shift = 0;
    for (const c of cuts) edited = edited.slice(0, c.start) + edited.slice(c.end);
    for (const c of cuts) if (c.end <= q.start) shift += c.end - c.start;
    const moved = { start: q.start - shift, end: q.end - shift };
    const again = engine.analyze(edited, { languageId: 'plaintext', style });
    const hit = again.findings.some((f) => f.rule === 'quotes.unattributed' && overlaps(f, moved));
    cut++;
    if (hit) cutFlagged++;
    // Was this the paragraph's only attribution? (Another "said" left in the paragraph still credits it.)
    const paraStart = edited.lastIndexOf('\n\n', moved.start) + 1;
    const paraEndAt = edited.indexOf('\n\n', moved.end);
    const para = edited.slice(paraStart, paraEndAt < 0 ? edited.length : paraEndAt);
    const others = events.filter((e) => e !== ev && e.Cue && e.Cue.start >= paraStart + shift && e.Cue.end <= (paraEndAt < 0 ? text.length : paraEndAt + shift));
    if (others.length === 0) {
      cutAlone++;
      if (hit) cutAloneFlagged++;
      else misses.push(`${name.slice(0, 40)}: ${process.env.VERBOSE === '2' ? `[prev: ${edited.slice(edited.lastIndexOf('\n\n', paraStart - 3) + 1, paraStart).slice(-200).replace(/\s+/g, ' ')}] ` : ''}${para.slice(0, process.env.VERBOSE === '2' ? 400 : 110).replace(/\s+/g, ' ')}`);
    }
  }
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`PolNeAR ${split}: ${attributed} attributed direct quotes; ${flagged} flagged as unattributed (${pct(flagged, attributed)}), of which ${standalone} are standalone quote paragraphs after a closed quote (flagged by design); others ${pct(flagged - standalone, attributed)}`);
console.log(`cut-out: ${cutFlagged}/${cut} flagged once Source and Cue are removed (${pct(cutFlagged, cut)}); where that was the paragraph's only attribution: ${cutAloneFlagged}/${cutAlone} (${pct(cutAloneFlagged, cutAlone)})`);
if (process.env.VERBOSE) {
  for (const f of falseAlarms) console.log(`  false alarm: ${f}`);
  for (const m of misses.slice(0, process.env.VERBOSE === "2" ? Infinity : 30)) console.log(`  miss: ${m}`);
}
