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
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
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
