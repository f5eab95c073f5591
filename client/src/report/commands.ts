// Copydesk: Show Style Report, Export Style Report, Check All Drafts in Workspace.
// The data comes from the server (copydesk/analysis, copydesk/analyzeFile); rendering is the shared
// report module, so the webview, the CLI report and the exports agree.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildReport, type ReportInput, type ReportModel } from '../../../server/src/report/model';
import { renderHtml } from '../../../server/src/report/render-html';
import { renderJson, renderMarkdown } from '../../../server/src/report/render-text';
import type { CheckResult } from '../../../server/src/engine/types';

interface Analysis {
  uri: string;
  version: number | null;
  text: string;
  findings: CheckResult['findings'];
  suppressed: CheckResult['suppressed'];
  facts: CheckResult['facts'];
}

const DRAFT_GLOB = '**/*.{md,markdown,txt,news,draft}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**,**/dist/**,**/.cache/**}';

export function registerReportCommands(context: vscode.ExtensionContext, client: () => LanguageClient): void {
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('copydesk-workspace');
  let panel: ReportPanel | undefined;
  context.subscriptions.push(
    workspaceDiagnostics,
    vscode.commands.registerCommand('copydesk.showReport', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Copydesk: open a draft to see its style report.');
        return undefined;
      }
      panel ??= new ReportPanel(client, () => (panel = undefined));
      await panel.showFor([target], true);
      return panel.lastModel;
    }),
    vscode.commands.registerCommand('copydesk.exportReport', async (options?: { format?: 'html' | 'md' | 'json'; target?: vscode.Uri; uri?: vscode.Uri }) => {
      // From the report panel itself (a desk report, say), export what it shows; otherwise the active draft.
      const shown = !options?.uri && panel?.active ? panel.lastModel : undefined;
      const source = options?.uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!source && !shown) {
        void vscode.window.showInformationMessage('Copydesk: open a draft or a style report to export.');
        return undefined;
      }
      const format = options?.format ?? ((await vscode.window.showQuickPick(['html', 'md', 'json'], { placeHolder: 'Export the style report as' })) as 'html' | 'md' | 'json' | undefined);
      if (!format) return undefined;
      const base = shown && shown.files.length > 1 ? vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: vscode.workspace.workspaceFolders[0]!.uri.path + '/desk' }) : source?.with({ path: source.path.replace(/\.[^./]+$/, '') });
      const target = options?.target ?? (await vscode.window.showSaveDialog({ defaultUri: base?.with({ path: `${base.path}.report.${format}` }), filters: { Report: [format] } }));
      if (!target) return undefined;
      const model = shown ?? buildReport([await analysisInput(client(), source!)]);
      const text = format === 'html' ? renderHtml(model, { flavour: 'standalone', nonce: nonce(), theme: 'auto' }) : format === 'md' ? renderMarkdown(model) : renderJson(model);
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      void vscode.window.setStatusBarMessage(`Copydesk: report exported to ${vscode.workspace.asRelativePath(target)}`, 5000);
      return target;
    }),
    vscode.commands.registerCommand('copydesk.checkWorkspace', async () => {
      const files = await vscode.workspace.findFiles(DRAFT_GLOB, EXCLUDE_GLOB, 5000);
      files.sort((a, b) => a.toString().localeCompare(b.toString()));
      const inputs: ReportInput[] = [];
      const uris: vscode.Uri[] = [];
      workspaceDiagnostics.clear();
      const cancelled = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Copydesk: checking drafts', cancellable: true }, async (progress, token) => {
        for (let i = 0; i < files.length; i++) {
          if (token.isCancellationRequested) return true;
          progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(files[i]!)}`, increment: 100 / files.length });
          try {
            const input = await analysisInput(client(), files[i]!);
            inputs.push(input);
            uris.push(files[i]!);
            // Open documents already get live diagnostics from the server; the rest go in the Problems panel here.
            if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === files[i]!.toString())) workspaceDiagnostics.set(files[i]!, toDiagnostics(input));
          } catch {
            // Binary, unreadable or oversized files are skipped; the server says why in its log.
          }
        }
        return false;
      });
      panel ??= new ReportPanel(client, () => (panel = undefined));
      panel.showModel(buildReport(inputs), uris);
      if (cancelled) void vscode.window.showInformationMessage(`Copydesk: stopped after ${inputs.length} of ${files.length} drafts.`);
      return { files: inputs.length, cancelled };
    }),
  );
}

async function analysisInput(client: LanguageClient, uri: vscode.Uri): Promise<ReportInput> {
  const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const a = (await client.sendRequest(open ? 'copydesk/analysis' : 'copydesk/analyzeFile', { uri: uri.toString() })) as Analysis | null;
  if (!a) throw new Error(`no analysis for ${uri.toString()}`);
  return { path: vscode.workspace.asRelativePath(uri), text: a.text, result: { findings: a.findings, suppressed: a.suppressed, facts: a.facts, failures: [] } };
}

function toDiagnostics(input: ReportInput): vscode.Diagnostic[] {
  const lines = input.text.split(/\r\n|\r|\n/);
  const starts: number[] = [];
  let at = 0;
  const breaks = input.text.match(/\r\n|\r|\n/g) ?? [];
  lines.forEach((l, i) => {
    starts.push(at);
    at += l.length + (breaks[i]?.length ?? 0);
  });
  const pos = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - starts[lo]!);
  };
  const sev = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
  return input.result.findings.map((f) => {
    const d = new vscode.Diagnostic(new vscode.Range(pos(f.start), pos(f.end)), f.message, sev[f.severity]);
    d.source = 'copydesk';
    d.code = f.rule;
    return d;
  });
}

function nonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/** The report webview beside the draft; it follows edits and jumps to rows' places. */
class ReportPanel {
  private readonly panel: vscode.WebviewPanel;
  private uris: vscode.Uri[] = [];
  private live = false;
  private timer: NodeJS.Timeout | undefined;
  lastModel: ReportModel | undefined;
  get active(): boolean {
    return this.panel.active;
  }
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel('copydesk.report', 'Copydesk: Style Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
    this.panel.onDidDispose(() => {
      for (const s of this.subscriptions) s.dispose();
      onDispose();
    });
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: { type?: string; file?: number; start?: number; end?: number }) => void this.reveal(m)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.live && e.uris.some((u) => this.uris.some((x) => x.toString() === u.toString()))) this.refreshSoon();
      }),
    );
  }

  async showFor(uris: vscode.Uri[], live: boolean): Promise<void> {
    this.uris = uris;
    this.live = live;
    const inputs = await Promise.all(uris.map((u) => analysisInput(this.client(), u)));
    this.render(buildReport(inputs));
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  showModel(model: ReportModel, uris: vscode.Uri[]): void {
    this.uris = uris;
    this.live = false;
    this.render(model);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private render(model: ReportModel): void {
    this.lastModel = model;
    this.panel.title = model.files.length === 1 ? `Report: ${model.files[0]!.path.split('/').pop()}` : 'Copydesk: Desk Report';
    this.panel.webview.html = renderHtml(model, { flavour: 'webview', nonce: nonce(), cspSource: this.panel.webview.cspSource });
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.showFor(this.uris, true).catch(() => undefined), 300);
  }

  private async reveal(m: { type?: string; file?: number; start?: number; end?: number }): Promise<void> {
    if (m.type !== 'reveal' || typeof m.file !== 'number') return;
    const uri = this.uris[m.file];
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const range = new vscode.Range(doc.positionAt(Number(m.start) || 0), doc.positionAt(Number(m.end) || 0));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
