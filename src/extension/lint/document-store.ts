/**
 * The lint result of every open `.sft.yaml` document, kept per document version. Edits are
 * tracked as they arrive and applied with `FileLinter.update`, which re-checks only the pair
 * that changed; the first lint of a document, a guidelines change or an edit that cannot
 * be expressed as one window lints in full. Every language feature reads from here, so a
 * document is parsed once per version whatever asks for it. The workspace service
 * (SftWorkspace) hands it the edits and closes: it holds the one listener of each.
 *
 * A full lint of a large document is spread over turns of the extension host's event loop
 * (a few pairs a turn), so a pair editor opening on it, or any other extension, is not kept
 * waiting for seconds; edits that arrive meanwhile are kept for an incremental update of the
 * result. The parse comes first and is there for whoever only needs the pairs.
 */
import * as vscode from 'vscode';
import type { FileLinter, FileLintResult } from '../../core/lint';
import { parseSft, type SftFileModel } from '../../core/parse/parse';
import { Disposable } from '../dispose';
import { isSftDocument } from '../documents';
import { composeChanges, type EditWindow } from '../../core/text/edit-window';
import type { GovernedBy, GuidelinesStore } from './guidelines-store';

/**
 * The document's text as the linted text with the window's edit: only the window is read from
 * the document (a copy of a whole large document per keystroke costs more than its lint).
 * Undefined when the result would not be as long as the document (then read it all).
 */
function editedText(
  doc: vscode.TextDocument,
  reuse: CurrentLint,
  w: EditWindow | 'full',
): { edit: { start: number; end: number; newText: string }; text: string } | undefined {
  if (w === 'full') return undefined;
  const old = reuse.result.model.text;
  const newText = doc.getText(new vscode.Range(doc.positionAt(w.start), doc.positionAt(w.newEnd)));
  const text = old.slice(0, w.start) + newText + old.slice(w.oldEnd);
  const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  if (text.length !== length || newText.length !== w.newEnd - w.start) return undefined;
  return { edit: { start: w.start, end: w.oldEnd, newText }, text };
}

/** A document's lint result at one version. */
export interface CurrentLint {
  version: number;
  result: FileLintResult;
  governedBy: GovernedBy;
  /** Time spent linting this version (0 when the previous result was reused). */
  lintMs: number;
  /** Whether this version came from an incremental update. */
  incremental: boolean;
}

/** A full lint longer than this many pairs is spread over turns of the event loop. */
const LINT_IN_TURNS_PAIRS = 200;
/** How long one turn of a lint in turns may run before it lets other work in (ms). */
const TURN_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface DocState {
  current?: CurrentLint;
  /**
   * Edits since `current` (since the running full lint's text while one runs), or 'full'
   * when they cannot be composed.
   */
  window?: EditWindow | 'full';
  /** A full lint in turns, running: its document version, its parse and its end. */
  running?: { version: number; model: SftFileModel; done: Promise<unknown> };
  /** The parse of a version not linted yet (for {@link DocumentStore.parsed}), which its lint takes. */
  parsed?: { version: number; model: SftFileModel };
  /** Incremented when the governing guidelines change. */
  guidelinesEpoch: number;
  /** The epoch `current` was linted under. */
  epochSeen?: number;
}

/** Counters for tests and diagnostics of the extension itself. */
export interface LintStats {
  full: number;
  incremental: number;
}

export class DocumentStore extends Disposable {
  private readonly states = new Map<string, DocState>();
  readonly stats: LintStats = { full: 0, incremental: 0 };

  constructor(private readonly guidelines: GuidelinesStore) {
    super();
    this._register(
      guidelines.onDidChange((key) => {
        for (const s of this.states.values()) {
          if (
            key === undefined ||
            s.current?.governedBy.key === key ||
            s.current?.governedBy.key === undefined
          )
            s.guidelinesEpoch++;
        }
      }),
    );
  }

