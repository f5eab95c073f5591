// The Copydesk language server: live diagnostics, quick fixes, fix-all, hovers and report data for any
// LSP editor. Started by the VS Code client (IPC), by `copydesk lsp --stdio`, or as `node dist/server.js --stdio`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type Diagnostic, type InitializeParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { asString, type TextLike } from './engine/document/text.js';
import { analyze, prepare, prepareIdleWork, Session } from './engine/index.js';
import type { CheckResult } from './engine/types.js';
import { codeActions, FIX_ALL_KIND } from './lsp/code-actions.js';
import { checkDraft } from './lsp/draft-check.js';
import { hover } from './lsp/hover.js';
import { pieceDocuments } from './lsp/piece-document.js';
import { coerceSettings, DEFAULT_SETTINGS, type Settings } from './lsp/settings.js';
import { StyleManager } from './lsp/style-manager.js';
import { editArrival, Timings, type EditArrival } from './lsp/timings.js';
import { PublishedDiagnostics } from './lsp/published.js';
import { defaultConnection, diagnosticsOf, takeChangeArrival, takePublishHandover } from './lsp/transport.js';
import { ArchiveKeeper } from './archive/keeper.js';
import { keystrokeWarmUp } from './lsp/warm-up.js';
import { backgroundThreadsGiveWay } from './lsp/thread-priority.js';

interface DocState {
  session: Session;
  /** The pending check: a debounce timer, or an immediate when there is no debounce. */
  timer?: NodeJS.Timeout;
  immediate?: NodeJS.Immediate;
  /** The last check's result; `withFacts` false when it left out the facts only hovers and reports read. */
  result?: CheckResult & { version: number; text: TextLike; withFacts: boolean };
  /** When the oldest edit not yet answered arrived (for copydesk/timings). */
  arrival?: EditArrival;
  /** The diagnostics last published, as written (the next publish reuses what did not change). */
  published: PublishedDiagnostics;
}

