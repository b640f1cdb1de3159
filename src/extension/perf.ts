/**
 * Timing figures of the extension's own work, read by the benchmark suite through the test
 * API (`SftApi.perf`). Recording is a couple of `performance.now()` calls and field writes
 * per lint or index update, next to work of milliseconds: nothing is kept beyond the last
 * figure of each kind, and nothing runs when nobody reads them.
 */

/** The last debounced lint of an open document, from timer start to diagnostics set. */
export interface LintTiming {
  uri: string;
  version: number;
  /**
   * The extension's work for this version: linting it (whoever asked first: diagnostics,
   * CodeLens, the index) plus merging workspace problems, converting and
   * `DiagnosticCollection.set`, from the debounced lint's start.
   */
  ms: number;
  /** Of which: linting (incremental update or full lint) inside `DocumentStore.current`. */
  lintMs: number;
  /** Whether the lint was incremental (`FileLinter.update`). */
  incremental: boolean;
}

/** The last update of the workspace index for one file. */
export interface IndexTiming {
  uri: string;
  /** Re-indexing the file (`WorkspaceIndex.setFile`, workspace listeners included). */
  ms: number;
  pairs: number;
}

/**
 * The pair editor's last marks, in epoch ms (`performance.timeOrigin + now()`: the webview's
 * clock and the extension host's are one machine's, so a keystroke in the webview and a
 * document change in the host compare).
 */
export interface PairEditorTiming {
  uri: string;
  /**
   * When VS Code handed the provider the document (`resolveCustomTextEditor`): what comes
   * before is VS Code reading the file into its text model and the document's open events.
   */
  resolved?: number;
  /** The webview's `ready` handled: when the host began the state and when it had posted it. */
  init?: { start: number; posted: number };
  /**
   * The webview's first frame with its list and card (`at`), when the state arrived in the
   * webview (`received`), and when the host heard of the frame.
   */
  painted?: { at: number; received: number; heard: number };
  /**
   * The last intent that carried typing: when its first keystroke was typed in the card, when
   * the host received the intent, and when it handed VS Code the edit (`applyEdit` called).
   */
  typed?: { at: number; clientSeq: number; heard: number; applying?: number };
  /** The last push the card has drawn: its document version and when the frame was out. */
  shown?: { version: number; at: number };
}

/**
 * A surface's last update after a change of the workspace's coverage, in epoch ms: the
 * index's coverage version it was built from (`IndexService`'s counter), when the host posted
 * it, and when the webview's frame with it was out (the webview says so, `painted`).
 * @usedBy tests
 */
export interface CoverageUpdateTiming {
  posted?: { coverage: number; at: number };
  painted?: { coverage: number; at: number; received: number };
}

/** A webview's `painted` message as the probe keeps it. */
export function painted(msg: { coverageVersion: number; at: number; received: number }): {
  coverage: number;
  at: number;
  received: number;
} {
  return { coverage: msg.coverageVersion, at: msg.at, received: msg.received };
}

/** Epoch ms now, with the sub-millisecond part (what the webview's marks are in). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Mutable figures, one slot per kind. */
export class PerfProbe {
  /** `activate()` start to return, ms. */
  activateMs = 0;
  /** The last debounced lint of an open document. */
  lastLint?: LintTiming;
  /** The last index update of one file. */
  lastIndexUpdate?: IndexTiming;
  /** The first full index build: ms from its start, and what it indexed. */
  indexBuild?: { ms: number; files: number; pairs: number };
  /** The last status bar update: coverage (re)computation and text, ms. */
  lastStatusBarMs = 0;
  /** The last pair editor's marks (the one opened last). */
  pairEditor?: PairEditorTiming;
  /** The index's last change of coverage: its new coverage version, and when (epoch ms). */
  coverageChange?: { version: number; at: number };
  /** The coverage report's last update. */
  coverageReport: CoverageUpdateTiming = {};
  /** The annotations view's last update. */
  annotations: CoverageUpdateTiming = {};
  /** The Coverage view's last answer for its top level: the coverage version and when (epoch ms). */
  coverageTree?: { coverage: number; at: number };
}