  /** The lint result for the document's current version (lints now if needed). */
  async current(doc: vscode.TextDocument): Promise<CurrentLint> {
    const key = doc.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { guidelinesEpoch: 0 };
      this.states.set(key, state);
    }
    for (;;) {
      if (state.running) {
        // One full lint at a time: its result, with the edits made meanwhile, is the base.
        await state.running.done.catch(() => undefined);
        continue;
      }
      const epoch = state.guidelinesEpoch;
      const fresh = state.current;
      if (fresh && fresh.version === doc.version && !this.stale(state, epoch)) return fresh;
      const governedBy =
        fresh && !this.stale(state, epoch)
          ? fresh.governedBy
          : await this.guidelines.forUri(doc.uri);
      if (doc.isClosed) throw new vscode.CancellationError();
      // A guidelines change while loading: resolve again. Another caller that linted this
      // version while we waited: take its result rather than lint the version a second time.
      if (state.guidelinesEpoch !== epoch || state.current !== fresh || state.running) continue;
      const reuse =
        fresh && fresh.governedBy === governedBy && state.window !== 'full' ? fresh : undefined;
      let result: FileLintResult;
      const started = performance.now();
      let incremental = false;
      const edited = reuse && state.window ? editedText(doc, reuse, state.window) : undefined;
      if (reuse && edited) {
        result = governedBy.linter.update(reuse.result, [edited.edit], edited.text);
        this.stats.incremental++;
        incremental = true;
      } else {
        const text = doc.getText();
        if (reuse && reuse.result.model.text === text) result = reuse.result;
        else {
          const model = this.parseOf(state, doc.version, text);
          this.stats.full++;
          if (model.pairs.length > LINT_IN_TURNS_PAIRS) {
            const version = doc.version;
            try {
              await this.lintInTurns(doc, state, version, model, governedBy.linter);
              state.current = {
                version,
                result: governedBy.linter.lintModel(model),
                governedBy,
                lintMs: performance.now() - started,
                incremental: false,
              };
              state.epochSeen = epoch;
            } finally {
              state.running = undefined;
            }
            // The edits made meanwhile are in `window`: the loop brings the result up to date.
            continue;
          }
          result = governedBy.linter.lintModel(model);
        }
      }
      state.current = {
        version: doc.version,
        result,
        governedBy,
        lintMs: performance.now() - started,
        incremental,
      };
      state.window = undefined;
      state.epochSeen = epoch;
      return state.current;
    }
  }

  /**
   * The parsed pairs of a large document's current version without waiting for its lint
   * (which runs in turns): the parse a lint is running on or will take. Undefined when a lint
   * result is there or quick to get: an older result to update, or a small document.
   */
  parsed(doc: vscode.TextDocument): SftFileModel | undefined {
    const state = this.states.get(doc.uri.toString());
    const c = state?.current;
    if (c?.version === doc.version) return undefined;
    if (state?.running?.version === doc.version) return state.running.model;
    if (c && state?.window !== 'full') return undefined;
    const s = state ?? { guidelinesEpoch: 0 };
    this.states.set(doc.uri.toString(), s);
    if (s.parsed?.version !== doc.version)
      s.parsed = { version: doc.version, model: parseSft(doc.getText()) };
    return s.parsed.model.pairs.length > LINT_IN_TURNS_PAIRS ? s.parsed.model : undefined;
  }

  /** The guidelines that govern the document (what its lint is made with). */
  governedBy(doc: vscode.TextDocument): Promise<GovernedBy> {
    return this.guidelines.forUri(doc.uri);
  }

  /** The parse of `text` at `version`: the one {@link parsed} made, else a new one. */
  private parseOf(state: DocState, version: number, text: string): SftFileModel {
    const p = state.parsed;
    state.parsed = undefined;
    return p?.version === version && p.model.text === text ? p.model : parseSft(text);
  }

  /**
   * Check the model's pairs a few at a time, yielding between turns; edits made meanwhile
   * are composed into `window` from this version on. Stops when the document is closed.
   */
  private lintInTurns(
    doc: vscode.TextDocument,
    state: DocState,
    version: number,
    model: SftFileModel,
    linter: FileLinter,
  ): Promise<void> {
    state.window = undefined;
    state.parsed = undefined;
    const done = (async () => {
      let i = 0;
      while (i < model.pairs.length) {
        const until = performance.now() + TURN_MS;
        while (i < model.pairs.length && performance.now() < until) {
          linter.checkPairs(model, i, i + 8);
          i += 8;
        }
        await nextTurn();
        // A document closed meanwhile: its lint is of no use to anyone.
        if (doc.isClosed) throw new vscode.CancellationError();
      }
    })();
    state.running = { version, model, done };
    return done;
  }

  /** The last result, whatever its version (for cheap, approximate reads). */
  peek(uri: vscode.Uri): CurrentLint | undefined {
    return this.states.get(uri.toString())?.current;
  }

  private stale(state: DocState, epoch: number): boolean {
    return state.epochSeen !== epoch;
  }

  /** A closed document's state is dropped. */
  forget(uri: vscode.Uri): void {
    this.states.delete(uri.toString());
  }

  /** Record an edit of a `.sft.yaml` document, for the next incremental lint. */
  track(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length || !isSftDocument(e.document)) return;
    const state = this.states.get(e.document.uri.toString());
    if ((!state?.current && !state?.running) || state.window === 'full') return;
    state.window = composeChanges(state.window, e.contentChanges) ?? 'full';
  }
}
