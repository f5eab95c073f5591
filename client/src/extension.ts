// The VS Code side of Copydesk: starts the bundled language server and adds what only the editor can do
// (status bar, commands, the report view). Everything about prose lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment, serverExecArgv } from '../../server/src/lsp/server-environment';
import { registerHouseStyleCommands } from './house-style';
import { registerReportCommands } from './report/commands';
import { StatusBar } from './status';

let client: LanguageClient | undefined;

/** How often a crashed server is restarted within three minutes before the client gives up (then: Copydesk: Restart Server). */
export const MAX_RESTARTS = 4;

/** What activate() returns, for integration tests and other extensions. */
export interface CopydeskApi {
  readonly client: LanguageClient;
  /** Restarts after a crash so far (manual restarts are not counted). */
  crashRestarts(): number;
  maxRestarts: number;
}

let crashRestarts = 0;

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  try {
    await client.start();
    output.info(`Copydesk server started (${context.asAbsolutePath(path.join('dist', 'server.js'))})`);
  } catch (e) {
    // Commands stay registered so Copydesk: Restart Server can try again.
    output.error(`Copydesk server failed to start: ${(e as Error).message}`);
  }

  // package.json's editor/context menu tests `editorLangId in copydesk.languages`.
  const setLanguagesContext = () =>
    vscode.commands.executeCommand('setContext', 'copydesk.languages', vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext', 'newsdraft']));
  void setLanguagesContext();

  const status = new StatusBar();
  context.subscriptions.push(status);
  registerHouseStyleCommands(context, () => client!);
  registerReportCommands(context, () => client!);
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      if (!client) return false;
      // restart() refuses a client that never started or gave up after crashes; start() covers both.
      if (client.isRunning()) await client.restart();
      else await client.start();
      output.info('Copydesk server restarted');
      return client.isRunning();
    }),
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return 0;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.copydesk');
      const fixes = (actions ?? []).filter((a) => a.edit && a.kind?.value === 'source.fixAll.copydesk');
      let applied = 0;
      for (const a of fixes) if (await vscode.workspace.applyEdit(a.edit!)) applied += a.edit!.entries().reduce((n, [, edits]) => n + edits.length, 0);
      void vscode.window.setStatusBarMessage(applied ? 'Copydesk: house-style fixes applied' : 'Copydesk: nothing to fix', 3000);
      // Tests read how many text edits were applied.
      return applied;
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when a client is made (restart() keeps it), so a new language list
      // needs a new client; the commands reach the client through getters and follow along.
      if (!e.affectsConfiguration('copydesk.languages')) return;
      void setLanguagesContext();
      const old = client;
      client = createClient(context, output);
      await old?.stop().catch(() => undefined);
      await client.start().catch((err: Error) => output.error(`Copydesk server failed to start: ${err.message}`));
    }),
  );
  return {
    // A getter: a change to copydesk.languages replaces the client.
    get client() {
      return client!;
    },
    crashRestarts: () => crashRestarts,
    maxRestarts: MAX_RESTARTS,
  };
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Over stdio the server writes each publish from JSON it keeps between keystrokes, in one write
  // (server/src/lsp/transport.ts); over IPC, Node makes every message one JSON string, and a long story's
  // diagnostics then cost the server about a third more per keystroke (bench/typing.mjs, TRANSPORT=ipc).
  // The server's process starts without what it never uses but Node would load at start
  // (server/src/lsp/server-environment.ts), and with V8's background threads leaving the check a core.
  const env = serverEnvironment();
  const execArgv = serverExecArgv();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env, execArgv } },
    debug: { module, transport: TransportKind.stdio, options: { env, execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
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
    connectionOptions: { maxRestartCount: MAX_RESTARTS },
    errorHandler: restartingErrorHandler(() => made, output),
  };
  const made = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  return made;
}

/**
 * vscode-languageclient's own handler restarts a server that dies (MAX_RESTARTS times in three minutes);
 * this wraps it only to count and log the restarts, so tests and users can see them.
 */
function restartingErrorHandler(get: () => LanguageClient, output: vscode.LogOutputChannel): ErrorHandler {
  let inner: ErrorHandler | undefined;
  const handler = () => (inner ??= get().createDefaultErrorHandler(MAX_RESTARTS));
  return {
    error: (error, message, count) => handler().error(error, message, count),
    closed: async () => {
      const result = await handler().closed();
      if (result.action === CloseAction.Restart) {
        crashRestarts++;
        output.warn(`Copydesk server stopped unexpectedly; restarting (${crashRestarts})`);
      } else output.error('Copydesk server stopped too often; run "Copydesk: Restart Server" to try again');
      return result;
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
