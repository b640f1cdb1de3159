/**
 * The Annotations view of the "SFT" container: a webview view with a picker per annotation
 * for the pair under the cursor of a text editor, or the pair the pair editor shows. It
 * follows whichever the writer used last; each pick is planned by core's edit layer (the pair
 * editor's intent translation) and applied as one minimal edit. No Node API: the web build
 * ships it as it is.
 */
import * as vscode from 'vscode';
import { documentEdit } from '../../core/edit/document-edit';
import { resolvePair, type PairRef } from '../../core/edit/intent';
import { planEdits } from '../../core/edit/plan';
import { handbookSection } from '../../core/handbook';
import { basename } from '../../core/paths';
import { pairAtOffset } from '../../core/pair-geometry';
import type { TokenCounter } from '../../core/services';
import {
  annotationsProtocolVersion,
  parseFromAnnotations,
  type FromAnnotations,
  type ShownPair,
  type ToAnnotations,
} from '../../shared/annotations-protocol';
import { toEditIntent } from '../../shared/editor-intents';
import type { EditorIntent } from '../../shared/editor-protocol';
import { settings } from '../config';
import { Disposable } from '../dispose';
import { findOpenDocument, isSftDocument } from '../documents';
import { webviewHtml } from '../editor/html';
import type { PairSelection } from '../editor/pair-editor-provider';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import { epochNow, painted, type PerfProbe } from '../perf';
import type { IndexService, WorkspaceCoverage } from '../workspace/index-service';
import { applyPlanned } from '../workspace-edit';
import { shownPair } from './shown-pair';

/** The view's id (package.json `views`, type webview). */
export const ANNOTATIONS_VIEW_ID = 'sft.annotations';

/** How long the document or cursor must be still before the view is sent the pair again. */
const SHOW_DELAY_MS = 40;

/** The pair the view follows: at a cursor, or as the pair editor names it. */
type Target =
  | { document: vscode.TextDocument; offset: number; from: 'text' }
  | { document: vscode.TextDocument; pair: PairRef; from: 'pairEditor' };

const NO_PAIR = 'Put the cursor in a pair of a .sft.yaml file, or select one in the pair editor.';

/** What the view needs from the extension. */
export interface AnnotationsServices {
  docs: DocumentStore;
  index: IndexService;
  tokens: TokenCounter;
  log: vscode.LogOutputChannel;
  /** Selections in the pair editor. */
  onDidSelectPair: vscode.Event<PairSelection>;
  /** A file's lint was published (the view shows that lint, never one of its own). */
  onDidLint: vscode.Event<vscode.Uri>;
  /** Where the view marks its updates for the benchmark. */
  perf: PerfProbe;
}

export class AnnotationsView extends Disposable implements vscode.WebviewViewProvider {
  private view?: vscode.WebviewView;
  private target?: Target;
  private timer?: ReturnType<typeof setTimeout>;
  private queue: Promise<unknown> = Promise.resolve();
  /** What the view was last sent (for tests: the state it shows). */
  private shown?: ToAnnotations;

  static register(
    context: { extensionUri: vscode.Uri },
    services: AnnotationsServices,
  ): AnnotationsView {
    return new AnnotationsView(context.extensionUri, services);
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly services: AnnotationsServices,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(vscode.window.registerWebviewViewProvider(ANNOTATIONS_VIEW_ID, this));
    this._register(
      vscode.window.onDidChangeTextEditorSelection((e) => this.followEditor(e.textEditor)),
    );
    this._register(
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.followEditor(e, true)),
    );
    this._register(
      services.onDidSelectPair((s) => this.follow({ ...s, from: 'pairEditor' }, true)),
    );
    // After an edit, the view waits for the lint the diagnostics publish: typing in a file of
    // 10,000 pairs costs no second lint.
    this._register(
      services.onDidLint((uri) => {
        if (uri.toString() === this.target?.document.uri.toString()) this.schedule(0);
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument(
        (d) => d === this.target?.document && this.schedule(0),
      ),
    );
    // Below-target marks follow the workspace's coverage, at once (the index already throttles
    // its notices): the budget is a save to the view updated within 300 ms.
    this._register(services.index.onDidChangeCoverage(() => this.schedule(0)));
    const editor = vscode.window.activeTextEditor;
    if (editor) this.followEditor(editor);
    // Test seams (not in the command palette): what the view was last sent, and a message
    // posted as the webview would.
    this._register(vscode.commands.registerCommand('sft.test.annotationsState', () => this.shown));
    this._register(
      vscode.commands.registerCommand('sft.test.annotationsPost', (msg: unknown) => {
        const parsed = parseFromAnnotations(msg, (why) =>
          services.log.warn(`[annotations] ${why}`),
        );
        return parsed && this.receive(parsed);
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    this.view = view;
    const subs = [
      view.webview.onDidReceiveMessage((m: unknown) => {
        const msg = parseFromAnnotations(m, (why) =>
          this.services.log.warn(`[annotations] ${why}`),
        );
        if (msg) void this.receive(msg);
      }),
      view.onDidChangeVisibility(() => view.visible && this.schedule()),
    ];
    view.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.view === view) this.view = undefined;
    });
    view.webview.html = webviewHtml(view.webview, dist, {
      name: 'annotations',
      title: 'Annotations',
      testid: 'annotations-view',
    });
  }

  private followEditor(editor: vscode.TextEditor, now = false): void {
    if (!isSftDocument(editor.document)) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    this.follow({ document: editor.document, offset, from: 'text' }, now);
  }

  private follow(target: Target, now: boolean): void {
    this.target = target;
    this.schedule(now ? 0 : SHOW_DELAY_MS);
  }

  private schedule(delay = SHOW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.enqueue(() => this.show()), delay);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(job).catch((e: unknown) => {
      this.services.log.error(`[annotations] ${String(e)}`);
      return undefined;
    });
    this.queue = run;
    return run;
  }

