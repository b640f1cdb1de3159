/**
 * The workspace index in the extension: a subscriber of the workspace service, which
 * publishes every file of the workspace once (the first scan), then each change of an open
 * document (unsaved edits included) or a closed file. Feeds workspace rules (duplicate-id,
 * near-duplicate), the status bar and the coverage view.
 *
 * It holds the files of the workspace folders only: a deleted file leaves it at once (unless
 * an editor holds unsaved edits of it), untitled documents and files outside the folders
 * never enter it.
 */
import * as vscode from 'vscode';
import {
  addCounts,
  countCoverage,
  coverageFromCounts,
  newCoverageCounts,
  type Coverage,
  type CoverageCounts,
} from '../../core/coverage';
import type { Guidelines } from '../../core/guidelines';
import type { SftFileModel } from '../../core/parse/parse';
import type { Problem } from '../../core/types';
import { WorkspaceIndex, type IndexedPair } from '../../core/workspace/index';
import { Disposable } from '../dispose';
import { coverageProfile, coverageProfileAfter } from '../../core/workspace/coverage-profile';
import type { GovernedBy, GuidelinesStore } from '../lint/guidelines-store';
import type { WorkspaceProblemSource } from '../lint/diagnostics';
import { epochNow, type PerfProbe } from '../perf';
import type { SftFileUpdate, SftWorkspace } from './sft-workspace';

/** Coverage of the workspace and the guidelines it is measured against (their file, unless built in). */
export interface WorkspaceCoverage {
  coverage: Coverage;
  guidelines: Guidelines;
  guidelinesUri?: vscode.Uri;
  /** The index's coverage version counted: it grows with each change that may alter coverage. */
  version: number;
}

/** At most one coverage notice (status bar, coverage view) per this many ms. */
const COVERAGE_NOTICE_MS = 50;

export class IndexService extends Disposable implements WorkspaceProblemSource {
  readonly index = new WorkspaceIndex((key) =>
    vscode.workspace.asRelativePath(vscode.Uri.parse(key), true),
  );
  private readonly guidelinesOf = new Map<string, Guidelines>();
  /**
   * The model and document version last indexed from an open document (offsets of its
   * problems refer to them). Files indexed from disk keep no model: the index holds counts
   * and signatures, not text.
   */
  private readonly models = new Map<string, { model: SftFileModel; version: number }>();
  /** Hash of the text each file was last indexed from on disk: an unchanged file is not indexed again. */
  private readonly diskHashes = new Map<string, number>();
  private built = false;
  private readonly changed = this._register(new vscode.EventEmitter<readonly vscode.Uri[]>());
  /** Files whose workspace problems may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly coverageChanged = this._register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when coverage may have changed. */
  readonly onDidChangeCoverage = this.coverageChanged.event;
  private coverageTimer?: ReturnType<typeof setTimeout>;
  private lastCoverageNotice = -Infinity;
  private coverageCache?: WorkspaceCoverage;
  /** Each file's coverage profile; coverage is recounted only when one changes. */
  private readonly profiles = new Map<string, number>();
  /**
   * Each file's coverage tally and the workspace total: a changed file is taken out and
   * counted in again, so coverage after a save costs one file, not every pair.
   */
  private readonly fileCounts = new Map<string, CoverageCounts>();
  private readonly totalCounts = newCoverageCounts();
  private coverageVersion = 0;
  /** The last file's workspace problems, at the index version they were worked out for. */
  private lastProblems?: { key: string; version: number; problems: readonly Problem[] };

  static register(
    workspace: SftWorkspace,
    guidelines: GuidelinesStore,
    log: vscode.LogOutputChannel,
    perf: PerfProbe,
  ): IndexService {
    return new IndexService(workspace, guidelines, log, perf);
  }

