/**
 * One open pair editor: its document, its webview and what the webview has been sent.
 * Intents run one at a time (a promise queue: two `applyEdit`s in flight fail with "has
 * changed in the meantime"), each re-resolved by pair id on the text as it is then. Every
 * change of the document, whatever made it (this editor, a text editor, undo/redo, a write
 * on disk), is pushed as a diff after a short pause, coalesced while one is being built.
 * Undo and redo are never answered with an edit: that would cut the redo stack. A card
 * commits each keystroke as its own edit; an undo of one keystroke of a run of typing is
 * followed by undos of the rest of the run, so the run is one undo step for the writer.
 */
import * as vscode from 'vscode';
import { documentEdit } from '../../core/edit/document-edit';
import { resolvePair, type IntentOf, type PairRef } from '../../core/edit/intent';
import { pairViews } from '../../core/parse/pair-view';
import type { TokenCounter } from '../../core/services';
import type { Problem } from '../../core/types';
import { settings } from '../config';
import { planEdits } from '../../core/edit/plan';
import type { PairModel } from '../../core/parse/model';
import { toEditIntent } from '../../shared/editor-intents';
import {
  parseFromWebview,
  protocolVersion,
  type EditorIntent,
  type FromWebview,
  type PairState,
  type ToWebview,
} from '../../shared/editor-protocol';
import { Disposable } from '../dispose';
import { epochNow, type PerfProbe } from '../perf';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import { applyPlanned } from '../workspace-edit';
import { diffRenderings, renderFile, type Rendering } from './pair-states';
import { choicesOf } from './choices';
import { TypingRuns } from './typing-runs';

/**
 * How long the document must be still before a push of a change made elsewhere (coalesces a
 * burst of events). A change of this editor's own intent is pushed at once: the writer waits
 * for its problems; keystrokes that come while a push is built are coalesced into the next.
 */
const PUSH_DELAY_MS = 30;

/** What a session needs from the extension. */
export interface SessionServices {
  docs: DocumentStore;
  /** A template pair (with a workspace-unique id) after `after`, else last. */
  newPair(doc: vscode.TextDocument, current: CurrentLint, after?: PairModel): IntentOf<'addPair'>;
  log: vscode.LogOutputChannel;
  tokens: TokenCounter;
  /** Where the webview's timing marks go (the benchmark reads them). */
  perf: PerfProbe;
  /** The file's problems from workspace rules (duplicate-id, near-duplicate), document offsets. */
  workspaceProblems(uri: vscode.Uri): readonly Problem[];
}

