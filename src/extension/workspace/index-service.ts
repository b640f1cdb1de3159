/**
 * The workspace index in the extension: built lazily in the background (first asked for,
 * or just after activation when the status bar is on), then kept current by a file system
 * watcher for closed files and by open documents, unsaved edits included. Feeds workspace
 * rules (duplicate-id, near-duplicate), the status bar and the coverage view.
 *
 * It holds the files of the workspace folders only: a deleted file leaves it at once (unless
 * an editor holds unsaved edits of it), untitled documents and files outside the folders
 * never enter it.
 */
import * as vscode from 'vscode';
import { addCounts, countCoverage, coverageFromCounts, newCoverageCounts, type Coverage, type CoverageCounts } from '../../core/coverage';
import type { Guidelines } from '../../core/guidelines';
import { parseSft, type SftFileModel } from '../../core/parse/parse';
import { textHash } from '../../core/text/hash';
import type { Problem } from '../../core/types';
import { WorkspaceIndex, type IndexedPair } from '../../core/workspace/index';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { coverageProfile } from '../../core/workspace/coverage-profile';
import { isSftDocument, SFT_GLOB } from '../documents';
import type { DocumentStore } from '../lint/document-store';
import type { GuidelinesStore } from '../lint/guidelines-store';
import type { WorkspaceProblemSource } from '../lint/diagnostics';
import type { PerfProbe } from '../perf';
import { SftFiles } from './sft-files';

const decoder = new TextDecoder();

/** At most one coverage notice (status bar, coverage view) per this many ms. */
const COVERAGE_NOTICE_MS = 50;

export class IndexService extends Disposable implements WorkspaceProblemSource {
  readonly index = new WorkspaceIndex((key) => vscode.workspace.asRelativePath(vscode.Uri.parse(key), true));
  private readonly guidelinesOf = new Map<string, Guidelines>();
  /**
   * The model and document version last indexed from an open document (offsets of its
   * problems refer to them). Files indexed from disk keep no model: the index holds counts
   * and signatures, not text.
   */
  private readonly models = new Map<string, { model: SftFileModel; version: number }>();
  /** Hash of the text each file was last indexed from on disk: an unchanged file is not indexed again. */
  private readonly diskHashes = new Map<string, number>();
  private building?: Promise<void>;
  private built = false;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = this._register(new vscode.EventEmitter<readonly vscode.Uri[]>());
  /** Files whose workspace problems may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly coverageChanged = this._register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when coverage may have changed. */
  readonly onDidChangeCoverage = this.coverageChanged.event;
  private coverageTimer?: ReturnType<typeof setTimeout>;
  private lastCoverageNotice = -Infinity;
  private coverageCache?: { version: number; coverage: Coverage; guidelines: Guidelines };
  /** Each file's coverage profile; coverage is recounted only when one changes. */
  private readonly profiles = new Map<string, number>();
  /**
   * Each file's coverage tally and the workspace total: a changed file is taken out and
   * counted in again, so coverage after a save costs one file, not every pair.
   */
  private readonly fileCounts = new Map<string, CoverageCounts>();
  private readonly totalCounts = newCoverageCounts();
  private coverageVersion = 0;

  static register(docs: DocumentStore, guidelines: GuidelinesStore, files: SftFiles, log: vscode.LogOutputChannel, perf: PerfProbe): IndexService {
    return new IndexService(docs, guidelines, files, log, perf);
  }

  private constructor(
    private readonly docs: DocumentStore, private readonly guidelines: GuidelinesStore, private readonly files: SftFiles,
    private readonly log: vscode.LogOutputChannel, private readonly perf: PerfProbe,
  ) {
    super();
    // Workspace problems are published once the build is done (see build), not file by file before.
    const sub = this.index.onDidChange((change) => {
      if (this.built) this.changed.fire(change.affected.map((f) => vscode.Uri.parse(f)));
    });
    this._register({ dispose: () => { sub.dispose(); clearTimeout(this.coverageTimer); for (const t of this.timers.values()) clearTimeout(t); } });
  }

  /** Start building (once); resolves when the first full build is done. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  /** Whether the first full build is done (not merely started). */
  get isBuilt(): boolean {
    return this.built;
  }

