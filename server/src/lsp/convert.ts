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

export function toDiagnostic(doc: TextDocument, f: Finding, index: number): Diagnostic {
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: docsLink(f.rule),
    source: 'copydesk',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } }, message: r.message })),
    // The finding's place in the published list: a code action request brings it back to name the finding.
    data: { index },
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

const position = (doc: TextDocument, offset: number): string => {
  const p = doc.positionAt(offset);
  return `{"line":${p.line},"character":${p.character}}`;
};
const range = (doc: TextDocument, start: number, end: number): string => `{"start":${position(doc, start)},"end":${position(doc, end)}}`;
const docsJson = new Map<string, string>();

/** The JSON of toDiagnostic(doc, f, index), written directly: a long story publishes a few hundred
 *  diagnostics per keystroke, and building each as objects and then serialising them cost twice as much. */
export function diagnosticJson(doc: TextDocument, f: Finding, index: number, uriJson: string): string {
  let docs = docsJson.get(f.rule);
  if (docs === undefined) docsJson.set(f.rule, (docs = `"code":${JSON.stringify(f.rule)},"codeDescription":${JSON.stringify(docsLink(f.rule))}`));
  let json = `{"range":${range(doc, f.start, f.end)},"severity":${SEVERITY[f.severity]},${docs},"source":"copydesk","message":${JSON.stringify(f.message)}`;
  if (f.related) {
    json += ',"relatedInformation":[';
    for (let i = 0; i < f.related.length; i++) {
      const r = f.related[i]!;
      json += `${i ? ',' : ''}{"location":{"uri":${uriJson},"range":${range(doc, r.start, r.end)}},"message":${JSON.stringify(r.message)}}`;
    }
    json += ']';
  }
  return `${json},"data":{"index":${index}}}`;
}
