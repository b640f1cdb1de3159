/**
 * Diagnostics for `.sft.yaml` files and guidelines files. `.sft.yaml` problems follow the
 * workspace service's updates: live while typing (its per-document debounce, and a
 * generation so a stale lint never overwrites a newer one), on open and save; for every
 * file of the workspace once the index is built (`sft.lint.workspace`, on by default), else
 * cleared on close. A deleted file's problems go with it.
 */
import * as vscode from 'vscode';
import { plural } from '../../core/plural';
import type { Problem } from '../../core/types';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { isGuidelinesUri, isSftDocument } from '../documents';
import type { SftFileUpdate, SftWorkspace } from '../workspace/sft-workspace';
import { DiagnosticConverter, linesOf, type PositionSource } from './convert';
import type { GuidelinesStore } from './guidelines-store';
import type { PerfProbe } from '../perf';

/** Workspace-wide problems (duplicate-id, near-duplicate) for a file, from the index. */
export interface WorkspaceProblemSource {
  problemsFor(uri: vscode.Uri): Problem[];
  /**
   * Whether the index has read the file as it is now (an open document is re-indexed a pause
   * after its edits; until then `problemsFor` has none for it).
   */
  isCurrent(uri: vscode.Uri): boolean;
  /** Fires with the files whose workspace problems may have changed. */
  readonly onDidChange: vscode.Event<readonly vscode.Uri[]>;
}

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
  /**
   * Closed files linted from disk: their own problems and line starts, so that a change of
   * the workspace problems (duplicate ids, near-duplicates) merges into them without reading
   * and linting the file again.
   */
  private readonly fromDisk = new Map<
    string,
    { problems: readonly Problem[]; lines: PositionSource }
  >();
  /** Open documents: the problems last set, the document version and the limit they were set under. */
  private readonly openMerged = new Map<
    string,
    { version: number; max: number; problems: readonly Problem[] }
  >();
  /** Updates already published (a workspace lint publishes at once what the update handler would later). */
  private readonly published = new WeakSet<SftFileUpdate>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private workspaceSource?: WorkspaceProblemSource;
  private workspaceRun?: vscode.CancellationTokenSource;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after diagnostics of a file were published (for status, CodeLens, tests). */
  readonly onDidPublish = this.changed.event;

  static register(
    context: { extensionUri: vscode.Uri },
    workspace: SftWorkspace,
    guidelines: GuidelinesStore,
    log: vscode.LogOutputChannel,
    perf: PerfProbe,
  ): DiagnosticsProvider {
    return new DiagnosticsProvider(
      new DiagnosticConverter(context.extensionUri),
      workspace,
      guidelines,
      log,
      perf,
    );
  }

  private constructor(
    readonly converter: DiagnosticConverter,
    private readonly workspace: SftWorkspace,
    private readonly guidelines: GuidelinesStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly perf: PerfProbe,
  ) {
    super();
    this._register({
      dispose: () => {
        for (const t of this.timers) clearTimeout(t);
        this.workspaceRun?.cancel();
      },
    });
    this._register(workspace.onDidUpdate((u) => this.onUpdate(u)));
    this._register(workspace.onDidForget((uri) => this.clear(uri)));
    // Guidelines files are not the workspace service's: their own problems are published here.
    this._register(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isGuidelinesUri(d.uri)) void this.publishGuidelines(d.uri);
      }),
    );
    this._register(guidelines.onDidChange(() => void this.publishAllGuidelines()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sft.lint')) this.republishAll();
        if (e.affectsConfiguration('sft.lint.workspace') && settings().lintWorkspace)
          void this.lintWorkspace({ quiet: true });
      }),
    );
    for (const d of vscode.workspace.textDocuments)
      if (isGuidelinesUri(d.uri)) void this.publishGuidelines(d.uri);
  }

  /**
   * A file's new content. An open document's lint is there already: publish it now. A
   * closed file is linted here (with `sft.lint.workspace`), a turn later, so the index's
   * coverage notice for the same update reaches the status bar first. The first scan's files
   * wait for the workspace lint after it.
   */
  private onUpdate(u: SftFileUpdate): void {
    if (u.document) {
      const s = settings(u.uri);
      if (u.reason === 'edit' && !s.lintOnType) return;
      if (u.reason === 'save' && !s.lintOnType && !s.lintOnSave) return;
      this.publish(u);
      return;
    }
    if (!settings().lintWorkspace || !u.inWorkspace) {
      this.clear(u.uri);
      return;
    }
    if (u.reason === 'scan' && !this.workspace.isBuilt) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.workspace.isLatest(u)) this.publish(u);
    }, 0);
    this.timers.add(timer);
  }

  /** Publish an update's problems, merged with the workspace's (once per update). */
  private publish(u: SftFileUpdate): void {
    if (this.published.has(u)) return;
    this.published.add(u);
    const started = performance.now();
    const result = u.lint();
    if (u.document) {
      this.fromDisk.delete(u.key);
      this.setOpen(u.document, result.problems);
      const c = u.current!;
      this.perf.lastLint = {
        uri: u.key,
        version: c.version,
        ms: c.lintMs + performance.now() - started,
        lintMs: c.lintMs,
        incremental: c.incremental,
      };
      this.changed.fire(u.uri);
      return;
    }
    this.fromDisk.set(u.key, { problems: result.problems, lines: u.lines() });
    this.republishFromDisk(u.uri);
  }

  /**
   * Set a file's diagnostics, unless they are the ones it has (a keystroke moves the offsets of
   * the problems after it, seldom their lines and columns): VS Code then sends nothing to the
   * window, whose Problems panel and markers would take the whole list again.
   */
  private set(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    const had = this.collection.get(uri);
    if (had && sameDiagnostics(had, diagnostics)) return;
    this.collection.set(uri, diagnostics);
  }

  /** Remove a file's problems. */
  private clear(uri: vscode.Uri): void {
    this.fromDisk.delete(uri.toString());
    this.openMerged.delete(uri.toString());
    if (!this.collection.has(uri)) return;
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  /** Merge workspace rule problems (duplicate-id, near-duplicate) into every publish. */
  setWorkspaceSource(source: WorkspaceProblemSource): vscode.Disposable {
    this.workspaceSource = source;
    const sub = source.onDidChange((uris) => this.republish(uris));
    this.republishAll();
    return {
      dispose: () => {
        sub.dispose();
        if (this.workspaceSource === source) this.workspaceSource = undefined;
      },
    };
  }

  /** Files whose workspace problems changed: merge the new ones into what they have, without linting again. */
  private republish(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const doc = this.workspace.openDocument(uri);
      if (doc && isSftDocument(doc)) this.republishOpen(doc);
      else this.republishFromDisk(uri);
    }
  }

  /** An open document's last lint, merged again with the workspace's problems (when it is current). */
  private republishOpen(doc: vscode.TextDocument): void {
    const last = this.collection.has(doc.uri) ? this.workspace.lastLint(doc) : undefined;
    if (!last) return;
    this.setOpen(doc, last.result.problems);
    this.changed.fire(doc.uri);
  }

  /**
   * An open document's own problems, merged with the workspace's, as its diagnostics. The
   * same problems under the same limit as last set for this version (an edit's publish right
   * after the index's notice of it merged them) are not converted again.
   */
  private setOpen(doc: vscode.TextDocument, own: readonly Problem[]): void {
    const key = doc.uri.toString();
    const merged = this.withWorkspace(doc.uri, own);
    const max = settings(doc.uri).maxProblemsPerFile;
    const was = this.openMerged.get(key);
    if (was?.version === doc.version && was.max === max && sameProblems(was.problems, merged))
      return;
    this.openMerged.set(key, { version: doc.version, max, problems: merged });
    this.set(doc.uri, this.converter.toDiagnostics(merged, doc, max, resolveFile));
  }

  /** Current diagnostics of a file (tests, CodeLens). */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private withWorkspace(uri: vscode.Uri, problems: readonly Problem[]): Problem[] {
    const extra = this.workspaceSource?.problemsFor(uri) ?? [];
    return extra.length ? [...problems, ...extra].sort((a, b) => a.start - b.start) : [...problems];
  }

  /** A closed file linted from disk: its own problems merged with the workspace's current ones. */
  private republishFromDisk(uri: vscode.Uri): void {
    const own = this.fromDisk.get(uri.toString());
    if (!own || this.workspace.openDocument(uri)) return;
    this.set(
      uri,
      this.converter.toDiagnostics(
        this.withWorkspace(uri, own.problems),
        own.lines,
        settings(uri).maxProblemsPerFile,
        resolveFile,
      ),
    );
    this.changed.fire(uri);
  }

  /** A guidelines file's own problems. */
  private async publishGuidelines(uri: vscode.Uri): Promise<void> {
    const g = await this.guidelines.forGuidelines(uri);
    const doc = this.workspace.openDocument(uri);
    // The problems' offsets refer to the text they were loaded from.
    if (doc && doc.getText() !== g.text) return;
    this.set(
      uri,
      this.converter.toDiagnostics(
        g.loaded.problems,
        doc ?? linesOf(g.text),
        settings(uri).maxProblemsPerFile,
        resolveFile,
      ),
    );
    this.changed.fire(uri);
  }

  /** Every loaded guidelines file's own problems, and those of open guidelines documents. */
  private async publishAllGuidelines(): Promise<void> {
    const loaded = await this.guidelines.all();
    for (const g of loaded) if (g.uri) await this.publishGuidelines(g.uri);
    for (const d of vscode.workspace.textDocuments)
      if (isGuidelinesUri(d.uri) && !loaded.some((g) => g.key === d.uri.toString()))
        await this.publishGuidelines(d.uri);
  }

  /** Settings changed: publish what is known again (limits); without workspace lint, closed files lose their problems. */
  private republishAll(): void {
    for (const d of vscode.workspace.textDocuments)
      if (isSftDocument(d) && this.workspace.files.isOpen(d)) this.republishOpen(d);
    void this.publishAllGuidelines();
    if (settings().lintWorkspace) {
      for (const key of [...this.fromDisk.keys()]) this.republishFromDisk(vscode.Uri.parse(key));
    } else {
      for (const key of [...this.fromDisk.keys()]) {
        const uri = vscode.Uri.parse(key);
        if (!this.workspace.openDocument(uri)) this.clear(uri);
      }
    }
  }

  /**
   * Lint every `.sft.yaml` file of the workspace into the Problems panel, from what exists:
   * open documents as the editor has them, the other files from disk (each read, parsed and
   * linted once, the index taking the same update), and no problems left for files that are
   * gone. Cancellable; `quiet` shows progress in the status bar instead of a notification
   * (the run after the index is built).
   */
  async lintWorkspace(opts: { quiet?: boolean } = {}): Promise<WorkspaceLintSummary> {
    await this.workspace.ready();
    this.workspaceRun?.cancel();
    const run = new vscode.CancellationTokenSource();
    this.workspaceRun = run;
    const started = performance.now();
    const location = opts.quiet
      ? vscode.ProgressLocation.Window
      : vscode.ProgressLocation.Notification;
    try {
      const linted = await vscode.window.withProgress(
        { location, title: 'SFT: linting workspace', cancellable: !opts.quiet },
        async (progress, token) => {
          const sub = token.onCancellationRequested(() => run.cancel());
          let done = 0;
          try {
            return await this.workspace.scan('scan', run.token, (update, total) => {
              if (update) this.publish(update);
              done++;
              progress.report({
                message: `${done}/${plural(total, 'file')}`,
                increment: 100 / total,
              });
            });
          } finally {
            sub.dispose();
          }
        },
      );
      const summary = this.summarise(linted, run.token.isCancellationRequested);
      this.log.info(
        `Workspace lint${opts.quiet ? ' (index built)' : ''}: ${lintSummaryText(summary)} (${Math.round(performance.now() - started)} ms)`,
      );
      return summary;
    } finally {
      if (this.workspaceRun === run) this.workspaceRun = undefined;
      run.dispose();
    }
  }

  private summarise(files: readonly vscode.Uri[], cancelled: boolean): WorkspaceLintSummary {
    const s: WorkspaceLintSummary = {
      files: files.length,
      errors: 0,
      warnings: 0,
      infos: 0,
      filesWithProblems: 0,
      cancelled,
    };
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

/** Whether two lists of problems are the same problems at the same places, in the same order. */
function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        p === q ||
        (p.start === q.start &&
          p.end === q.end &&
          p.rule === q.rule &&
          p.severity === q.severity &&
          p.message === q.message &&
          JSON.stringify(p.related) === JSON.stringify(q.related) &&
          JSON.stringify(p.fixes) === JSON.stringify(q.fixes))
      );
    })
  );
}

/** Whether two lists of diagnostics show the same, in the same order. */
export function sameDiagnostics(
  a: readonly vscode.Diagnostic[],
  b: readonly vscode.Diagnostic[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  if (
    !a.range.isEqual(b.range) ||
    a.message !== b.message ||
    a.severity !== b.severity ||
    a.source !== b.source ||
    !sameCode(a.code, b.code) ||
    !sameList(a.tags, b.tags, (x, y) => x === y)
  )
    return false;
  return sameList(
    a.relatedInformation,
    b.relatedInformation,
    (x, y) =>
      x.message === y.message &&
      x.location.uri.toString() === y.location.uri.toString() &&
      x.location.range.isEqual(y.location.range),
  );
}

function sameCode(a: vscode.Diagnostic['code'], b: vscode.Diagnostic['code']): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.value === b.value && a.target.toString() === b.target.toString();
}

function sameList<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean,
): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
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
