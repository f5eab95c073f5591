// The style report as data: what a chief copy editor wants to see about a story, or a desk of stories.
// Shared by the VS Code webview, `copydesk report` and the exports (HTML, Markdown, JSON).
import { LineIndex } from '../cli/lines.js';
import type { CheckResult, Family, Severity } from '../engine/types.js';
import { countSyllables, fleschKincaidGrade } from './readability.js';

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
  variants: { text: string; count: number; places: Place[] }[];
  first: Place;
}

export interface ReportQuote extends Place {
  text: string;
  speaker: string | null;
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
  misspelledNames: { canonical: string; wrong: number; forms: string[] }[];
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
  const wrong = new Map<string, { wrong: number; forms: Set<string> }>();
  for (const f of files) {
    for (const n of f.names) {
      for (const v of n.variants) {
        if (v.text === n.canonical) continue;
        const e = wrong.get(n.canonical) ?? { wrong: 0, forms: new Set<string>() };
        e.wrong += v.count;
        e.forms.add(v.text);
        wrong.set(n.canonical, e);
      }
    }
  }
  return {
    generated: now.toISOString(),
    files,
    totals: { files: files.length, words: files.reduce((a, f) => a + f.words, 0), findings: files.reduce((a, f) => a + f.findings.length, 0), byFamily, byRule: sortByCount(byRule) },
    misspelledNames: [...wrong].map(([canonical, e]) => ({ canonical, wrong: e.wrong, forms: [...e.forms].sort() })).sort((a, b) => b.wrong - a.wrong || a.canonical.localeCompare(b.canonical)).slice(0, 25),
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
  const addName = (canonical: string, text: string, start: number, end: number) => {
    const n = names.get(canonical) ?? { canonical, count: 0, variants: [], first: place(start, end) };
    n.count++;
    let v = n.variants.find((x) => x.text === text);
    if (!v) n.variants.push((v = { text, count: 0, places: [] }));
    v.count++;
    v.places.push(place(start, end));
    if (start < n.first.start) n.first = place(start, end);
    names.set(canonical, n);
  };
  for (const n of facts.names) for (const v of n.variants) addName(n.canonical, v.text, v.start, v.end);
  // Names the checks flagged but did not list as facts still belong in the table.
  for (const f of result.findings) {
    const canonical = f.data?.canonical;
    if (typeof canonical !== 'string') continue;
    const already = names.get(canonical)?.variants.some((v) => v.places.some((p) => p.start === f.start));
    if (!already) addName(canonical, text.slice(f.start, f.end), f.start, f.end);
  }
  const quotes: ReportQuote[] = facts.quotes.map((q) => ({ ...place(q.start, q.end), text: q.text, speaker: q.speaker }));
  const sources = [...new Set(quotes.map((q) => q.speaker).filter((s): s is string => !!s))].sort();
  const syll = countSyllables(text);
  return {
    path,
    words: facts.words,
    sentences: facts.sentences,
    paragraphs: facts.paragraphs,
    meanSentence: facts.sentences ? Math.round((facts.words / facts.sentences) * 10) / 10 : 0,
    longestSentence: facts.longestSentence,
    grade: fleschKincaidGrade(facts.words, facts.sentences, syll),
    findings,
    byFamily,
    byRule: sortByCount(byRule),
    names: [...names.values()].sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical)),
    quotes,
    sources,
    placeholders: facts.placeholders.map((p) => ({ ...place(p.start, p.end), text: p.text })),
  };
}

function sortByCount(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}