export function startServer(connection: Connection = defaultConnection()): Connection {
  const documents = new TextDocuments(pieceDocuments);
  const states = new Map<string, DocState>();
  let roots: string[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let canConfigure = false;
  let canWatch = false;
  const styles = new StyleManager(() => roots);
  const loggedFailures = new Set<string>();
  const timings = new Timings();
  let publishedStyleProblems = false;
  let preparing = false;
  let firstPublished: (() => void) | null = null;
  // names.archive: the published files' name counts, attached to the style in force.
  const archive = new ArchiveKeeper({ changed: () => revalidateAll(), log: (m) => connection.console.log(m) });
  let relativePatterns = false;
  let archiveWatch: Promise<{ dispose(): void }> | null = null;
  const currentStyle = () => archive.attach(styles.style);
  const warmUp = keystrokeWarmUp(() => currentStyle(), (m) => connection.console.log(m));
  let prepared = false;

  const stateOf = (uri: string): DocState => {
    let s = states.get(uri);
    if (!s) states.set(uri, (s = { session: new Session(), published: new PublishedDiagnostics() }));
    return s;
  };
  const isStyleDoc = (doc: TextDocument) => styles.isStyleUri(doc.uri);
  const wanted = (doc: TextDocument) => settings.enable && settings.languages.includes(doc.languageId) && !isStyleDoc(doc);

  connection.onInitialize((params: InitializeParams) => {
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    archive.fallbackWatch = !canWatch;
    if (params.initializationOptions && typeof params.initializationOptions === 'object') settings = coerceSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'copydesk', version: (require('../../package.json') as { version: string }).version },
    };
  });

  connection.onInitialized(async () => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'copydesk' });
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/copydesk.yaml' }] });
    await refreshSettings();
    // Spelling waits for its dictionary, whose build blocks for a moment: start it only after the first
    // diagnostics are out (or after a second), then re-check with spelling included.
    const load = (): void => {
      if (preparing) return;
      preparing = true;
      prepare(currentStyle()).then(
        () => {
          prepared = true;
          revalidateAll();
          // After the re-checks just scheduled: a keystroke may wait for this once, never for the search it speeds up.
          setImmediate(prepareIdleWork);
        },
        (e: Error) => connection.console.error(`copydesk: loading check data failed: ${e.message}`),
      );
    };
    firstPublished = load;
    setTimeout(load, 1000).unref?.();
  });

  async function refreshSettings(): Promise<void> {
    if (canConfigure) {
      try {
        settings = coerceSettings(await connection.workspace.getConfiguration('copydesk'));
      } catch {
        settings = DEFAULT_SETTINGS;
      }
    }
    reloadStyle();
  }

  function reloadStyle(): void {
    const changed = styles.reload(settings.styleFile, settings.rules, (uri) => documents.get(uri)?.getText());
    publishStyleProblems();
    syncArchive();
    if (changed) for (const s of states.values()) s.session = new Session();
    revalidateAll();
  }

  function publishStyleProblems(): void {
    if (!styles.styleUri) return;
    if (styles.problems.length === 0 && !publishedStyleProblems) return;
    const open = documents.get(styles.styleUri);
    const diagnostics: Diagnostic[] = styles.problems.map((p) => {
      const start = { line: p.line - 1, character: p.column - 1 };
      const end = open ? open.positionAt(p.offset + Math.max(1, p.length)) : { line: p.line - 1, character: p.column - 1 + Math.max(1, p.length) };
      return { range: { start, end: end.line === start.line || open ? end : { line: start.line, character: start.character + 1 }, }, severity: p.severity === 'error' ? 1 : 2, source: 'copydesk', message: `${p.message}${p.severity === 'error' ? ' (Copydesk keeps using the last good house style)' : ''}` };
    });
    publishedStyleProblems = diagnostics.length > 0;
    void connection.sendDiagnostics({ uri: styles.styleUri, diagnostics });
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function schedule(doc: TextDocument, delay = settings.debounceMs): void {
    if (isStyleDoc(doc)) return;
    const state = stateOf(doc.uri);
    cancel(state);
    // setTimeout(…, 0) waits at least a millisecond; with no debounce the check runs once pending I/O is read.
    if (delay > 0) state.timer = setTimeout(() => validate(doc.uri), delay);
    else state.immediate = setImmediate(() => validate(doc.uri));
  }

  function cancel(state: DocState): void {
    if (state.timer) clearTimeout(state.timer);
    if (state.immediate) clearImmediate(state.immediate);
    state.timer = state.immediate = undefined;
  }

  function validate(uri: string): void {
    const doc = documents.get(uri);
    const state = states.get(uri);
    if (!doc || !state) return;
    state.timer = state.immediate = undefined;
    if (!wanted(doc)) {
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    // The pieces, not one string of the draft (lsp/piece-document.ts).
    const text = doc.text;
    if (text.length > settings.maxFileSize) {
      state.result = undefined;
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'copydesk', message: `Copydesk did not check this document: it is larger than copydesk.maxFileSize (${text.length} > ${settings.maxFileSize} characters).` }] });
      return;
    }
    const cpuBefore = process.cpuUsage();
    let result: CheckResult;
    const engineStarted = performance.now();
    try {
      // Without the facts only hovers and reports read (resultWithFacts makes them when asked).
      result = checkDraft(text, engineLanguage(doc), currentStyle(), state.session);
    } catch (e) {
      connection.console.error(`copydesk: checking ${uri} failed: ${(e as Error).stack ?? e}`);
      // The failed run may have moved the last result's findings in place (see Session).
      state.session = new Session();
      state.result = undefined;
      return;
    }
    for (const f of result.failures) {
      if (loggedFailures.has(f.rule)) continue;
      loggedFailures.add(f.rule);
      connection.console.error(`copydesk: check ${f.rule} failed and was skipped (its findings are missing): ${f.error}`);
    }
    const engineMs = performance.now() - engineStarted;
    // A newer edit may have arrived while we worked; never publish stale results.
    if (documents.get(uri)?.version !== doc.version) return;
    state.result = { ...result, version: doc.version, text, withFacts: false };
    const version = doc.version;
    const sent = connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(doc, result.findings, state.published) });
    if (state.arrival) timings.after(sent, state.arrival, cpuBefore, engineMs, () => takePublishHandover(uri, version));
    state.arrival = undefined;
    // Once the spelling data is in, a copy of the first draft checked warms the code (lsp/warm-up.ts).
    if (prepared) warmUp.start(text, engineLanguage(doc));
    if (firstPublished) {
      const go = firstPublished;
      firstPublished = null;
      setTimeout(go, 50);
    }
  }

  /** The document's last result with all its facts (for a hover or a report). A keystroke's check leaves
   *  some out; they are made here by checking the same text again in its session, which reuses every
   *  block's work. While a new house style waits for its check, the result stays as it is. */
  function resultWithFacts(uri: string): DocState['result'] {
    const state = states.get(uri);
    const r = state?.result;
    const doc = documents.get(uri);
    if (!state || !r || r.withFacts || !doc || doc.version !== r.version || state.session.styleKey !== currentStyle().key) return r;
    try {
      const full = analyze(r.text, { languageId: engineLanguage(doc), style: currentStyle(), session: state.session });
      state.result = { ...full, version: r.version, text: r.text, withFacts: true };
    } catch (e) {
      connection.console.error(`copydesk: checking ${uri} for its facts failed: ${(e as Error).stack ?? e}`);
    }
    return state.result;
  }

  documents.onDidOpen((e) => {
    warmUp.activity();
    if (isStyleDoc(e.document)) return onStyleEdited(e.document);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    warmUp.activity();
    if (isStyleDoc(e.document)) return onStyleEdited(e.document);
    const arrived = takeChangeArrival(e.document.uri);
    stateOf(e.document.uri).arrival ??= editArrival(arrived ?? performance.now());
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    const state = states.get(e.document.uri);
    if (state) cancel(state);
    states.delete(e.document.uri);
    if (!isStyleDoc(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function onStyleEdited(doc: TextDocument): void {
    if (doc.uri !== styles.styleUri) return;
    const changed = styles.apply(doc.getText(), uriToPath(doc.uri) ?? undefined);
    publishStyleProblems();
    syncArchive();
    if (changed) {
      for (const s of states.values()) s.session = new Session();
      revalidateAll();
    }
  }

  connection.onDidChangeConfiguration(() => void refreshSettings());
  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.filter((c) => !styles.isStyleUri(c.uri)).map((c) => uriToPath(c.uri)).filter((p): p is string => !!p);
    if (files.length) archive.filesChanged(files);
    if (files.length < params.changes.length) reloadStyle();
  });

  /** Follows the style's names.archive: a new index (built shortly, off the request path) and file watchers for it. */
  function syncArchive(): void {
    const watch = archive.sync(styles.style, 100);
    if (!watch || !canWatch) return;
    const previous = archiveWatch;
    void previous?.then((d) => d.dispose(), () => undefined);
    const baseUri = pathToFileURL(watch.root).href;
    const watchers = watch.globs.map((g) => ({ globPattern: relativePatterns ? { baseUri, pattern: g } : `${watch.root.split(path.sep).join('/')}/${g}` }));
    archiveWatch = watchers.length ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : null;
  }

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const state = states.get(params.textDocument.uri);
    // Fixes are served only from results of the document's current version.
    if (!doc || !state?.result || state.result.version !== doc.version) return [];
    const stylePath = styles.styleUri ? uriToPath(styles.styleUri) : null;
    return codeActions(doc, state.result.findings, params, {
      uri: styles.styleUri,
      exists: !!stylePath && fs.existsSync(stylePath),
      read: () => (styles.styleUri ? documents.get(styles.styleUri)?.getText() : undefined) ?? (stylePath && fs.existsSync(stylePath) ? fs.readFileSync(stylePath, 'utf8') : undefined),
    });
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const state = states.get(params.textDocument.uri);
    if (!doc || !state?.result || state.result.version !== doc.version) return null;
    return hover(doc, resultWithFacts(params.textDocument.uri)!, doc.offsetAt(params.position));
  });

  // Server-side latency of the checks after edits since the last call (benchmarks, diagnosis of slowness).
  connection.onRequest('copydesk/timings', () => timings.take());

  connection.onRequest('copydesk/analysis', (p: { uri: string }) => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const state = stateOf(p.uri);
    if (!state.result || state.result.version !== doc.version) validate(p.uri);
    const r = resultWithFacts(p.uri);
    return r ? { uri: p.uri, version: r.version, text: asString(r.text), languageId: doc.languageId, findings: r.findings, suppressed: r.suppressed, facts: r.facts } : null;
  });

  connection.onRequest('copydesk/analyzeFile', (p: { uri: string }) => {
    const file = uriToPath(p.uri);
    if (!file) throw new Error(`not a file: ${p.uri}`);
    const buf = fs.readFileSync(file);
    if (buf.length > settings.maxFileSize) throw new Error(`${file} is larger than copydesk.maxFileSize`);
    if (buf.includes(0)) throw new Error(`${file} is a binary file`);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    const languageId = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
    const r = analyze(text, { languageId, style: currentStyle() });
    return { uri: p.uri, version: null, text, languageId, findings: r.findings, suppressed: r.suppressed, facts: r.facts };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The engine's language for an editor document (a news draft is checked as plain text). */
function engineLanguage(doc: TextDocument): string {
  return doc.languageId === 'newsdraft' ? 'plaintext' : doc.languageId;
}

function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export { pathToFileURL };

/** The server as a process of its own (dist/server.js, `copydesk lsp`): its background threads give way to
 *  the main thread first (lsp/thread-priority.ts). */
export function startServerProcess(): Connection {
  backgroundThreadsGiveWay();
  return startServer();
}

if (require.main === module) startServerProcess();
