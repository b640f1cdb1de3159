/**
 * The lint result of every open `.sft.yaml` document, kept per document version. Edits are
 * tracked as they arrive and applied with `FileLinter.update`, which re-checks only the pair
 * that changed; the first lint of a document, a guidelines change or an edit that cannot
 * be expressed as one window lints in full. Every language feature reads from here, so a
 * document is parsed once per version whatever asks for it. The workspace service
 * (SftWorkspace) hands it the edits and closes: it holds the one listener of each.
 */
import * as vscode from 'vscode';
import type { FileLintResult } from '../../core/lint';
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

interface DocState {
  current?: CurrentLint;
  /** Edits since `current`, or 'full' when they cannot be composed. */
  window?: EditWindow | 'full';
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
      if (state.guidelinesEpoch !== epoch || state.current !== fresh) continue;
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
          result = governedBy.linter.lint(text);
          this.stats.full++;
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
    if (!state?.current || state.window === 'full') return;
    state.window = composeChanges(state.window, e.contentChanges) ?? 'full';
  }
}
