/**
 * The pair editor: a custom text editor for `.sft.yaml` over the same text document a text
 * editor shows. Thin over the core: the parse and lint come from the DocumentStore (cached
 * by version, shared with diagnostics), intents are planned by core's edit layer and applied
 * as one WorkspaceEdit each. Offered by "Reopen Editor With...", the editor title, the
 * command "SFT: Open in Pair Editor", and made the default by `sft.pairEditor.openByDefault`.
 * No Node API: the web build ships it as it is.
 */
import * as vscode from 'vscode';
import type { PairRef } from '../../core/edit/intent';
import { generateId } from '../../core/edit/map-edit';
import { insertPairIntent } from '../../core/pair-template';
import type { PairModel } from '../../core/parse/model';
import type { TokenCounter } from '../../core/services';
import { parseFromWebview } from '../../shared/editor-protocol';
import { filePrefix, type IdSource } from '../commands/pair-commands';
import { Disposable } from '../dispose';
import { epochNow, type PerfProbe } from '../perf';
import type { WorkspaceProblemSource } from '../lint/diagnostics';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import { valuesFor } from '../language/vocabulary';
import { EditorSession } from './editor-session';
import { pairEditorHtml } from './html';

/** The custom editor's view type (package.json `customEditors`). */
export const PAIR_EDITOR_VIEW_TYPE = 'sft.pairEditor';

/** The pair a pair editor shows. */
export interface PairSelection {
  document: vscode.TextDocument;
  pair: PairRef;
}

/** What the pair editor asks of the workspace. */
interface PairEditorWorkspace {
  /** Every id in the workspace (a new pair's id is new to all of them). */
  ids: IdSource;
  problems: WorkspaceProblemSource;
  /** The next change of `doc` is a key press in a card (see SftWorkspace.typingInCard). */
  typingInCard(doc: vscode.TextDocument): void;
}

export class PairEditorProvider extends Disposable implements vscode.CustomTextEditorProvider {
  private readonly sessions = new Map<string, EditorSession>();
  private readonly selectEmitter = this._register(new vscode.EventEmitter<PairSelection>());
  /** Fires when a pair editor's card shows another pair, or that editor comes to the front. */
  readonly onDidSelectPair = this.selectEmitter.event;

  static register(
    context: { extensionUri: vscode.Uri },
    docs: DocumentStore,
    workspace: PairEditorWorkspace,
    tokens: TokenCounter,
    log: vscode.LogOutputChannel,
    perf: PerfProbe,
  ): PairEditorProvider {
    return new PairEditorProvider(context.extensionUri, docs, workspace, tokens, log, perf);
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly docs: DocumentStore,
    private readonly workspace: PairEditorWorkspace,
    private readonly tokens: TokenCounter,
    private readonly log: vscode.LogOutputChannel,
    private readonly perf: PerfProbe,
  ) {
    super();
    // Cross-file problems (duplicate-id, near-duplicate) are on the cards as in the Problems
    // panel: a change of them in the index reaches the open editors of those files.
    this._register(
      workspace.problems.onDidChange((uris) => {
        for (const uri of uris) this.sessions.get(uri.toString())?.workspaceProblemsChanged();
      }),
    );
    this._register(
      vscode.window.registerCustomEditorProvider(PAIR_EDITOR_VIEW_TYPE, this, {
        webviewOptions: { retainContextWhenHidden: false },
        supportsMultipleEditorsPerDocument: false,
      }),
    );
    this._register(
      vscode.commands.registerCommand('sft.openPairEditor', (uri?: vscode.Uri) => this.open(uri)),
    );
    // Test seams (not in the command palette): post an intent as the webview would, and read
    // what the webview has been sent.
    this._register(
      vscode.commands.registerCommand(
        'sft.test.pairEditorPost',
        (uri: vscode.Uri, msg: unknown) => {
          const parsed = parseFromWebview(msg, (why) => log.warn(`[pair editor] ${why}`));
          return parsed && this.sessions.get(uri.toString())?.receive(parsed);
        },
      ),
    );
    this._register(
      vscode.commands.registerCommand('sft.test.pairEditorState', (uri: vscode.Uri) =>
        this.sessions.get(uri.toString())?.shownState(),
      ),
    );
    this._register(
      vscode.commands.registerCommand('sft.test.pairEditorReady', (uri: vscode.Uri) =>
        this.whenReady(uri),
      ),
    );
  }

  /** Open a file (else the active `.sft.yaml` editor's) in the pair editor. */
  private async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open a .sft.yaml file to edit it as pairs.');
      return;
    }
    await vscode.commands.executeCommand('vscode.openWith', target, PAIR_EDITOR_VIEW_TYPE);
  }

  /** Resolves once the pair editor of `uri` has loaded its webview and sent it its state. */
  private whenReady(uri: vscode.Uri): Promise<boolean> {
    return new Promise((resolve) => {
      const poll = () => {
        const s = this.sessions.get(uri.toString());
        if (s?.isReady) return resolve(true);
        if (s) {
          const sub = s.onDidBecomeReady(() => {
            sub.dispose();
            resolve(true);
          });
          return;
        }
        setTimeout(poll, 20);
      };
      poll();
    });
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    this.perf.pairEditor = { uri: document.uri.toString(), resolved: epochNow() };
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    const session = new EditorSession(document, panel, {
      docs: this.docs,
      log: this.log,
      tokens: this.tokens,
      perf: this.perf,
      workspaceProblems: this.workspace.problems,
      typingInCard: (doc) => this.workspace.typingInCard(doc),
      newPair: (doc, current, after) => this.newPair(doc, current, after),
    });
    const key = document.uri.toString();
    this.sessions.get(key)?.dispose();
    this.sessions.set(key, session);
    const select = (pair: PairRef | undefined) =>
      pair && this.selectEmitter.fire({ document, pair });
    const subs = [
      session.onDidSelect(select),
      panel.onDidChangeViewState((e) => e.webviewPanel.active && select(session.selected)),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      session.dispose();
      if (this.sessions.get(key) === session) this.sessions.delete(key);
    });
    panel.webview.html = pairEditorHtml(panel.webview, dist);
    session.prepare();
  }

  /** Insert Pair's template with a workspace-unique id, after `after` (else last). */
  private newPair(doc: vscode.TextDocument, current: CurrentLint, after?: PairModel) {
    const model = current.result.model;
    const g = current.governedBy.loaded.guidelines;
    const ids = new Set([
      ...model.pairs.map((p) => p.id).filter((x): x is string => !!x),
      ...this.workspace.ids(),
    ]);
    const near = after ?? model.pairs[model.pairs.length - 1];
    return insertPairIntent(model, {
      guidelines: g,
      id: generateId(ids, near?.id ?? filePrefix(doc.uri)),
      choicesOf: (key) => valuesFor(key, g)?.map((v) => v.value),
    });
  }

  override dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    super.dispose();
  }
}