export class EditorSession extends Disposable {
  private queue: Promise<unknown> = Promise.resolve();
  private sent?: Rendering;
  private ackSeq = -1;
  private timer?: ReturnType<typeof setTimeout>;
  private pushing?: Promise<void>;
  private undoRedo = false;
  private readonly runs = new TypingRuns();
  /** Whether an edit of this editor is being applied (its change event is this editor's). */
  private applying = false;
  /** The run of typing of the edit being applied (its change event is tagged with it). */
  private applyingRun?: number;
  private ready = false;
  private readonly readyEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when the webview has asked for its state (it loaded and runs). */
  readonly onDidBecomeReady = this.readyEmitter.event;
  private readonly selectEmitter = this._register(new vscode.EventEmitter<PairRef>());
  /** Fires when the card shows another pair (the annotations view follows it). */
  readonly onDidSelect = this.selectEmitter.event;
  /** The pair the card shows, as the webview last said. */
  selected?: PairRef;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly services: SessionServices,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        const msg = parseFromWebview(m, (why) => services.log.warn(`[pair editor] ${why}`));
        if (msg) void this.receive(msg);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== document || !e.contentChanges.length) return;
        if (e.reason !== undefined) this.undoRedo = true;
        this.followRun(e);
        this.schedulePush(false, this.applying ? 0 : PUSH_DELAY_MS);
      }),
    );
  }

  /** Whether the webview has loaded and asked for its state. */
  get isReady(): boolean {
    return this.ready;
  }

  /** What the webview has been sent, in file order (for tests: the state it shows). */
  shownState(): { version: number; ackSeq: number; pairs: PairState[] } | undefined {
    const s = this.sent;
    if (!s) return undefined;
    return {
      version: this.sentVersion,
      ackSeq: this.ackSeq,
      pairs: s.order.map((k) => s.pairs.get(k)!.state),
    };
  }

  private sentVersion = -1;

  /** A message from the webview (or from a test acting as it). */
  receive(msg: FromWebview): Promise<unknown> {
    if (msg.type === 'ready') {
      if (msg.protocolVersion !== protocolVersion) {
        this.services.log.warn(`[pair editor] webview protocol ${msg.protocolVersion} ignored`);
        return Promise.resolve();
      }
      return (this.queue = this.queue.then(() => this.init()));
    }
    if (msg.type === 'select') {
      this.selected = msg.pair;
      this.selectEmitter.fire(msg.pair);
      return Promise.resolve();
    }
    if (msg.type === 'painted') {
      this.mark(msg);
      return Promise.resolve();
    }
    if (msg.type === 'tokens') {
      const answer = this.queue.then(() => this.tokens(msg.key, msg.pair));
      this.queue = answer.catch(() => undefined);
      return answer;
    }
    const { clientSeq, intent, run } = msg;
    if (msg.typedAt !== undefined) this.marks().typed = { at: msg.typedAt, clientSeq };
    return (this.queue = this.queue
      .then(() => this.apply(clientSeq, intent, run))
      .catch((e: unknown) => this.services.log.error(`[pair editor] intent failed: ${String(e)}`)));
  }

  /** This editor's timing marks (a fresh set when another pair editor marked last). */
  private marks() {
    const uri = this.document.uri.toString();
    const perf = this.services.perf;
    if (perf.pairEditor?.uri !== uri) perf.pairEditor = { uri };
    return perf.pairEditor;
  }

  private mark(msg: Extract<FromWebview, { type: 'painted' }>): void {
    if (msg.what === 'init')
      this.marks().painted = { at: msg.at, received: msg.received, heard: epochNow() };
    else this.marks().shown = { version: msg.version, at: msg.at };
  }

  private async current(): Promise<CurrentLint> {
    let c = await this.services.docs.current(this.document);
    while (c.version !== this.document.version && !this.document.isClosed)
      c = await this.services.docs.current(this.document);
    return c;
  }

  private async init(): Promise<void> {
    const start = epochNow();
    const c = await this.current();
    const g = c.governedBy.loaded.guidelines;
    const r = renderFile(c.result.model, this.problems(c), g);
    this.sent = r;
    this.sentVersion = c.version;
    this.ready = true;
    await this.post({
      type: 'init',
      protocolVersion,
      version: c.version,
      pairs: r.order.map((k) => r.pairs.get(k)!.state),
      fileProblems: r.fileProblems,
      choices: choicesOf(g),
      length: g.length,
    });
    this.marks().init = { start, posted: epochNow() };
    this.readyEmitter.fire();
  }

  /** Token counts of one pair, on the text as it is now (sent, and returned for tests). */
  private async tokens(key: string, ref: PairRef): Promise<ToWebview | undefined> {
    const c = await this.current();
    const pair = resolvePair(c.result.model, ref);
    if (!pair) return undefined;
    const g = c.governedBy.loaded.guidelines;
    const tokenizer = g.source ? g.response.tokenizer : settings(this.document.uri).tokenizer;
    const n = pairViews(c.result.model)[pair.index].tokens(this.services.tokens, tokenizer);
    const msg: ToWebview = { type: 'tokens', key, version: c.version, ...n, tokenizer };
    await this.post(msg);
    return msg;
  }

  /**
   * An intent, planned on the text as it is now and applied as one edit (one undo step). When
   * the text changed before VS Code took the edit, it is planned again once, on the new text.
   */
  private async apply(
    clientSeq: number,
    intent: EditorIntent,
    run?: number,
    retry = true,
  ): Promise<void> {
    const c = await this.current();
    const model = c.result.model;
    const out = toEditIntent(intent, {
      model,
      problems: this.problems(c),
      newPair: (after) => this.services.newPair(this.document, c, after),
    });
    this.ackSeq = Math.max(this.ackSeq, clientSeq);
    if ('refused' in out) {
      await this.post({ type: 'refused', clientSeq, reason: out.refused });
      return;
    }
    // Plain text: a snippet's tab stops belong to a text editor, not to a card.
    const edits = planEdits(model, out.intent).map((e) => documentEdit(e.start, e.end, e.newText));
    if (!edits.length) {
      // Nothing to change: the webview still learns its intent was seen.
      this.schedulePush(true);
      return;
    }
    this.applying = true;
    this.applyingRun = run;
    try {
      if (await applyPlanned(this.document, edits)) return;
    } finally {
      this.applying = false;
      this.applyingRun = undefined;
    }
    if (retry && this.document.version !== c.version)
      return this.apply(clientSeq, intent, run, false);
    this.services.log.warn(`[pair editor] VS Code did not take the edit of ${intent.kind}`);
    this.schedulePush(true);
  }

  /**
   * Keep the mirror of the undo stack, and after an undo (redo) of a keystroke whose run goes
   * on, undo (redo) once more: only while this document is the one the command reaches.
   */
  private followRun(e: vscode.TextDocumentChangeEvent): void {
    if (e.reason === undefined) return this.runs.edited(e.contentChanges, this.applyingRun);
    const undo = e.reason === vscode.TextDocumentChangeReason.Undo;
    const again = undo ? this.runs.undid(e.contentChanges) : this.runs.redid(e.contentChanges);
    const reached = this.panel.active || vscode.window.activeTextEditor?.document === this.document;
    if (again && reached) void vscode.commands.executeCommand(undo ? 'undo' : 'redo');
  }

  /**
   * The file's own problems and those of the workspace rules, as the Problems panel shows
   * them. The index answers only for the document version it indexed (else none: it tells
   * when it has caught up, and {@link workspaceProblemsChanged} pushes them then).
   */
  private problems(c: CurrentLint): readonly Problem[] {
    const across = this.services.workspaceProblems(this.document.uri);
    return across.length ? [...c.result.problems, ...across] : c.result.problems;
  }

  /** The workspace rules' problems of this file may have changed: push what differs. */
  workspaceProblemsChanged(): void {
    this.schedulePush();
  }

  private schedulePush(force = false, delay = PUSH_DELAY_MS): void {
    if (!this.ready) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.push(force), delay);
  }

  /** Send what changed since the last push (one push at a time; a newer change waits for it). */
  private async push(force: boolean): Promise<void> {
    if (this.pushing) {
      await this.pushing;
      return this.schedulePush(force);
    }
    this.pushing = (async () => {
      const c = await this.current();
      if (this.isDisposed) return;
      const g = c.governedBy.loaded.guidelines;
      const r = renderFile(c.result.model, this.problems(c), g, this.sent);
      const diff = diffRenderings(this.sent, r);
      const unchanged =
        !diff.changed.length && !diff.removed.length && !diff.order && !diff.fileProblems;
      if (unchanged && !force && c.version === this.sentVersion) return;
      this.sent = r;
      this.sentVersion = c.version;
      const undoRedo = this.undoRedo;
      this.undoRedo = false;
      await this.post({
        type: 'update',
        version: c.version,
        ackSeq: this.ackSeq,
        ...diff,
        undoRedo: undoRedo || undefined,
      });
    })().finally(() => (this.pushing = undefined));
    return this.pushing;
  }

  private async post(msg: ToWebview): Promise<void> {
    if (this.isDisposed) return;
    await this.panel.webview.postMessage(msg);
  }
}
