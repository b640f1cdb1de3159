/**
 * Which guidelines govern a file, loaded once and kept current: the `sft.guidelines.path`
 * setting, else the nearest `sft.guidelines.yaml` in the file's folder or a parent (up to
 * the workspace folder), else the built-in defaults. Files are read with
 * `vscode.workspace.fs` (so a web build works too); an open guidelines document wins over
 * the file on disk, so unsaved guidelines edits apply at once.
 */
import * as vscode from 'vscode';
import {
  defaultGuidelines,
  guidelinesCandidates,
  loadGuidelines,
  type Guidelines,
  type LoadedGuidelines,
} from '../../core/guidelines';
import { FileLinter, type LintLog } from '../../core/lint';
import { RULE_METAS } from '../../core/rules/index';
import type { TextServices } from '../../core/services';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { findOpenDocument, GUIDELINES_GLOB, isGuidelinesUri } from '../documents';

/** The guidelines that apply to a file, with a linter over them. */
export interface GovernedBy {
  /** URI string of the guidelines file; undefined for the built-in defaults. */
  key?: string;
  uri?: vscode.Uri;
  loaded: LoadedGuidelines;
  linter: FileLinter;
  /** The guidelines text the problems' offsets refer to. */
  text: string;
}

const decoder = new TextDecoder();

/** Resolves and caches guidelines; fires when any of them change. */
export class GuidelinesStore extends Disposable {
  private readonly loaded = new Map<string, Promise<GovernedBy>>();
  private readonly exists = new Map<string, Promise<boolean>>();
  private defaults?: GovernedBy;
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined>());
  /** Fires with the changed guidelines' URI string, or undefined when all may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly reloadTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Where the linters log a rule that threw: the SFT Studio output channel. */
  private readonly logRuleFailure: LintLog;

  /**
   * @param services what the linters count tokens and detect languages with.
   * @param log the SFT Studio output channel, where a rule that throws is logged.
   */
  constructor(
    private readonly services: TextServices,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.logRuleFailure = (message, error) => log.error(message, error);
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(GUIDELINES_GLOB));
    // Creating or deleting a guidelines file can change which one governs any file.
    this._register(watcher.onDidCreate(() => this.invalidateAll()));
    this._register(watcher.onDidDelete(() => this.invalidateAll()));
    this._register(
      watcher.onDidChange((uri) => {
        if (!this.isOpen(uri)) this.invalidate(uri.toString());
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isGuidelinesUri(e.document.uri) && e.contentChanges.length)
          this.scheduleReload(e.document.uri.toString());
      }),
    );
    // A closed guidelines document falls back to the file on disk. Reload whether or not it
    // looks dirty: a revert-and-close can report a clean document whose edits were never reloaded.
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isGuidelinesUri(d.uri)) this.invalidate(d.uri.toString());
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sft.guidelines.path')) this.invalidateAll();
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidateAll()));
    this._register({
      dispose: () => {
        for (const t of this.reloadTimers.values()) clearTimeout(t);
      },
    });
  }

  /** The guidelines for a file. */
  async forUri(uri: vscode.Uri): Promise<GovernedBy> {
    const target = await this.resolve(uri);
    return target ? this.load(target) : this.builtIn();
  }

  /** Every guidelines file loaded so far, for re-publishing their own problems. */
  async all(): Promise<GovernedBy[]> {
    return Promise.all([...this.loaded.values()]);
  }

  /** Load (or reload) one guidelines file, e.g. when it is opened. */
  async forGuidelines(uri: vscode.Uri): Promise<GovernedBy> {
    return this.load(uri);
  }

  private newLinter(g: Guidelines): FileLinter {
    return new FileLinter(g, this.services, { log: this.logRuleFailure });
  }

  private builtIn(): GovernedBy {
    if (!this.defaults) {
      const g = defaultGuidelines();
      g.trusted = vscode.workspace.isTrusted;
      this.defaults = {
        loaded: { guidelines: g, problems: [] },
        linter: this.newLinter(g),
        text: '',
      };
    }
    return this.defaults;
  }

  private async resolve(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const configured = settings(uri).guidelinesPath.trim();
    if (configured) {
      const base = folder?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (configured.startsWith('/') || /^[A-Za-z]:[\\/]/.test(configured))
        return vscode.Uri.file(configured);
      return base ? vscode.Uri.joinPath(base, configured) : undefined;
    }
    if (uri.scheme === 'untitled') {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!root) return undefined;
      const candidate = vscode.Uri.joinPath(root, 'sft.guidelines.yaml');
      return (await this.fileExists(candidate)) ? candidate : undefined;
    }
    for (const path of guidelinesCandidates(uri.path, folder?.uri.path)) {
      const candidate = uri.with({ path, query: '', fragment: '' });
      if (await this.fileExists(candidate)) return candidate;
    }
    return undefined;
  }

  private fileExists(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    let p = this.exists.get(key);
    if (!p) {
      p = this.isOpen(uri)
        ? Promise.resolve(true)
        : Promise.resolve(vscode.workspace.fs.stat(uri)).then(
            (s) => (s.type & vscode.FileType.File) !== 0,
            () => false,
          );
      this.exists.set(key, p);
    }
    return p;
  }

  private isOpen(uri: vscode.Uri): vscode.TextDocument | undefined {
    return findOpenDocument(uri);
  }

  private load(uri: vscode.Uri): Promise<GovernedBy> {
    const key = uri.toString();
    let p = this.loaded.get(key);
    if (!p) {
      p = this.read(uri).then((text) => {
        const loaded = loadGuidelines(text ?? '', uri.fsPath || uri.path, RULE_METAS);
        if (text === undefined) {
          loaded.problems = [];
        }
        loaded.guidelines.trusted = vscode.workspace.isTrusted;
        return { key, uri, loaded, linter: this.newLinter(loaded.guidelines), text: text ?? '' };
      });
      this.loaded.set(key, p);
    }
    return p;
  }

  private async read(uri: vscode.Uri): Promise<string | undefined> {
    const doc = this.isOpen(uri);
    if (doc) return doc.getText();
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private scheduleReload(key: string): void {
    clearTimeout(this.reloadTimers.get(key));
    this.reloadTimers.set(
      key,
      setTimeout(() => {
        this.reloadTimers.delete(key);
        this.invalidate(key);
      }, settings().debounceMs),
    );
  }

  private invalidate(key: string): void {
    this.loaded.delete(key);
    this.changed.fire(key);
  }

  private invalidateAll(): void {
    this.loaded.clear();
    this.exists.clear();
    this.defaults = undefined;
    this.changed.fire(undefined);
  }
}