  private async build(): Promise<void> {
    this._register(this.files.onDidCreate((u) => this.fromDiskLater(u)));
    this._register(this.files.onDidChange((u) => this.fromDiskLater(u)));
    // A deleted file (or every file of a deleted folder) leaves the index unless an editor holds unsaved edits of it.
    this._register(this.files.onDidDelete((gone) => {
      for (const key of [...this.index.files()]) {
        const uri = vscode.Uri.parse(key);
        if (SftFiles.isUnder(key, gone) && !this.files.openDocument(uri)) { clearTimeout(this.timers.get(key)); this.timers.delete(key); this.drop(uri); }
      }
    }));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => { if (this.counts(d)) this.fromDocumentLater(d, 0); }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && this.counts(e.document)) this.fromDocumentLater(e.document, settings(e.document.uri).debounceMs);
    }));
    // A save settles the text: index it now rather than after the typing debounce.
    this._register(vscode.workspace.onDidSaveTextDocument((d) => { if (this.counts(d) && this.timers.has(d.uri.toString())) this.fromDocumentLater(d, 0); }));
    // A closed document's unsaved edits are gone: the disk is the truth again.
    this._register(vscode.workspace.onDidCloseTextDocument((d) => { if (this.counts(d)) this.fromDiskLater(d.uri); }));
    this._register(this.guidelines.onDidChange(() => void this.reindexAll().then(() => this.coverageMayHaveChanged())));
    const started = performance.now();
    await this.reindexAll();
    const ms = performance.now() - started;
    this.perf.indexBuild = { ms, files: [...this.index.files()].length, pairs: this.index.size };
    this.built = true;
    this.log.info(`Index built: ${this.perf.indexBuild.files} files, ${this.index.size} pairs in ${Math.round(ms)} ms`);
    // Now workspace problems (duplicate ids, near duplicates) are known: publish them.
    this.changed.fire([...this.index.files()].map((f) => vscode.Uri.parse(f)));
  }

  /** Index the workspace again from what exists (SFT: Lint Workspace); resolves when done. */
  async rebuild(): Promise<void> {
    if (!this.built) return this.ready();
    const started = performance.now();
    await this.reindexAll();
    this.log.debug(`Index rebuilt: ${[...this.index.files()].length} files, ${this.index.size} pairs in ${Math.round(performance.now() - started)} ms`);
  }

  /** Whether a document counts in the index: an SFT document of a file in the workspace folders. */
  private counts(doc: vscode.TextDocument): boolean {
    return isSftDocument(doc) && SftFiles.inWorkspace(doc.uri);
  }

  /** Every file that exists (open documents as the editor has them), and nothing that does not. */
  private async reindexAll(): Promise<void> {
    const files = await vscode.workspace.findFiles(SFT_GLOB, '**/node_modules/**');
    const seen = new Set<string>();
    for (const uri of files) {
      seen.add(uri.toString());
      const doc = this.openDoc(uri);
      if (doc) await this.fromDocument(doc);
      else await this.fromDisk(uri);
    }
    for (const d of vscode.workspace.textDocuments) {
      if (this.counts(d) && !seen.has(d.uri.toString()) && this.files.isOpen(d)) { seen.add(d.uri.toString()); await this.fromDocument(d); }
    }
    for (const key of [...this.index.files()]) if (!seen.has(key)) this.drop(vscode.Uri.parse(key));
  }

  private openDoc(uri: vscode.Uri): vscode.TextDocument | undefined {
    return this.files.openDocument(uri);
  }

  private later(key: string, delay: number, run: () => Promise<void>): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void run(); }, delay));
  }

  private fromDiskLater(uri: vscode.Uri): void {
    if (this.openDoc(uri)) return;
    this.later(uri.toString(), 50, () => this.fromDisk(uri));
  }

  private fromDocumentLater(doc: vscode.TextDocument, delay: number): void {
    this.later(doc.uri.toString(), delay, () => this.fromDocument(doc));
  }

  private async fromDocument(doc: vscode.TextDocument): Promise<void> {
    if (!this.files.isOpen(doc) || !this.counts(doc)) return;
    // An open, clean document of a file deleted before the watcher saw it is not part of the workspace any more.
    if (!doc.isDirty && !this.index.entry(doc.uri.toString()) && !(await this.existsOnDisk(doc.uri))) return;
    try {
      const { result, governedBy, version } = await this.docs.current(doc);
      if (!this.files.isOpen(doc)) return;
      this.set(doc.uri, result.model, governedBy.loaded.guidelines, version);
    } catch (e) {
      if (!(e instanceof vscode.CancellationError)) this.log.error(`Indexing ${vscode.workspace.asRelativePath(doc.uri)} failed:`, e);
    }
  }

  private existsOnDisk(uri: vscode.Uri): Promise<boolean> {
    return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
  }

  private async fromDisk(uri: vscode.Uri): Promise<void> {
    let text: string;
    try { text = decoder.decode(await vscode.workspace.fs.readFile(uri)); } catch { this.drop(uri); return; }
    const governedBy = await this.guidelines.forUri(uri);
    if (this.openDoc(uri)) return;
    const key = uri.toString();
    const g = governedBy.loaded.guidelines;
    // The same text under the same guidelines (a rebuild, a touch): nothing to do.
    const hash = textHash(text);
    if (this.diskHashes.get(key) === hash && !this.models.has(key) && this.guidelinesOf.get(key) === g) return;
    this.set(uri, parseSft(text), g);
    this.diskHashes.set(key, hash);
  }

  /** Index a file's model; `version` is the open document's version it came from. */
  private set(uri: vscode.Uri, model: SftFileModel, g: Guidelines, version?: number): void {
    const key = uri.toString();
    // The same model again (a re-publish) changes nothing: do not wake the listeners.
    if (this.models.get(key)?.model === model && this.guidelinesOf.get(key) === g) return;
    if (version !== undefined) this.models.set(key, { model, version });
    else this.models.delete(key);
    this.diskHashes.delete(key);
    this.guidelinesOf.set(key, g);
    const started = performance.now();
    this.index.setFile(key, model, g);
    const pairs = this.index.entry(key)?.pairs ?? [];
    const profile = coverageProfile(pairs);
    if (this.profiles.get(key) !== profile) {
      this.profiles.set(key, profile);
      this.recount(key, countCoverage(pairs));
      this.coverageMayHaveChanged();
    }
    this.perf.lastIndexUpdate = { uri: key, ms: performance.now() - started, pairs: model.pairs.length };
    if (this.built && this.log.logLevel === vscode.LogLevel.Trace) this.log.trace(`Re-indexed ${vscode.workspace.asRelativePath(uri)}: ${model.pairs.length} pairs in ${this.perf.lastIndexUpdate.ms.toFixed(1)} ms`);
  }

  private drop(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.index.entry(key)) this.log.debug(`Dropped ${vscode.workspace.asRelativePath(uri)} from the index`);
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
    if (counts) { addCounts(this.totalCounts, counts, 1); this.fileCounts.set(key, counts); }
    else this.fileCounts.delete(key);
  }

  /**
   * Recount coverage on the next read; tell the status bar and view. Throttled: the first
   * change after a quiet spell goes out on the next tick, later ones at most every 50 ms
   * (an index build or a checkout changes many files in a row).
   */
  private coverageMayHaveChanged(): void {
    this.coverageVersion++;
    if (this.coverageTimer !== undefined) return; // a notice is due and will cover this change
    const wait = Math.max(0, this.lastCoverageNotice + COVERAGE_NOTICE_MS - performance.now());
    this.coverageTimer = setTimeout(() => {
      this.coverageTimer = undefined;
      this.lastCoverageNotice = performance.now();
      this.coverageChanged.fire();
    }, wait);
  }

  /** duplicate-id and near-duplicate problems of a file. */
  problemsFor(uri: vscode.Uri): Problem[] {
    if (!this.isBuilt) return [];
    const key = uri.toString();
    // Offsets refer to the indexed model; an open document re-indexes on its own schedule.
    const open = this.openDoc(uri);
    // An open document not indexed at its current version yet: its turn comes (debounced),
    // then onDidChange republishes it. (A version check, not a 4 MB text comparison.)
    if (open && this.models.get(key)?.version !== open.version) return [];
    return this.index.problemsFor(key, (f) => this.guidelinesOf.get(f) ?? this.fallbackGuidelines());
  }

  private fallbackGuidelines(): Guidelines {
    return [...this.guidelinesOf.values()][0];
  }

  /** Every indexed pair. */
  pairs(): IndexedPair[] {
    return [...this.index.pairs()];
  }

  /** Coverage of the workspace against the guidelines at the first folder's root. */
  async coverage(): Promise<{ coverage: Coverage; guidelines: Guidelines }> {
    await this.ready();
    const g = await this.rootGuidelines();
    if (this.coverageCache && this.coverageCache.version === this.coverageVersion && this.coverageCache.guidelines === g) return this.coverageCache;
    this.coverageCache = { version: this.coverageVersion, coverage: coverageFromCounts(this.totalCounts, g), guidelines: g };
    return this.coverageCache;
  }

  private async rootGuidelines(): Promise<Guidelines> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const probe = root ? vscode.Uri.joinPath(root, 'coverage.sft.yaml') : vscode.Uri.parse('untitled:coverage.sft.yaml');
    return (await this.guidelines.forUri(probe)).loaded.guidelines;
  }

  /** Ids of every indexed pair. */
  ids(): string[] {
    const out: string[] = [];
    for (const p of this.index.pairs()) if (p.id) out.push(p.id);
    return out;
  }
}