  private constructor(
    private readonly workspace: SftWorkspace,
    private readonly guidelines: GuidelinesStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly perf: PerfProbe,
  ) {
    super();
    // Workspace problems are published once the first scan is done (see onBuilt), not file by file before.
    const sub = this.index.onDidChange((change) => {
      if (this.built) this.changed.fire(change.affected.map((f) => vscode.Uri.parse(f)));
    });
    this._register({
      dispose: () => {
        sub.dispose();
        clearTimeout(this.coverageTimer);
      },
    });
    this._register(workspace.onDidUpdate((u) => this.take(u)));
    this._register(workspace.onDidForget((uri) => this.drop(uri)));
    this._register(workspace.onDidBuild(() => this.onBuilt()));
    // The root guidelines' targets are part of coverage, whether or not a file changed.
    this._register(guidelines.onDidChange(() => this.coverageMayHaveChanged()));
    if (workspace.isBuilt) this.onBuilt();
  }

  /** Start the first scan of the workspace (once); resolves when it has ended and every file is indexed. */
  ready(): Promise<void> {
    return this.workspace.ready();
  }

  /** Whether the first scan is done (not merely started). */
  get isBuilt(): boolean {
    return this.built;
  }

  private onBuilt(): void {
    if (this.built) return;
    this.built = true;
    const build = this.workspace.stats.build;
    this.perf.indexBuild = {
      ms: build?.ms ?? 0,
      files: [...this.index.files()].length,
      pairs: this.index.size,
    };
    this.log.info(
      `Index built: ${this.perf.indexBuild.files} files, ${this.index.size} pairs in ${Math.round(this.perf.indexBuild.ms)} ms`,
    );
    // Now workspace problems (duplicate ids, near duplicates) are known: publish them.
    this.changed.fire([...this.index.files()].map((f) => vscode.Uri.parse(f)));
  }

  /** A file's new content: index it when it counts in the workspace and changed. */
  private take(u: SftFileUpdate): void {
    if (!u.inWorkspace) return;
    const g = u.governedBy.loaded.guidelines;
    if (u.document) {
      this.set(u.uri, u.model, g, u.version);
      return;
    }
    // The same text under the same guidelines (a rescan): nothing to do.
    if (
      u.diskHash !== undefined &&
      this.diskHashes.get(u.key) === u.diskHash &&
      !this.models.has(u.key) &&
      this.guidelinesOf.get(u.key) === g
    )
      return;
    this.set(u.uri, u.model, g);
    if (u.diskHash !== undefined) this.diskHashes.set(u.key, u.diskHash);
  }

  /** Index a file's model; `version` is the open document's version it came from. */
  private set(uri: vscode.Uri, model: SftFileModel, g: Guidelines, version?: number): void {
    const key = uri.toString();
    // The same model again (a re-publish) changes nothing: do not wake the listeners.
    const last = this.models.get(key)?.model;
    const sameGuidelines = this.guidelinesOf.get(key) === g;
    if (last === model && sameGuidelines) return;
    // The entry was indexed from `last` under `g`: the pairs this model shares with it only move.
    const previousModel = sameGuidelines ? last : undefined;
    if (version !== undefined) this.models.set(key, { model, version });
    else this.models.delete(key);
    this.diskHashes.delete(key);
    this.guidelinesOf.set(key, g);
    const started = performance.now();
    const before = this.index.entry(key)?.pairs;
    this.index.setFile(key, model, g, previousModel);
    const pairs = this.index.entry(key)?.pairs ?? [];
    const known = this.profiles.get(key);
    const profile =
      before && known !== undefined
        ? coverageProfileAfter(before, known, pairs)
        : coverageProfile(pairs);
    if (known !== profile) {
      this.profiles.set(key, profile);
      this.recount(key, countCoverage(pairs));
      this.coverageMayHaveChanged();
    }
    this.perf.lastIndexUpdate = {
      uri: key,
      ms: performance.now() - started,
      pairs: model.pairs.length,
    };
    if (this.built && this.log.logLevel === vscode.LogLevel.Trace)
      this.log.trace(
        `Re-indexed ${vscode.workspace.asRelativePath(uri)}: ${model.pairs.length} pairs in ${this.perf.lastIndexUpdate.ms.toFixed(1)} ms`,
      );
  }

