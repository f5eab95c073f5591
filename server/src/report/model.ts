// The style report as data: what a chief copy editor wants to see about a story, or a desk of stories.
// Shared by the VS Code webview, `copydesk report` and the exports (HTML, Markdown, JSON).
import { LineIndex } from '../cli/lines.js';
import type { CheckResult, Family, Severity } from '../engine/types.js';
import { nameMentions, sourceNames } from './names.js';
import { fleschKincaidGrade, syllablesPerWord } from './readability.js';

export interface Place {
  file: number;
  start: number;
  end: number;
  line: number;
}

export interface ReportFinding extends Place {
  rule: string;
  severity: Severity;
  message: string;
  text: string;
}

export interface ReportName {
  canonical: string;
  count: number;
  /** Forms as written; `wrong` when a check said to change it (a surname alone is not wrong). */
  variants: { text: string; count: number; wrong: boolean; places: Place[] }[];
  first: Place;
}

export interface ReportQuote extends Place {
  text: string;
  speaker: string | null;
  /** The person behind the speaker as credited, without title: one per distinct source. */
  source: string | null;
}

export interface ReportFile {
  path: string;
  words: number;
  sentences: number;
  paragraphs: number;
  meanSentence: number;
  longestSentence: number;
  grade: number;
  findings: ReportFinding[];
  byFamily: Record<string, number>;
  byRule: Record<string, number>;
  names: ReportName[];
  quotes: ReportQuote[];
  sources: string[];
  placeholders: (Place & { text: string })[];
}

export interface ReportModel {
  generated: string;
  files: ReportFile[];
  totals: { files: number; words: number; findings: number; byFamily: Record<string, number>; byRule: Record<string, number> };
  /** Names most often written in a wrong form across all files. */
  misspelledNames: { canonical: string; wrong: number; files: number; forms: string[]; first: Place }[];
}

export interface ReportInput {
  path: string;
  text: string;
  result: CheckResult;
}

const FAMILIES: Family[] = ['names', 'quotes', 'style', 'spelling'];

export function buildReport(inputs: ReportInput[], now = new Date()): ReportModel {
  const files = inputs.map((input, i) => buildFile(input, i));
  const byFamily: Record<string, number> = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  const byRule: Record<string, number> = {};
  for (const f of files) {
    for (const [k, v] of Object.entries(f.byFamily)) byFamily[k] = (byFamily[k] ?? 0) + v;
    for (const [k, v] of Object.entries(f.byRule)) byRule[k] = (byRule[k] ?? 0) + v;
  }
  const wrong = new Map<string, { wrong: number; forms: Set<string>; files: Set<number>; first: Place }>();
  for (const f of files) {
    for (const n of f.names) {
      for (const v of n.variants) {
        if (!v.wrong) continue;
        const e = wrong.get(n.canonical) ?? { wrong: 0, forms: new Set<string>(), files: new Set<number>(), first: v.places[0]! };
        e.wrong += v.count;
        e.files.add(v.places[0]!.file);
        e.forms.add(v.text);
        wrong.set(n.canonical, e);
      }
    }
  }
  return {
    generated: now.toISOString(),
    files,
    totals: { files: files.length, words: files.reduce((a, f) => a + f.words, 0), findings: files.reduce((a, f) => a + f.findings.length, 0), byFamily, byRule: sortByCount(byRule) },
    misspelledNames: [...wrong].map(([canonical, e]) => ({ canonical, wrong: e.wrong, files: e.files.size, forms: [...e.forms].sort(), first: e.first })).sort((a, b) => b.wrong - a.wrong || a.canonical.localeCompare(b.canonical)).slice(0, 25),
  };
}

function buildFile({ path, text, result }: ReportInput, file: number): ReportFile {
  const lines = new LineIndex(text);
  const place = (start: number, end: number): Place => ({ file, start, end, line: lines.position(start).line + 1 });
  const findings: ReportFinding[] = result.findings.map((f) => ({ ...place(f.start, f.end), rule: f.rule, severity: f.severity, message: f.message, text: text.slice(f.start, f.end) }));
  const byFamily: Record<string, number> = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    const fam = f.rule.slice(0, f.rule.indexOf('.'));
    byFamily[fam] = (byFamily[fam] ?? 0) + 1;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const facts = result.facts;
  const names = new Map<string, ReportName>();
  for (const m of nameMentions(text, result)) {
    const p = place(m.start, m.end);
    let n = names.get(m.canonical);
    if (!n) names.set(m.canonical, (n = { canonical: m.canonical, count: 0, variants: [], first: p }));
    n.count++;
    let v = n.variants.find((x) => x.text === m.text);
    if (!v) n.variants.push((v = { text: m.text, count: 0, wrong: m.wrong, places: [] }));
    v.count++;
    v.places.push(p);
  }
  const source = sourceNames(facts.quotes.map((q) => q.speaker).filter((s): s is string => !!s));
  const quotes: ReportQuote[] = facts.quotes.map((q) => ({ ...place(q.start, q.end), text: q.text, speaker: q.speaker, source: q.speaker ? source.get(q.speaker)! : null }));
  const sources = [...new Set(source.values())].sort();
  return {
    path,
    words: facts.words,
    sentences: facts.sentences,
    paragraphs: facts.paragraphs,
    meanSentence: facts.sentences ? Math.round((facts.words / facts.sentences) * 10) / 10 : 0,
    longestSentence: facts.longestSentence,
    grade: fleschKincaidGrade(facts.words, facts.sentences, Math.round(facts.words * syllablesPerWord(text))),
    findings,
    byFamily,
    byRule: sortByCount(byRule),
    names: [...names.values()].sort((a, b) => b.count - a.count || a.first.start - b.first.start),
    quotes,
    sources,
    placeholders: facts.placeholders.map((p) => ({ ...place(p.start, p.end), text: p.text })),
  };
}

function sortByCount(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}
