/** The figures the benchmark suite measures in the extension host (the JSON it writes). */

/** Median, p95 and the samples of a series of ms. */
export interface Series {
  median: number;
  p95: number;
  samples: number[];
}

export interface HostFigures {
  vscode: string;
  node: string;
  workspace: { files: number; pairs: number; bytes: number };
  /** `activate()` start to return. */
  activateMs: number;
  /** openTextDocument of a closed 4 MB file to its first diagnostics (test-side clock). */
  firstDiagnosticsMs: number;
  /** The extension's first lint of that file (its part of the above). */
  firstLintMs: number;
  /** One-character edits of a 4 MB file: debounced lint start to diagnostics set. */
  keystroke: {
    fileMB: number;
    debounceMs: number;
    work: Series;
    lint: Series;
    incremental: number;
    edit: Series;
    indexUpdate: Series;
  };
  /** Save of an edited open file that changes a length bucket, to the new status bar text. */
  saveToStatusBar: Series;
  /** A closed file changed on disk: watcher event to the new status bar text. */
  watcherToStatusBar: Series;
  /** Disk changes whose new counts never reached the status bar (15 s). */
  watcherMissed: number;
  /** The status bar's own coverage + text update, during the saves. */
  statusBarUpdate: Series;
  /** After the first index build, the lint of every file into the Problems panel (`sft.lint.workspace`). */
  startupLintMs: number;
  /** The first index build. */
  index: { ms: number; files: number; pairs: number };
  memory: { rssMB: number; heapUsedMB: number; externalMB: number };
  /** The coverage report and the annotations view after a save (coverage-views.test.ts). */
  coverageViews?: CoverageViewsFigures;
}

/**
 * Saves of an open file that change a length bucket, with the coverage report and the
 * annotations view (on the saved pair) open: ms from the save (the host's save event) to the
 * webview frame out with the coverage the save changed (the webview's clock, epoch ms).
 */
export interface CoverageViewsFigures {
  /** Save to both webviews drawn: the later of the two, per save. */
  both: Series;
  report: Series;
  annotations: Series;
  /** Save to the index's coverage change it caused. */
  coverageChange: Series;
  /** Save to the host posting the report, and the annotations view's pair. */
  reportPosted: Series;
  annotationsPosted: Series;
  /** Save to that message arriving in each webview. */
  reportReceived: Series;
  annotationsReceived: Series;
  /** Save to the Coverage view answering its top level with the new coverage (VS Code then draws the tree). */
  tree: Series;
}

/** One activation in a host where nothing activated the extension before (activation.test.ts). */
export interface ActivationFigures {
  vscode: string;
  node: string;
  /** Whether the extension was active before the suite asked (then the figure is not a cold one). */
  wasActive: boolean;
  /** `Extension.activate()` from the test: the bundle's load plus `activate()`. */
  loadAndActivateMs: number;
  /** Of which `activate()` start to return. */
  activateMs: number;
}

/** The 5,000-pair file bench/vscode.ts writes for the pair editor's budgets. */
export const PAIR_EDITOR_FILE = 'pairs-5000.sft.yaml';
/** Its pairs. */
export const PAIR_EDITOR_PAIRS = 5000;

/**
 * The pair editor on a 5,000-pair file (pair-editor.test.ts). Times are epoch ms from the
 * extension host and the webview (one machine's clock).
 */
export interface PairEditorFigures {
  vscode: string;
  file: { pairs: number; bytes: number };
  /** `vscode.openWith` called to the host hearing the webview's first frame with list and card. */
  openMs: number;
  /** Of which: the same call to the frame being out in the webview. */
  paintMs: number;
  /**
   * Where the open went, ms from the call: the host took the webview's `ready` (its page
   * loaded), the host had built and posted the state, the state arrived in the webview.
   */
  openSteps: { resolved: number; ready: number; posted: number; received: number };
  /**
   * The baseline of the same run: VS Code opening a copy of the same text as a plain YAML
   * document (`openTextDocument`, no SFT Studio code involved), ms. What VS Code itself
   * takes to load the text, which the pair editor cannot start before.
   */
  plainOpenMs: number;
  /** A 2-pair file, the first webview of the run's browser profile: openWith to first frame heard. */
  firstWebviewMs: number;
  /** The same key presses in that 2-pair file's card: to the document change, median (the floor). */
  smallKeystrokeToDocument: number;
  /** One real key press in a card's response: its input event to the text document's change. */
  keystrokeToDocument: Series;
  /** The same key press to the frame with the card drawn from the push of that change. */
  keystrokeToCard: Series;
  /**
   * Medians of the legs of key press to document: the webview's input event to the host
   * receiving the intent, the host's own work until it calls `applyEdit`, and from there to
   * the host hearing the document change (VS Code's renderer applying the edit).
   */
  keystrokeLegs: { toHost: number; hostWork: number; applyToChange: number };
}

export function series(samples: number[]): Series {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return { median, p95: at(0.95), samples: samples.map((x) => Math.round(x * 100) / 100) };
}
