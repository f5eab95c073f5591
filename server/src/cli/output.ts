// Output formats of `copydesk check`: JSON (a contract other tools read) and eslint-stylish text.
import * as path from 'node:path';
import type { CheckResult, Finding, Severity } from '../engine/types.js';
import { LineIndex } from './lines.js';

export interface FileReport {
  path: string;
  text: string;
  result: CheckResult;
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  suggestions: string[];
}

export function toJsonFinding(f: Finding, text: string, lines: LineIndex): JsonFinding {
  const s = lines.position(f.start);
  const e = lines.position(f.end);
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    offset: f.start,
    length: f.end - f.start,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    text: text.slice(f.start, f.end),
    // Snippet fixes (an attribution for the writer to edit) are shown as plain text.
    suggestions: f.fixes.map((x) => (x.snippet ? x.text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') : x.text)),
  };
}

export function summarize(reports: FileReport[]) {
  const byRule: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  let findings = 0;
  let suppressed = 0;
  for (const r of reports) {
    for (const f of r.result.findings) {
      findings++;
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    }
    suppressed += r.result.suppressed.length;
  }
  return { files: reports.length, findings, suppressed, byRule: sortKeys(byRule), bySeverity };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function formatJson(reports: FileReport[], cwd: string): string {
  const files = reports.map((r) => {
    const lines = new LineIndex(r.text);
    return { path: displayPath(r.path, cwd), findings: r.result.findings.map((f) => toJsonFinding(f, r.text, lines)) };
  });
  return JSON.stringify({ version: 1, files, summary: summarize(reports) }, null, 2) + '\n';
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

export function formatText(reports: FileReport[], cwd: string, color: boolean): string {
  const c = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = (s: Severity): string => (s === 'error' ? c('31', 'error') : s === 'warning' ? c('33', 'warning') : c('36', s));
  let out = '';
  for (const r of reports) {
    if (r.result.findings.length === 0 && r.result.failures.length === 0) continue;
    const lines = new LineIndex(r.text);
    out += `\n${c('4', displayPath(r.path, cwd))}\n`;
    const rows = r.result.findings.map((f) => {
      const p = lines.position(f.start);
      return [`${p.line + 1}:${p.character + 1}`, f.severity, f.message, f.rule] as const;
    });
    const w0 = Math.max(0, ...rows.map((x) => x[0].length));
    const w1 = Math.max(0, ...rows.map((x) => x[1].length));
    for (const [pos, s, msg, rule] of rows) out += `  ${c('2', pos.padEnd(w0))}  ${sev(s)}${' '.repeat(w1 - s.length)}  ${msg}  ${c('2', rule)}\n`;
    for (const fail of r.result.failures) out += `  ${c('31', 'check failed')}  ${fail.rule}: ${fail.error}\n`;
  }
  const sum = summarize(reports);
  const errors = sum.bySeverity.error ?? 0;
  const warnings = sum.bySeverity.warning ?? 0;
  const other = sum.findings - errors - warnings;
  const tail = sum.suppressed ? `, ${sum.suppressed} suppressed` : '';
  if (sum.findings === 0) out += `${c('32', '✔')} ${sum.files} file${sum.files === 1 ? '' : 's'} checked, no problems${tail}\n`;
  else out += `\n${c(errors ? '31' : '33', '✖')} ${sum.findings} problem${sum.findings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${other ? `, ${other} info` : ''}) in ${sum.files} file${sum.files === 1 ? '' : 's'}${tail}\n`;
  return out;
}
