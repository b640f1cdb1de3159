/**
 * What `activate()` returns: a small surface for the integration tests (and other
 * extensions) to read what the UI shows without scraping it.
 */
import type * as vscode from 'vscode';
import type { Coverage } from '../core/coverage';
import type { Guidelines } from '../core/guidelines';
import type { IndexedPair } from '../core/workspace/types';
import type { WorkspaceLintSummary } from './lint/diagnostics';
import type { LintStats } from './lint/document-store';
import type { PerfProbe } from './perf';
import type { CoverageNode } from './workspace/coverage-view';
import type { WorkspaceStats } from './workspace/sft-workspace';

export interface SftApi {
  /** The status bar text now ('' when hidden). */
  statusBarText(): string;
  /** Fires with the status bar text after each update. */
  readonly onDidUpdateStatusBar: vscode.Event<string>;
  /** Resolves when the first scan of the workspace has ended: every file indexed, workspace problems known. */
  indexReady(): Promise<void>;
  /** Resolves when the lint of every workspace file after the first index build has ended (at once with `sft.lint.workspace` off). */
  workspaceLinted(): Promise<void>;
  /** Every indexed pair and the coverage the status bar and view show. */
  coverage(): Promise<{ coverage: Coverage; guidelines: Guidelines; pairs: IndexedPair[] }>;
  /** The coverage tree as the view gets it. */
  coverageChildren(node?: CoverageNode): Promise<CoverageNode[]>;
  coverageItem(node: CoverageNode): vscode.TreeItem;
  /** How many full and incremental lints ran. */
  readonly lintStats: LintStats;
  /** The lint of a document's current version, as every surface gets it (DocumentStore.current). */
  currentLint(doc: vscode.TextDocument): Promise<object>;
  /** How many closed files were read, parsed and linted, and whether the first scan has ended. */
  readonly workspaceStats: Readonly<WorkspaceStats>;
  /** SFT: Lint Workspace (index rebuilt from what exists, every file linted); resolves with what it found. */
  lintWorkspace(): Promise<WorkspaceLintSummary>;
  /** The folder of the "SFT Studio" output channel's log file (`SFT Studio.log`). */
  readonly logUri: vscode.Uri;
  /** Timing figures of the extension's own work (benchmarks). */
  readonly perf: Readonly<PerfProbe>;
}