  private drop(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.index.entry(key))
      this.log.debug(`Dropped ${vscode.workspace.asRelativePath(uri)} from the index`);
    this.models.delete(key);
    this.diskHashes.delete(key);
    this.guidelinesOf.delete(key);
    this.index.deleteFile(key);
    this.recount(key, undefined);
    if (this.profiles.delete(key)) this.coverageMayHaveChanged();
  }

  /** Replace a file's tally in the workspace total (undefined: the file is gone). */
  private recount(key: string, counts: CoverageCounts | undefined): void {
    const old = this.fileCounts.get(key);
    if (old) addCounts(this.totalCounts, old, -1);
    if (counts) {
      addCounts(this.totalCounts, counts, 1);
      this.fileCounts.set(key, counts);
    } else this.fileCounts.delete(key);
  }

  /**
   * Recount coverage on the next read; tell the status bar and view. Throttled: the first
   * change after a quiet spell goes out on the next tick, later ones at most every 50 ms
   * (an index build or a checkout changes many files in a row).
   */
  private coverageMayHaveChanged(): void {
    this.coverageVersion++;
    this.perf.coverageChange = { version: this.coverageVersion, at: epochNow() };
    if (this.coverageTimer !== undefined) return; // a notice is due and will cover this change
    const wait = Math.max(0, this.lastCoverageNotice + COVERAGE_NOTICE_MS - performance.now());
    this.coverageTimer = setTimeout(() => {
      this.coverageTimer = undefined;
      this.lastCoverageNotice = performance.now();
      this.coverageChanged.fire();
    }, wait);
  }

  isCurrent(uri: vscode.Uri): boolean {
    if (!this.isBuilt) return false;
    const open = this.workspace.openDocument(uri);
    // (A version check, not a 4 MB text comparison.)
    return !open || this.models.get(uri.toString())?.version === open.version;
  }

  /** duplicate-id and near-duplicate problems of a file. */
  problemsFor(uri: vscode.Uri): Problem[] {
    // Offsets refer to the indexed model; an open document re-indexes on its own schedule.
    // An open document not indexed at its current version yet: its turn comes (debounced),
    // then onDidChange republishes it.
    if (!this.isCurrent(uri)) return [];
    const key = uri.toString();
    // One edit asks twice (the index's change notice and the diagnostics' publish): for a
    // file of 10,000 near-duplicate prompts each answer costs seconds.
    const version = this.index.version;
    if (this.lastProblems?.key === key && this.lastProblems.version === version)
      return [...this.lastProblems.problems];
    const problems = this.index.problemsFor(
      key,
      (f) => this.guidelinesOf.get(f) ?? this.fallbackGuidelines(),
    );
    this.lastProblems = { key, version, problems };
    return [...problems];
  }

  private fallbackGuidelines(): Guidelines {
    return [...this.guidelinesOf.values()][0];
  }

  /** Every indexed pair. */
  pairs(): IndexedPair[] {
    return [...this.index.pairs()];
  }

  /** Coverage of the workspace against the guidelines at the first folder's root. */
  async coverage(): Promise<WorkspaceCoverage> {
    await this.ready();
    const governedBy = await this.rootGuidelines();
    const g = governedBy.loaded.guidelines;
    if (
      this.coverageCache &&
      this.coverageCache.version === this.coverageVersion &&
      this.coverageCache.guidelines === g
    )
      return this.coverageCache;
    this.coverageCache = {
      version: this.coverageVersion,
      coverage: coverageFromCounts(this.totalCounts, g),
      guidelines: g,
      guidelinesUri: governedBy.uri,
    };
    return this.coverageCache;
  }

  private async rootGuidelines(): Promise<GovernedBy> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const probe = root
      ? vscode.Uri.joinPath(root, 'coverage.sft.yaml')
      : vscode.Uri.parse('untitled:coverage.sft.yaml');
    return this.guidelines.forUri(probe);
  }

  /** Ids of every indexed pair. */
  ids(): string[] {
    const out: string[] = [];
    for (const p of this.index.pairs()) if (p.id) out.push(p.id);
    return out;
  }
}