  /** A message from the webview (or from a test acting as it). */
  receive(msg: FromAnnotations): Promise<unknown> {
    switch (msg.type) {
      case 'ready':
        if (msg.protocolVersion !== annotationsProtocolVersion) return Promise.resolve();
        return this.enqueue(() => this.show());
      case 'pick':
        return this.enqueue(() =>
          this.apply(
            msg.uri,
            msg.pair,
            msg.value === null
              ? { kind: 'setField', pair: msg.pair, key: msg.key, value: null }
              : { kind: 'setAnnotation', pair: msg.pair, key: msg.key, value: msg.value },
          ),
        );
      case 'applyFix':
        return this.enqueue(() =>
          this.apply(msg.uri, msg.pair, {
            kind: 'applyFix',
            pair: msg.pair,
            rule: msg.rule,
            title: msg.title,
          }),
        );
      case 'openHandbook':
        return this.enqueue(() => this.openHandbook(msg.uri, msg.key, msg.value));
      case 'painted':
        this.services.perf.annotations.painted = painted(msg);
        return Promise.resolve();
    }
  }

  private async current(doc: vscode.TextDocument): Promise<CurrentLint> {
    let c = await this.services.docs.current(doc);
    while (c.version !== doc.version && !doc.isClosed) c = await this.services.docs.current(doc);
    return c;
  }

  /**
   * Send the view the pair it follows, from the document's last published lint. While a newer
   * version is being linted the view keeps what it shows; the publish brings it up to date.
   */
  private async show(): Promise<void> {
    if (!this.view?.visible) return;
    const target = this.target;
    let pair: ShownPair | null = null;
    let counted: WorkspaceCoverage | undefined;
    if (target && !target.document.isClosed) {
      const doc = target.document;
      const c = this.services.docs.peek(doc.uri);
      if (!c || (c.version !== doc.version && settings(doc.uri).lintOnType)) return;
      const index = this.services.index;
      counted = index.isBuilt ? await index.coverage() : undefined;
      pair = await this.render(target, c, counted);
    }
    const coverageVersion = pair ? counted?.version : undefined;
    const msg: ToAnnotations = { type: 'show', pair, empty: NO_PAIR, coverageVersion };
    this.shown = msg;
    if (coverageVersion !== undefined)
      this.services.perf.annotations.posted = { coverage: coverageVersion, at: epochNow() };
    await this.view?.webview.postMessage(msg);
  }

  private async render(
    target: Target,
    c: CurrentLint,
    counted: WorkspaceCoverage | undefined,
  ): Promise<ShownPair | null> {
    const doc = target.document;
    const model = c.result.model;
    const pair =
      'offset' in target ? pairAtOffset(model, target.offset) : resolvePair(model, target.pair);
    if (!pair) return null;
    const g = c.governedBy.loaded.guidelines;
    return shownPair(pair, {
      uri: doc.uri.toString(),
      file: basename(doc.uri.path),
      version: c.version,
      model,
      problems: c.result.problems,
      guidelines: g,
      coverage: counted?.coverage,
      tokens: this.services.tokens,
      tokenizer: g.source ? g.response.tokenizer : settings(doc.uri).tokenizer,
      from: target.from,
    });
  }

  /** A pick or fix, planned on the text as it is now and applied as one edit (one undo step). */
  private async apply(uri: string, ref: PairRef, intent: EditorIntent): Promise<boolean> {
    const doc = findOpenDocument(vscode.Uri.parse(uri));
    if (!doc || doc.isClosed) return this.refuse('The file is no longer open.');
    for (let attempt = 0; attempt < 2; attempt++) {
      const c = await this.current(doc);
      const model = c.result.model;
      if (!resolvePair(model, ref)) break;
      const out = toEditIntent(intent, {
        model,
        problems: c.result.problems,
        newPair: () => {
          throw new Error('the annotations view adds no pairs');
        },
      });
      if ('refused' in out) return this.refuse(out.refused);
      const edits = planEdits(model, out.intent).map((e) =>
        documentEdit(e.start, e.end, e.newText),
      );
      // The document changed before VS Code took the edit: plan once more, on the new text.
      if (await applyPlanned(doc, edits)) return true;
    }
    return this.refuse('The pair is no longer in the file (or its id is no longer unique there).');
  }

  private async refuse(reason: string): Promise<false> {
    await this.view?.webview.postMessage({ type: 'refused', reason } satisfies ToAnnotations);
    this.schedule(0);
    return false;
  }

  /**
   * Open the guidelines' handbook, a Markdown file beside them, in a text editor at the
   * heading of the value's section. A web address is not opened (SECURITY.md: no external
   * links from the writers' files); the view shows it as text instead.
   */
  private async openHandbook(uri: string, key: string, value: string): Promise<boolean> {
    const doc = findOpenDocument(vscode.Uri.parse(uri));
    if (!doc) return false;
    const governed = (this.services.docs.peek(doc.uri) ?? (await this.current(doc))).governedBy;
    const handbook = governed.loaded.guidelines.handbook;
    if (!handbook || !governed.uri) return false;
    if (/^[a-z][a-z0-9+.-]*:/i.test(handbook))
      return this.refuse(`The handbook is a web address, opened outside VS Code: ${handbook}`);
    const file = vscode.Uri.joinPath(governed.uri, '..', handbook.split('#')[0]);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return this.refuse(`The handbook ${handbook} could not be read.`);
    }
    const at = new vscode.Position(handbookSection(text, key, value)?.line ?? 0, 0);
    await vscode.window.showTextDocument(file, { selection: new vscode.Range(at, at) });
    return true;
  }
}
