/**
 * One open pair editor: its document, its webview and what the webview has been sent.
 * Intents run one at a time (a promise queue: two `applyEdit`s in flight fail with "has
 * changed in the meantime"), each re-resolved by pair id on the text as it is then. Every
 * change of the document, whatever made it (this editor, a text editor, undo/redo, a write
 * on disk), is pushed as a diff after a short pause, coalesced while one is being built.
 * Undo and redo are never answered with an edit: that would cut the redo stack. A card
 * commits each keystroke as its own edit; an undo of one keystroke of a run of typing is
 * followed by undos of the rest of the run, so the run is one undo step for the writer.
 *
 * The list gets rows, and only the pair the card shows comes whole. A large document is shown
 * once parsed: its lint runs in turns after the first paint, and its problems follow.
 */
import * as vscode from 'vscode';
import { documentEdit, trimmedEdit } from '../../core/edit/document-edit';
import { resolvePair, type IntentOf, type PairRef } from '../../core/edit/intent';
import { pairRange, pairView } from '../../core/parse/pair-view';
import type { TokenCounter } from '../../core/services';
import type { Problem } from '../../core/types';
import type { Guidelines } from '../../core/guidelines';
import { settings } from '../config';
import { planEdits } from '../../core/edit/plan';
import type { PairModel } from '../../core/parse/model';
import { toEditIntent } from '../../shared/editor-intents';
import {
  parseFromWebview,
  protocolVersion,
  toRowTable,
  type EditorIntent,
  type FromWebview,
  type PairState,
  type ToWebview,
} from '../../shared/editor-protocol';
import { Disposable } from '../dispose';
import { epochNow, type PerfProbe } from '../perf';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import type { WorkspaceProblemSource } from '../lint/diagnostics';
import { shiftProblem } from '../../core/edit/apply';
import type { SftFileModel } from '../../core/parse/parse';
import { applyPlanned } from '../workspace-edit';
import {
  cardChanged,
  diffRenderings,
  pairIndexAt,
  pairState,
  renderFile,
  searchPairs,
  type Rendering,
} from './pair-states';
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
  workspaceProblems: Pick<WorkspaceProblemSource, 'problemsFor' | 'isCurrent'>;
  /** The edit about to be applied is a key press in the card (the workspace waits for a pause). */
  typingInCard(doc: vscode.TextDocument): void;
}

/** What the webview was last sent: the rendering and the guidelines it was made with. */
interface Sent {
  rendering: Rendering;
  guidelines: Guidelines;
  version: number;
  /** Whether the problems are the lint's (else the rows were sent before the lint was done). */
  linted: boolean;
}

export class EditorSession extends Disposable {
  private queue: Promise<unknown> = Promise.resolve();
  private sent?: Sent;
  /** The first state, built while the webview loads (see {@link prepare}). */
  private prepared?: Promise<Sent | undefined>;
  /** The key of the pair the webview's card shows (it comes whole in pushes). */
  private cardKey?: string;
  /** The index's workspace problems of this file when it last had the document's version. */
  private across?: {
    model: SftFileModel;
    problems: readonly Problem[];
    /** Its pairs' ranges, once asked for. */
    ranges?: ReturnType<typeof pairRange>[];
  };
  /** The webview's text search, while one is active (answered again after each push). */
  private search?: { seq: number; query: string };
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

  /**
   * Every pair whole as of what the webview has been sent, in file order (for tests: the
   * rows it lists, and the card it would show for each).
   */
  shownState(): { version: number; ackSeq: number; pairs: PairState[] } | undefined {
    const s = this.sent;
    if (!s) return undefined;
    const r = s.rendering;
    return {
      version: s.version,
      ackSeq: this.ackSeq,
      pairs: r.order.map((k) => pairState(r, k, s.guidelines)!),
    };
  }

