// Engine findings → LSP diagnostics and edits. Offsets become positions only here.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/index.js';
import type { Finding, Fix, Severity } from '../engine/types.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docsLinks = new Map<string, { href: string }>();

/** One link object per rule, shared by its diagnostics (they are only serialised). */
function docsLink(rule: string): { href: string } {
  let link = docsLinks.get(rule);
  if (!link) docsLinks.set(rule, (link = { href: ruleDocsUrl(rule) }));
  return link;
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: docsLink(f.rule),
    source: 'copydesk',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } }, message: r.message })),
  };
}

/** A fix as a plain text edit; snippet placeholders ($1, ${1:x}) are reduced to their default text. */
export function toTextEdit(doc: TextDocument, fix: Fix): TextEdit {
  const text = fix.snippet ? fix.text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') : fix.text;
  return { range: { start: doc.positionAt(fix.start), end: doc.positionAt(fix.end) }, newText: text };
}

export function fixTitle(fix: Fix): string {
  return fix.title ?? (fix.text ? `Replace with “${fix.text}”` : 'Remove');
}

/** Writes where a finding's ranges stand into `at` from its start: line and character of its start and
 *  end, then of each related place's (a list reused between findings allocates nothing once the positions
 *  are inlined); returns how many numbers. */
export function positionsInto(at: number[], doc: TextDocument, f: Finding): number {
  let n = put(at, 0, doc, f.start);
  n = put(at, n, doc, f.end);
  if (f.related) for (const r of f.related) n = put(at, put(at, n, doc, r.start), doc, r.end);
  return n;
}

function put(at: number[], n: number, doc: TextDocument, offset: number): number {
  const p = doc.positionAt(offset);
  at[n] = p.line;
  at[n + 1] = p.character;
  return n + 2;
}

const range = (at: readonly number[], k: number): string => `{"start":{"line":${at[k]},"character":${at[k + 1]}},"end":{"line":${at[k + 2]},"character":${at[k + 3]}}}`;
const docsJson = new Map<string, string>();

/** The JSON of toDiagnostic(doc, f), written directly from the finding and its positions (positionsInto): a
 *  long story publishes a few hundred diagnostics per keystroke, and building each as objects and then
 *  serialising them cost twice as much. */
export function diagnosticBody(f: Finding, at: readonly number[], uriJson: string): string {
  let docs = docsJson.get(f.rule);
  if (docs === undefined) docsJson.set(f.rule, (docs = `"code":${JSON.stringify(f.rule)},"codeDescription":${JSON.stringify(docsLink(f.rule))}`));
  let json = `{"range":${range(at, 0)},"severity":${SEVERITY[f.severity]},${docs},"source":"copydesk","message":${JSON.stringify(f.message)}`;
  if (f.related) {
    json += ',"relatedInformation":[';
    for (let i = 0; i < f.related.length; i++) {
      json += `${i ? ',' : ''}{"location":{"uri":${uriJson},"range":${range(at, 4 + 4 * i)}},"message":${JSON.stringify(f.related[i]!.message)}}`;
    }
    json += ']';
  }
  return json + '}';
}
