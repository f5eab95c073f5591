// The status bar item: Copydesk's finding count for the active draft; a click opens the style report.
import * as vscode from 'vscode';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Copydesk';
    this.item.command = 'copydesk.showReport';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('copydesk') && this.update()),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const languages = vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext', 'newsdraft']);
    // Only drafts Copydesk checks get a count; "0" on a source file would claim a check that never ran.
    if (!doc || !(languages.includes(doc.languageId) || doc.uri.path.endsWith('/copydesk.yaml'))) {
      this.item.hide();
      return;
    }
    const mine = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'copydesk');
    const errors = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    this.item.text = `$(checklist) Copydesk: ${mine.length}`;
    this.item.tooltip = `${mine.length} Copydesk finding${mine.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}). Click for the style report.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
