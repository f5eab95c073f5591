// Commands that edit the house style file: open (or create) it, add a name. Edits go through a
// WorkspaceEdit so they can be undone, and the YAML's comments survive.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { addName, type TextEdit } from '../../server/src/engine/style/edit';

export function styleFileUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const setting = vscode.workspace.getConfiguration('copydesk').get<string>('styleFile', '');
  if (setting) return path.isAbsolute(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
  return vscode.Uri.joinPath(folder.uri, 'copydesk.yaml');
}

async function readStyle(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return '';
  }
}

export function starterStyle(): string {
  // Sections stay commented out until used: a key whose only children are comments parses as null, and
  // Add to House Names (and the server's quick fixes) then add the key themselves, in block style.
  return `# Copydesk house style. Every key is optional; see the README for the full format.
# The built-in preset this style builds on: default (= ap), ap or british. The preset already prefers
# Myanmar over Burma, Mumbai over Bombay, percent over per cent and website over web site.
extends: default

# People and places with their canonical spelling, and the variants to replace.
# names:
#   - name: Hakan Fidan
#     title: Turkish Foreign Minister
#     variants: [Hakan Fiden]

# Preferred terms, on top of the preset's.
# substitutions:
#   - prefer: Kyiv
#     over: [Kiev]

# Spellings the desk accepts.
# words: [Copydesk]

# Per rule id: off, error, warning, info or hint.
# rules:
#   spelling.unknown: info

# Findings the desk has decided are fine.
# ignore: []
`;
}

export function registerHouseStyleCommands(context: vscode.ExtensionContext, _client: () => LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.openHouseStyle', async () => {
      const uri = styleFileUri();
      if (!uri) {
        void vscode.window.showWarningMessage('Copydesk: open a folder first; the house style lives at its root (copydesk.yaml).');
        return undefined;
      }
      let exists = true;
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        exists = false;
      }
      if (!exists) {
        const edit = new vscode.WorkspaceEdit();
        edit.createFile(uri, { ignoreIfExists: true, contents: Buffer.from(starterStyle(), 'utf8') });
        await vscode.workspace.applyEdit(edit);
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      return uri;
    }),
    vscode.commands.registerCommand('copydesk.addToHouseNames', async (given?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      const name = given ?? (selected || (await vscode.window.showInputBox({ prompt: 'Name to add to the house names (canonical spelling)', value: selected })));
      if (!name) return false;
      const uri = styleFileUri();
      if (!uri) return false;
      const source = await readStyle(uri);
      let change: TextEdit | null;
      try {
        change = addName(source, name);
      } catch (e) {
        void vscode.window.showErrorMessage(`Copydesk: ${(e as Error).message}`);
        return false;
      }
      if (!change) return true;
      const edit = new vscode.WorkspaceEdit();
      if (source === '') {
        edit.createFile(uri, { ignoreIfExists: true });
        edit.insert(uri, new vscode.Position(0, 0), change.text);
      } else {
        const doc = await vscode.workspace.openTextDocument(uri);
        edit.replace(uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text);
      }
      const ok = await vscode.workspace.applyEdit(edit);
      if (ok) {
        const doc = await vscode.workspace.openTextDocument(uri);
        await doc.save();
        void vscode.window.setStatusBarMessage(`Copydesk: added “${name}” to the house names`, 4000);
      }
      return ok;
    }),
  );
}
