/**
 * Diagnostics for `.sft.yaml` files and guidelines files: live while typing (debounced per
 * document, with a generation counter so a stale lint never overwrites a newer one), on
 * open and save; for every file of the workspace once the index is built (`sft.lint.workspace`,
 * on by default), else cleared on close. A deleted file's problems go with it.
 */
import * as vscode from 'vscode';
import { plural } from '../../core/plural';
import type { Problem } from '../../core/types';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { isGuidelinesUri, isSftDocument, isSftUri, SFT_GLOB } from '../documents';
import { SftFiles } from '../workspace/sft-files';
import { DiagnosticConverter, linesOf, type PositionSource } from './convert';
import type { DocumentStore } from './document-store';
import type { GuidelinesStore } from './guidelines-store';
import type { PerfProbe } from '../perf';

/** Workspace-wide problems (duplicate-id, near-duplicate) for a file, from the index. */
export interface WorkspaceProblemSource {
  problemsFor(uri: vscode.Uri): Problem[];
  /** Fires with the files whose workspace problems may have changed. */
  readonly onDidChange: vscode.Event<readonly vscode.Uri[]>;
}

const decoder = new TextDecoder();

/** What a workspace lint found, over the `.sft.yaml` files it linted. */
export interface WorkspaceLintSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
  /** Whether the run was cancelled before it linted every file. */
  cancelled: boolean;
}

