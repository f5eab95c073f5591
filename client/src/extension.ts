// The VS Code side of Copydesk: starts the bundled language server and adds what only the editor can do
// (status bar, commands, the report view). Everything about prose lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerHouseStyleCommands } from './house-style';
import { registerReportCommands } from './report/commands';
import { StatusBar } from './status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  await client.start();
  output.info(`Copydesk server started (${context.asAbsolutePath(path.join('dist', 'server.js'))})`);

  const status = new StatusBar();
  context.subscriptions.push(status);
  registerHouseStyleCommands(context, () => client!);
  registerReportCommands(context, () => client!);
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await client?.restart();
      output.info('Copydesk server restarted');
    }),
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.copydesk');
      for (const a of actions ?? []) if (a.edit && a.kind?.value === 'source.fixAll.copydesk') await vscode.workspace.applyEdit(a.edit);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts; a new language list needs a restart.
      if (e.affectsConfiguration('copydesk.languages')) await client?.restart();
    }),
  );
  return { client };
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext', 'newsdraft']);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      { scheme: 'file', pattern: '**/copydesk.yaml' },
    ],
    synchronize: {
      configurationSection: 'copydesk',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/copydesk.yaml'),
    },
    outputChannel: output,
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes); keep it.
  };
  return new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