  /** A message from the webview (or from a test acting as it). */
  receive(msg: FromWebview): Promise<unknown> {
    if (msg.type === 'ready') {
      if (msg.protocolVersion !== protocolVersion) {
        this.services.log.warn(`[pair editor] webview protocol ${msg.protocolVersion} ignored`);
        return Promise.resolve();
      }
      const { selected, search } = msg;
      this.search = search?.query ? search : undefined;
      return (this.queue = this.queue.then(() => this.init(selected)));
    }
    if (msg.type === 'select') {
      this.selected = msg.pair;
      this.cardKey = msg.key;
      this.selectEmitter.fire(msg.pair);
      return (this.queue = this.queue.then(() => this.sendCard(msg.key)));
    }
    if (msg.type === 'search') {
      this.search = msg.query ? { seq: msg.seq, query: msg.query } : undefined;
      return (this.queue = this.queue.then(() => this.sendFound(msg.seq, msg.query)));
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
    if (msg.typedAt !== undefined)
      this.marks().typed = { at: msg.typedAt, clientSeq, heard: epochNow() };
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

  /**
   * The webview's first state: every pair's row and the card's pair whole. A large document
   * not linted yet is sent as parsed (no problems), and its problems follow in a push.
   */
  private async init(selected?: string): Promise<void> {
    const start = epochNow();
    const prepared = this.prepared;
    this.prepared = undefined;
    let sent = await prepared?.catch(() => undefined);
    if (sent?.version !== this.document.version) sent = await this.firstState();
    const r = sent.rendering;
    this.sent = sent;
    this.ready = true;
    this.cardKey = selected !== undefined && r.pairs.has(selected) ? selected : r.order[0];
    // The card shows this pair from the first frame on (the webview does not say so again).
    const shown = this.cardKey === undefined ? undefined : r.pairs.get(this.cardKey)!.row.ref;
    if (shown) {
      this.selected = shown;
      this.selectEmitter.fire(shown);
    }
    await this.post({
      type: 'init',
      protocolVersion,
      version: sent.version,
      rows: toRowTable(r.order.map((k) => r.pairs.get(k)!.row)),
      card: this.cardKey === undefined ? undefined : pairState(r, this.cardKey, sent.guidelines),
      found: this.search && {
        seq: this.search.seq,
        keys: searchPairs(r, this.search.query),
      },
      fileProblems: r.fileProblems,
      choices: choicesOf(sent.guidelines),
      length: sent.guidelines.length,
      linted: sent.linted,
    });
    this.marks().init = { start, posted: epochNow() };
    this.readyEmitter.fire();
    // What changed since the state was built (workspace problems, while the page loaded), or a
    // large file's problems when its lint (in turns from here) is done.
    this.schedulePush(false, 0);
  }

  /**
   * Build the first state while the webview page loads (the provider calls this when VS Code
   * hands it the document): `ready` then only has to post it.
   */
  prepare(): void {
    // Two turns later: VS Code sends the answer to the resolve (which it waits for before it
    // shows the webview) a turn after the provider returns, and building the state of a large
    // file holds the host for a while.
    const later = () => new Promise((resolve) => setTimeout(resolve, 0));
    this.prepared = later()
      .then(later)
      .then(() => (this.isDisposed ? undefined : this.firstState()));
    this.prepared.catch(() => undefined);
  }

  /** Every pair's row: as parsed for a large document not linted yet, else with its problems. */
  private async firstState(): Promise<Sent> {
    const docs = this.services.docs;
    const governed = await docs.governedBy(this.document);
    const model = docs.parsed(this.document);
    if (model) {
      const g = governed.loaded.guidelines;
      return {
        rendering: renderFile(model, [], g),
        guidelines: g,
        version: this.document.version,
        linted: false,
      };
    }
    const c = await this.current();
    const g = c.governedBy.loaded.guidelines;
    const rendering = renderFile(c.result.model, this.problems(c), g);
    return { rendering, guidelines: g, version: c.version, linted: true };
  }

  /** The pair `key` whole, as last sent (the answer to `select`). */
  private async sendCard(key: string): Promise<void> {
    const s = this.sent;
    const state = s && pairState(s.rendering, key, s.guidelines);
    if (state) await this.post({ type: 'card', version: s.version, state });
  }

  /** The pairs whose id or text holds `query`, as last sent (the answer to `search`). */
  private async sendFound(seq: number, query: string): Promise<void> {
    const s = this.sent;
    if (!s) return;
    const keys = searchPairs(s.rendering, query);
    await this.post({ type: 'found', seq, version: s.version, keys });
  }

  /** Token counts of one pair, on the text as it is now (sent, and returned for tests). */
  private async tokens(key: string, ref: PairRef): Promise<ToWebview | undefined> {
    const c = await this.current();
    const pair = resolvePair(c.result.model, ref);
    if (!pair) return undefined;
    const g = c.governedBy.loaded.guidelines;
    const tokenizer = g.source ? g.response.tokenizer : settings(this.document.uri).tokenizer;
    const n = pairView(c.result.model, pair).tokens(this.services.tokens, tokenizer);
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
    const problems = () => this.problems(c);
    const out = toEditIntent(intent, {
      model,
      // Only a quick fix is looked up among them: a keystroke does not gather them.
      get problems() {
        return problems();
      },
      newPair: (after) => this.services.newPair(this.document, c, after),
    });
    this.ackSeq = Math.max(this.ackSeq, clientSeq);
    if ('refused' in out) {
      await this.post({ type: 'refused', clientSeq, reason: out.refused });
      return;
    }
    // Plain text: a snippet's tab stops belong to a text editor, not to a card.
    const edits = planEdits(model, out.intent).map((e) =>
      trimmedEdit(model.text, documentEdit(e.start, e.end, e.newText)),
    );
    if (!edits.length) {
      // Nothing to change: the webview still learns its intent was seen.
      this.schedulePush(true);
      return;
    }
    const typed = this.services.perf.pairEditor?.typed;
    if (typed?.clientSeq === clientSeq) typed.applying = epochNow();
    if (run !== undefined) this.services.typingInCard(this.document);
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
   * them. The index answers only for the document version it indexed: until it has caught up
   * with an edit (a pause later; it tells, and {@link workspaceProblemsChanged} pushes then),
   * the pairs the edit did not touch keep the problems it gave last, moved with their pair.
   */
  private problems(c: CurrentLint): readonly Problem[] {
    const source = this.services.workspaceProblems;
    const model = c.result.model;
    let across: readonly Problem[];
    if (source.isCurrent(this.document.uri)) {
      across = source.problemsFor(this.document.uri);
      this.across = { model, problems: across };
    } else across = this.carried(model);
    return across.length ? [...c.result.problems, ...across] : c.result.problems;
  }

  /** The index's last workspace problems of pairs `model` shares (same memo) with their model. */
  private carried(model: SftFileModel): readonly Problem[] {
    const last = this.across;
    if (!last?.problems.length || last.model === model) return last?.problems ?? [];
    last.ranges ??= last.model.pairs.map(pairRange);
    const was = last.ranges;
    let byMemo: Map<unknown, PairModel> | undefined;
    const out: Problem[] = [];
    for (const p of last.problems) {
      const i = pairIndexAt(was, p.start);
      if (i === undefined) continue;
      const memo = last.model.pairs[i].memo;
      // The pair is where it was unless pairs were added or removed before it.
      let pair: PairModel | undefined = model.pairs[i];
      if (pair?.memo !== memo) {
        byMemo ??= new Map(model.pairs.map((q) => [q.memo, q]));
        pair = byMemo.get(memo);
      }
      if (!pair) continue;
      const delta = pairRange(pair).start - was[i].start;
      out.push(delta ? shiftProblem(p, delta) : p);
    }
    return out;
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
      const before = this.sent;
      const r = renderFile(c.result.model, this.problems(c), g, before?.rendering);
      const diff = diffRenderings(before?.rendering, r);
      const unchanged =
        !diff.changed.length && !diff.removed.length && !diff.order && !diff.fileProblems;
      const linted = before?.linted === false;
      if (unchanged && !force && !linted && c.version === before?.version) return;
      this.sent = { rendering: r, guidelines: g, version: c.version, linted: true };
      const key = this.cardKey;
      const card =
        key !== undefined && (force || cardChanged(before?.rendering, r, key))
          ? pairState(r, key, g)
          : undefined;
      const undoRedo = this.undoRedo;
      this.undoRedo = false;
      await this.post({
        type: 'update',
        version: c.version,
        ackSeq: this.ackSeq,
        ...diff,
        card,
        linted: linted || undefined,
        undoRedo: undoRedo || undefined,
      });
      if (this.search) await this.sendFound(this.search.seq, this.search.query);
    })().finally(() => (this.pushing = undefined));
    return this.pushing;
  }

  private async post(msg: ToWebview): Promise<void> {
    if (this.isDisposed) return;
    await this.panel.webview.postMessage(msg);
  }
}