export class DiagnosticsProvider extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('sft'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /** Closed files published by a workspace lint (kept in step with the disk). */
  /**
   * Closed files linted from disk: their own problems and line starts, so that a change of
   * the workspace problems (duplicate ids, near-duplicates) merges into them without reading
   * and linting the file again.
   */
  private readonly fromDisk = new Map<string, { problems: readonly Problem[]; lines: PositionSource }>();
  private workspaceSource?: WorkspaceProblemSource;
  private workspaceRun?: vscode.CancellationTokenSource;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after diagnostics of a file were published (for status, CodeLens, tests). */
  readonly onDidPublish = this.changed.event;

  static register(context: { extensionUri: vscode.Uri }, docs: DocumentStore, guidelines: GuidelinesStore, files: SftFiles, log: vscode.LogOutputChannel, perf: PerfProbe): DiagnosticsProvider {
    return new DiagnosticsProvider(new DiagnosticConverter(context.extensionUri), docs, guidelines, files, log, perf);
  }

  private constructor(
    readonly converter: DiagnosticConverter, private readonly docs: DocumentStore, private readonly guidelines: GuidelinesStore,
    private readonly files: SftFiles, private readonly log: vscode.LogOutputChannel, private readonly perf: PerfProbe,
  ) {
    super();
    this._register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); this.workspaceRun?.cancel(); } });
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.onOpen(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length) return;
      if (isSftDocument(e.document) && settings(e.document.uri).lintOnType) this.schedule(e.document, settings(e.document.uri).debounceMs);
    }));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => {
      const s = settings(d.uri);
      if (isSftDocument(d) && s.lintOnSave && !s.lintOnType) this.schedule(d, 0);
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)));
    this._register(guidelines.onDidChange(() => void this.relintAll()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sft.lint')) void this.relintAll();
      if (e.affectsConfiguration('sft.lint.workspace') && settings().lintWorkspace) void this.lintWorkspace({ quiet: true });
    }));
    this._register(files.onDidChange((uri) => this.onDiskChange(uri)));
    this._register(files.onDidCreate((uri) => this.onDiskChange(uri)));
    this._register(files.onDidDelete((uri) => this.forget(uri)));
    for (const d of vscode.workspace.textDocuments) this.onOpen(d);
  }

  /**
   * A file or folder is gone from disk: its files' problems go too, now, unless an editor
   * still holds unsaved edits of them.
   */
  private forget(gone: vscode.Uri): void {
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => { if (SftFiles.isUnder(uri.toString(), gone) && !this.files.openDocument(uri)) stale.push(uri); });
    for (const uri of stale) this.clear(uri);
  }

  /** Remove a file's problems, and stop any lint of it in flight from publishing them again. */
  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.fromDisk.delete(key);
    if (!this.collection.has(uri)) return;
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  /** Merge workspace rule problems (duplicate-id, near-duplicate) into every publish. */
  setWorkspaceSource(source: WorkspaceProblemSource): vscode.Disposable {
    this.workspaceSource = source;
    const sub = source.onDidChange((uris) => this.republish(uris));
    void this.relintAll();
    return { dispose: () => { sub.dispose(); if (this.workspaceSource === source) this.workspaceSource = undefined; } };
  }

  private republish(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const doc = this.openDoc(uri);
      if (doc && isSftDocument(doc)) this.schedule(doc, 0);
      else this.republishFromDisk(uri);
    }
  }

  /** Current diagnostics of a file (tests, CodeLens). */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  /** Lint a document now (after the debounce of `delay` ms). */
  schedule(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.publishOpen(doc, generation);
    }, delay));
  }

  private async publishOpen(doc: vscode.TextDocument, generation: number): Promise<void> {
    const key = doc.uri.toString();
    try {
      const { result, version, lintMs, incremental } = await this.docs.current(doc);
      const started = performance.now();
      // A newer schedule, a newer version or a close wins over this result; a deleted file has no problems.
      if (this.generations.get(key) !== generation || !this.files.isOpen(doc) || doc.version !== version) return;
      const problems = this.withWorkspace(doc.uri, result.problems);
      this.collection.set(doc.uri, this.converter.toDiagnostics(problems, doc, settings(doc.uri).maxProblemsPerFile, resolveFile));
      this.perf.lastLint = { uri: key, version, ms: lintMs + performance.now() - started, lintMs, incremental };
      this.changed.fire(doc.uri);
    } catch (e) {
      if (!(e instanceof vscode.CancellationError)) this.log.error(`Linting ${vscode.workspace.asRelativePath(doc.uri)} failed:`, e);
    }
  }

  private withWorkspace(uri: vscode.Uri, problems: readonly Problem[]): Problem[] {
    const extra = this.workspaceSource?.problemsFor(uri) ?? [];
    return extra.length ? [...problems, ...extra].sort((a, b) => a.start - b.start) : [...problems];
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (isSftDocument(doc)) this.schedule(doc, 0);
    else if (isGuidelinesUri(doc.uri)) void this.publishGuidelines(doc.uri);
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (isGuidelinesUri(doc.uri)) return; // its problems stay while it governs files
    if (!isSftDocument(doc)) return;
    // With workspace lint a file of the workspace keeps its problems, from disk (a deleted one loses them there).
    if (settings().lintWorkspace && SftFiles.inWorkspace(doc.uri)) void this.publishFromDisk(doc.uri);
    else this.clear(doc.uri);
  }

  private onDiskChange(uri: vscode.Uri): void {
    if (this.openDoc(uri) || !settings().lintWorkspace) return;
    // After the typing debounce: the index reads the same change first (50 ms), so the
    // status bar's counts are not kept waiting behind this file's whole lint.
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.publishFromDisk(uri); }, settings(uri).debounceMs));
  }

  private openDoc(uri: vscode.Uri): vscode.TextDocument | undefined {
    return this.files.openDocument(uri);
  }

  /** Lint a closed file from disk and publish it; a file that cannot be read has no problems to show. */
  private async publishFromDisk(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      if (this.generations.get(key) === generation && !this.openDoc(uri)) this.clear(uri);
      return;
    }
    const governedBy = await this.guidelines.forUri(uri);
    if (this.generations.get(key) !== generation || this.openDoc(uri)) return;
    const result = governedBy.linter.lint(text);
    this.fromDisk.set(key, { problems: result.problems, lines: linesOf(text) });
    this.republishFromDisk(uri);
  }

  /** A closed file linted from disk: its own problems merged with the workspace's current ones. */
  private republishFromDisk(uri: vscode.Uri): void {
    const own = this.fromDisk.get(uri.toString());
    if (!own || this.openDoc(uri)) return;
    this.collection.set(uri, this.converter.toDiagnostics(this.withWorkspace(uri, own.problems), own.lines, settings(uri).maxProblemsPerFile, resolveFile));
    this.changed.fire(uri);
  }

  /** A guidelines file's own problems. */
  private async publishGuidelines(uri: vscode.Uri): Promise<void> {
    const g = await this.guidelines.forGuidelines(uri);
    const doc = this.openDoc(uri);
    // The problems' offsets refer to the text they were loaded from.
    if (doc && doc.getText() !== g.text) return;
    this.collection.set(uri, this.converter.toDiagnostics(g.loaded.problems, doc ?? linesOf(g.text), settings(uri).maxProblemsPerFile, resolveFile));
    this.changed.fire(uri);
  }

  /** Re-lint every open document (and, with workspace lint, the files from disk). */
  async relintAll(): Promise<void> {
    for (const d of vscode.workspace.textDocuments) {
      if (isSftDocument(d) && this.files.isOpen(d)) this.schedule(d, 0);
    }
    const loaded = await this.guidelines.all();
    for (const g of loaded) if (g.uri) await this.publishGuidelines(g.uri);
    for (const d of vscode.workspace.textDocuments) if (isGuidelinesUri(d.uri) && !loaded.some((g) => g.key === d.uri.toString())) await this.publishGuidelines(d.uri);
    if (settings().lintWorkspace) {
      for (const key of [...this.fromDisk.keys()]) { const uri = vscode.Uri.parse(key); if (!this.openDoc(uri)) await this.publishFromDisk(uri); }
    } else {
      for (const key of this.fromDisk.keys()) { const uri = vscode.Uri.parse(key); if (!this.openDoc(uri)) this.collection.delete(uri); }
      this.fromDisk.clear();
    }
  }

  /**
   * Lint every `.sft.yaml` file of the workspace into the Problems panel, from what exists:
   * open documents as the editor has them, the other files from disk, and no problems left
   * for files that are gone. Cancellable; `quiet` shows progress in the status bar instead
   * of a notification (the run after the index is built).
   */
  async lintWorkspace(opts: { quiet?: boolean } = {}): Promise<WorkspaceLintSummary> {
    this.workspaceRun?.cancel();
    const run = new vscode.CancellationTokenSource();
    this.workspaceRun = run;
    const started = performance.now();
    const location = opts.quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
    try {
      const linted = await vscode.window.withProgress({ location, title: 'SFT: linting workspace', cancellable: !opts.quiet }, async (progress, token) => {
        const sub = token.onCancellationRequested(() => run.cancel());
        try {
          const found = await vscode.workspace.findFiles(SFT_GLOB, '**/node_modules/**', undefined, run.token);
          const files = found.filter(isSftUri);
          this.dropMissing(new Set(files.map((u) => u.toString())));
          const done: vscode.Uri[] = [];
          for (const uri of files) {
            if (run.token.isCancellationRequested) break;
            const open = this.openDoc(uri);
            if (open) await this.lintOpenNow(open);
            else await this.publishFromDisk(uri);
            done.push(uri);
            progress.report({ message: `${done.length}/${plural(files.length, 'file')}`, increment: 100 / files.length });
          }
          return done;
        } finally {
          sub.dispose();
        }
      });
      const summary = this.summarise(linted, run.token.isCancellationRequested);
      this.log.info(`Workspace lint${opts.quiet ? ' (index built)' : ''}: ${lintSummaryText(summary)} (${Math.round(performance.now() - started)} ms)`);
      return summary;
    } finally {
      if (this.workspaceRun === run) this.workspaceRun = undefined;
      run.dispose();
    }
  }

  /** Lint an open document now (not after the typing debounce) and publish it. */
  private lintOpenNow(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return this.publishOpen(doc, generation);
  }

  /** Clear the problems of `.sft.yaml` files that exist neither on disk (`existing`) nor as an open document. */
  private dropMissing(existing: ReadonlySet<string>): void {
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (isSftUri(uri) && !existing.has(uri.toString()) && !this.openDoc(uri)) stale.push(uri);
    });
    for (const uri of stale) this.clear(uri);
  }

  private summarise(files: readonly vscode.Uri[], cancelled: boolean): WorkspaceLintSummary {
    const s: WorkspaceLintSummary = { files: files.length, errors: 0, warnings: 0, infos: 0, filesWithProblems: 0, cancelled };
    for (const uri of files) {
      const ds = this.collection.get(uri) ?? [];
      if (ds.length) s.filesWithProblems++;
      for (const d of ds) {
        if (d.severity === vscode.DiagnosticSeverity.Error) s.errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) s.warnings++;
        else s.infos++;
      }
    }
    return s;
  }
}

/** `Linted 12 files: 3 errors, 14 warnings in 4 files`, or `Linted 3 files: no problems`. */
export function lintSummaryText(s: WorkspaceLintSummary): string {
  const head = `Linted ${plural(s.files, 'file')}${s.cancelled ? ' (cancelled)' : ''}`;
  if (!s.filesWithProblems) return `${head}: no problems`;
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos) counts.push(plural(s.infos, 'info'));
  return `${head}: ${counts.join(', ')} in ${plural(s.filesWithProblems, 'file')}`;
}

/** A related place's file (URI string, absolute path or workspace-relative path) as a URI. */
export function resolveFile(file: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return vscode.Uri.parse(file);
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return vscode.Uri.file(file);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? vscode.Uri.joinPath(root, file) : undefined;
}
