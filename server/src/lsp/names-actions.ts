// Quick fixes that teach the house style about names: "Treat as a different name" records in
// copydesk.yaml (names.distinct) that two similar spellings are different people or places, as an
// undoable WorkspaceEdit that keeps the file's comments.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { addDistinct } from '../engine/style/edit.js';
import type { Finding } from '../engine/types.js';
import { styleFileEdit, type StyleFileAccess } from './code-actions.js';

/** Rules whose findings say "this spelling is that name"; the writer may know better. */
const NAME_RULES = new Set(['names.inconsistent', 'names.misspelled', 'names.archive']);

export function treatAsDifferentName(f: Finding, styleFile: StyleFileAccess, diagnostic: Diagnostic | undefined): CodeAction | null {
  if (!NAME_RULES.has(f.rule) || !styleFile.uri) return null;
  const forms = f.data?.forms;
  if (!Array.isArray(forms) || forms.length !== 2 || forms.some((x) => typeof x !== 'string')) return null;
  const [written, other] = forms as [string, string];
  const source = styleFile.read() ?? '';
  let edit;
  try {
    edit = addDistinct(source, written, other);
  } catch {
    return null;
  }
  if (!edit) return null;
  return {
    title: `Treat “${written}” as a different name from “${other}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    edit: styleFileEdit({ ...styleFile, uri: styleFile.uri }, source, edit),
  };
}
