// Quick fixes, fix-all (per rule and source.fixAll.copydesk), and the writer's "ignore" actions.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { preferredFixes } from '../engine/index.js';
import { addIgnore, addWord, type TextEdit as StyleTextEdit } from '../engine/style/edit.js';
import type { Finding } from '../engine/types.js';
import { fixTitle, toTextEdit } from './convert.js';
import { treatAsDifferentName } from './names-actions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

export interface StyleFileAccess {
  uri: string | undefined;
  read(): string | undefined;
  exists: boolean;
}

export function codeActions(doc: TextDocument, findings: readonly Finding[], params: CodeActionParams, styleFile: StyleFileAccess): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (wants(FIX_ALL_KIND) && only) {
    const edits = fixAllEdits(doc, findings);
    if (edits.length) out.push({ title: 'Fix all Copydesk problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
    return out;
  }
  if (!wants(CodeActionKind.QuickFix)) return out;
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  // The request's diagnostics are the client's copies of published ones: each names its finding by rule and
  // range (a publish carries nothing more, to keep a long story's few hundred diagnostics small).
  const asked = params.context.diagnostics
    .filter((d) => d.source === 'copydesk')
    .map((d) => ({ d, start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) }));
  const touched: { f: Finding; diagnostic: Diagnostic | undefined }[] = [];
  for (const f of findings) {
    const diagnostic = asked.find((a) => a.d.code === f.rule && a.start === f.start && a.end === f.end)?.d;
    if (diagnostic || (f.start <= end && f.end >= start)) touched.push({ f, diagnostic });
  }
  const seenRules = new Set<string>();
  for (const { f, diagnostic } of touched) {
    f.fixes.forEach((fix, i) => {
      out.push({
        title: fixTitle(fix),
        kind: CodeActionKind.QuickFix,
        isPreferred: i === 0 && f.fixes.length === 1,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit: { changes: { [doc.uri]: [toTextEdit(doc, fix)] } },
      });
    });
    if (!seenRules.has(f.rule)) {
      seenRules.add(f.rule);
      const same = findings.filter((x) => x.rule === f.rule && x.fixes.length);
      if (same.length > 1) {
        out.push({ title: `Fix all ${f.rule} problems (${same.length})`, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: fixAllEdits(doc, findings, f.rule) } } });
      }
    }
    const different = treatAsDifferentName(f, styleFile, diagnostic);
    if (different) out.push(different);
    out.push(ignoreOccurrence(doc, f, diagnostic));
    const workspace = ignoreInWorkspace(doc, f, styleFile, diagnostic);
    if (workspace) out.push(workspace);
    const houseWord = f.rule === 'spelling.unknown' ? addToHouseWords(doc, f, styleFile, diagnostic) : null;
    if (houseWord) out.push(houseWord);
  }
  return out;
}

export function fixAllEdits(doc: TextDocument, findings: readonly Finding[], rule?: string): TextEdit[] {
  return preferredFixes(findings, rule ? (f) => f.rule === rule : undefined).map((fx) => toTextEdit(doc, fx));
}

function ignoreOccurrence(doc: TextDocument, f: Finding, diagnostic: Diagnostic | undefined): CodeAction {
  const line = doc.positionAt(f.start).line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Ignore this occurrence (${f.rule})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- copydesk-disable-next-line ${f.rule} -->${eol}` }] } },
  };
}

function ignoreInWorkspace(doc: TextDocument, f: Finding, styleFile: StyleFileAccess, diagnostic: Diagnostic | undefined): CodeAction | null {
  if (!styleFile.uri) return null;
  const text = doc.getText().slice(f.start, f.end);
  const source = styleFile.read() ?? '';
  let edit;
  try {
    edit = addIgnore(source, f.rule, text);
  } catch {
    return null;
  }
  if (!edit) return null;
  return { title: `Ignore “${text}” for ${f.rule} in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: diagnostic ? [diagnostic] : undefined, edit: styleFileEdit({ ...styleFile, uri: styleFile.uri }, source, edit) };
}

/** "Add to house words" for an unknown word: an undoable edit of copydesk.yaml `words` that keeps its comments. */
function addToHouseWords(doc: TextDocument, f: Finding, styleFile: StyleFileAccess, diagnostic: Diagnostic | undefined): CodeAction | null {
  if (!styleFile.uri) return null;
  const word = doc.getText().slice(f.start, f.end);
  const source = styleFile.read() ?? '';
  let edit: StyleTextEdit | null;
  try {
    edit = addWord(source, word);
  } catch {
    return null; // a broken copydesk.yaml: its own diagnostics say why
  }
  return edit && { title: `Add “${word}” to house words`, kind: CodeActionKind.QuickFix, diagnostics: diagnostic ? [diagnostic] : undefined, edit: styleFileEdit({ ...styleFile, uri: styleFile.uri }, source, edit) };
}

/** A WorkspaceEdit applying a text edit of copydesk.yaml (creating the file when it does not exist yet). */
export function styleFileEdit(styleFile: StyleFileAccess & { uri: string }, source: string, edit: StyleTextEdit): WorkspaceEdit {
  const lines = source.slice(0, edit.start).split(/\r\n|\r|\n/);
  const endLines = source.slice(0, edit.end).split(/\r\n|\r|\n/);
  const pos = (ls: string[]) => ({ line: ls.length - 1, character: ls[ls.length - 1]!.length });
  return styleFile.exists
    ? { changes: { [styleFile.uri]: [{ range: { start: pos(lines), end: pos(endLines) }, newText: edit.text }] } }
    : { documentChanges: [{ kind: 'create', uri: styleFile.uri, options: { ignoreIfExists: true } }, { textDocument: { uri: styleFile.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: source.slice(0, edit.start) + edit.text + source.slice(edit.end) }] }] };
}
