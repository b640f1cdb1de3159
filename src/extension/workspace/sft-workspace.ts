/**
 * The one owner of `.sft.yaml` files in the extension, open and closed alike: one file
 * system watcher ({@link SftFiles}), one listener per document event, one debounce per
 * document. Each change is read (a closed file), parsed and linted once, and published as
 * one {@link SftWorkspace.onDidUpdate} that diagnostics, the index (coverage, status bar,
 * coverage view) and other views subscribe to. {@link SftWorkspace.ready} resolves once the
 * first scan of the workspace has ended.
 *
 * A closed file's lint runs on demand ({@link SftFileUpdate.lint}): the index needs only
 * the parse, so the status bar does not wait for the rules; diagnostics lints it once, for
 * everyone who asks.
 */
import * as vscode from 'vscode';
import type { FileLintResult } from '../../core/lint';
import { parseSft, type SftFileModel } from '../../core/parse/parse';
import { textHash } from '../../core/text/hash';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { isSftDocument, isSftUri, SFT_GLOB } from '../documents';
import { linesOf, type PositionSource } from '../lint/convert';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import type { GovernedBy, GuidelinesStore } from '../lint/guidelines-store';
import { SftFiles } from './sft-files';

/** Why a file was read again: subscribers that care (diagnostics' lint-on-type setting) tell them apart. */
export type UpdateReason = 'open' | 'edit' | 'save' | 'disk' | 'close' | 'scan' | 'guidelines';

/** One file's new content, parsed once for every subscriber. */
export interface SftFileUpdate {
  readonly uri: vscode.Uri;
  /** `uri.toString()`. */
  readonly key: string;
  readonly reason: UpdateReason;
  /** Increases with every update of the file: a subscriber that defers work can tell a stale update. */
  readonly generation: number;
  /** The open document the model came from (at `version`); undefined for a closed file read from disk. */
  readonly document?: vscode.TextDocument;
  readonly version?: number;
  readonly model: SftFileModel;
  readonly governedBy: GovernedBy;
  /** Whether the file counts in the workspace (index and coverage): a file of a workspace folder that exists or has unsaved edits. */
  readonly inWorkspace: boolean;
  /** Hash of the text read from disk (closed files). */
  readonly diskHash?: number;
  /** The open document's lint timing (documents only). */
  readonly current?: CurrentLint;
  /** The lint result: an open document's is already there, a closed file is linted on the first call. */
  lint(): FileLintResult;
  /** Offsets of the model's text to positions. */
  lines(): PositionSource;
}

/** What the service did, for tests and benchmarks. */
export interface WorkspaceStats {
  /** Closed files read from disk. */
  reads: number;
  /** Closed files parsed (texts unchanged since the last read are not). */
  parses: number;
  /** Closed files linted. */
  lints: number;
  /** Whether the first scan has ended. */
  built: boolean;
  /** How long the first scan took, and what it found. */
  build?: { ms: number; files: number };
}

const decoder = new TextDecoder();

/** Debounce of watcher events for one closed file: a checkout or a save writes in bursts. */
const DISK_DEBOUNCE_MS = 50;

/**
 * After a key press in a pair editor's card, the pause in typing before the rest of the
 * workspace takes the edit: longer than the gap between two keys of a writer typing (writers
 * seldom leave more than half a second between keys of one word or phrase).
 */
const CARD_TYPING_PAUSE_MS = 700;

/** What the service remembers of a file it published: no text, no model. */
interface Known {
  inWorkspace: boolean;
  diskHash?: number;
  governedBy?: GovernedBy;
}

export class SftWorkspace extends Disposable {
  readonly files = this._register(SftFiles.register());
  readonly stats: WorkspaceStats = { reads: 0, parses: 0, lints: 0, built: false };
  /** Documents whose next change is a key press in a pair editor's card (see typingInCard). */
  private readonly typedInCard = new Set<string>();
  private readonly timers = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; reason: UpdateReason }
  >();
  /** Per file: the generation of its last read or schedule, and of its last update published (or forget). */
  private readonly generations = new Map<string, number>();
  private readonly published = new Map<string, number>();
  private readonly known = new Map<string, Known>();
  private building?: Promise<void>;
  private rescanning?: Promise<void>;
  private rescanAgain = false;
  private readonly updated = this._register(new vscode.EventEmitter<SftFileUpdate>());
  private readonly forgotten = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly builtEmitter = this._register(new vscode.EventEmitter<void>());
  /** A file has new content (or is governed by new guidelines). */
  readonly onDidUpdate = this.updated.event;
  /** A file is gone (deleted, renamed away, or closed and not a file of the workspace): drop what you hold for it. */
  readonly onDidForget = this.forgotten.event;
  /** The first scan has ended (fires before {@link SftWorkspace.ready} resolves). */
  readonly onDidBuild = this.builtEmitter.event;

  static register(
    docs: DocumentStore,
    guidelines: GuidelinesStore,
    log: vscode.LogOutputChannel,
  ): SftWorkspace {
    return new SftWorkspace(docs, guidelines, log);
  }

  private constructor(
    private readonly docs: DocumentStore,
    private readonly guidelines: GuidelinesStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({
      dispose: () => {
        for (const t of this.timers.values()) clearTimeout(t.timer);
      },
    });
    this._register(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isSftDocument(d)) this.schedule(d, 0, 'open');
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !isSftDocument(e.document)) return;
        this.docs.track(e);
        const key = e.document.uri.toString();
        let delay = settings(e.document.uri).debounceMs;
        if (this.typedInCard.delete(key)) delay = Math.max(delay, CARD_TYPING_PAUSE_MS);
        this.schedule(e.document, delay, 'edit');
      }),
    );
    // A save settles the text: publish now rather than after the typing debounce.
    this._register(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isSftDocument(d)) this.schedule(d, 0, 'save');
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isSftDocument(d)) this.onClose(d);
      }),
    );
    // Closed files: the first scan reads them all, so events before it starts are not needed.
    this._register(
      this.files.onDidCreate((u) => {
        if (this.building) this.fromDiskLater(u);
      }),
    );
    this._register(
      this.files.onDidChange((u) => {
        if (this.building) this.fromDiskLater(u);
      }),
    );
    this._register(this.files.onDidDelete((gone) => this.forgetUnder(gone)));
    this._register(guidelines.onDidChange(() => this.onGuidelinesChange()));
    for (const d of vscode.workspace.textDocuments)
      if (isSftDocument(d)) this.schedule(d, 0, 'open');
  }

  /** Start the first scan (once); resolves when it has ended, every file of the workspace published. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  /** Whether the first scan has ended (not merely started). */
  get isBuilt(): boolean {
    return this.stats.built;
  }

  /** The document the user has open for this file (see {@link SftFiles.openDocument}). */
  openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return this.files.openDocument(uri);
  }

  /** The open document's lint when it is of the document's current version. */
  lastLint(doc: vscode.TextDocument): CurrentLint | undefined {
    const last = this.docs.peek(doc.uri);
    return last?.version === doc.version ? last : undefined;
  }

  /** Whether an update is still the file's latest (a deferred subscriber checks before it publishes). */
  isLatest(update: SftFileUpdate): boolean {
    return this.published.get(update.key) === update.generation;
  }

  private async build(): Promise<void> {
    const started = performance.now();
    try {
      const files = await this.scan('scan');
      this.stats.build = { ms: performance.now() - started, files: files.length };
    } catch (e) {
      this.log.error('Scanning the workspace failed:', e);
    }
    this.stats.built = true;
    this.builtEmitter.fire();
  }

  /**
   * Publish every file that exists (open documents as the editor has them, the others from
   * disk) and forget the files that do not. Returns the `.sft.yaml` files found on disk;
   * `onFile` is called after each of them is published, with how many there are.
   */
  async scan(
    reason: UpdateReason,
    token?: vscode.CancellationToken,
    onFile?: (update: SftFileUpdate | undefined, total: number) => void,
  ): Promise<vscode.Uri[]> {
    const found = (
      await vscode.workspace.findFiles(SFT_GLOB, '**/node_modules/**', undefined, token)
    ).filter(isSftUri);
    const seen = new Set<string>();
    const done: vscode.Uri[] = [];
    for (const uri of found) {
      if (token?.isCancellationRequested) return done;
      seen.add(uri.toString());
      const doc = this.openDocument(uri);
      // Not inside `onFile?.(...)`: without a callback its arguments would not be evaluated.
      const update = doc
        ? await this.refreshDocument(doc, reason)
        : await this.fromDisk(uri, reason);
      onFile?.(update, found.length);
      done.push(uri);
    }
    for (const d of vscode.workspace.textDocuments) {
      const key = d.uri.toString();
      if (
        isSftDocument(d) &&
        SftFiles.inWorkspace(d.uri) &&
        !seen.has(key) &&
        this.files.isOpen(d)
      ) {
        seen.add(key);
        await this.refreshDocument(d, reason);
      }
    }
    for (const key of [...this.known.keys()]) {
      const uri = vscode.Uri.parse(key);
      if (!seen.has(key) && !this.openDocument(uri)) this.forget(uri);
    }
    return done;
  }

  /** Guidelines changed: open documents now, closed files in one rescan once the first scan is done. */
  private onGuidelinesChange(): void {
    for (const d of vscode.workspace.textDocuments)
      if (isSftDocument(d) && this.files.isOpen(d)) this.schedule(d, 0, 'guidelines');
    if (!this.building) return;
    // Rescans do not overlap: changes during one are taken by one more after it.
    if (this.rescanning) {
      this.rescanAgain = true;
      return;
    }
    this.rescanning = (async () => {
      do {
        this.rescanAgain = false;
        await this.building;
        await this.scan('guidelines');
      } while (this.rescanAgain);
    })()
      .catch((e: unknown) => this.log.error('Rescanning the workspace failed:', e))
      .finally(() => {
        this.rescanning = undefined;
      });
  }

  private bump(key: string): number {
    const g = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, g);
    return g;
  }

  private newerPublished(key: string, generation: number): boolean {
    return (this.published.get(key) ?? 0) > generation;
  }

  private cancelTimer(key: string): UpdateReason | undefined {
    const t = this.timers.get(key);
    if (!t) return undefined;
    clearTimeout(t.timer);
    this.timers.delete(key);
    return t.reason;
  }

  /**
   * The next change of `doc` is a key press in a pair editor's card: the card shows that
   * pair's problems at once (it lints on each key), so the rest (Problems panel, index,
   * status bar) waits for a pause in typing (CARD_TYPING_PAUSE_MS), not for the gap between
   * two keys, which would make that work run just as the next key arrives.
   */
  typingInCard(doc: vscode.TextDocument): void {
    this.typedInCard.add(doc.uri.toString());
  }

  /** Publish a document after `delay` ms; a later call for it replaces this one. */
  private schedule(doc: vscode.TextDocument, delay: number, reason: UpdateReason): void {
    const key = doc.uri.toString();
    const pending = this.cancelTimer(key);
    // A pending open, save or guidelines change is not demoted to a mere edit.
    const why = pending && pending !== 'edit' && pending !== 'disk' ? pending : reason;
    const generation = this.bump(key);
    this.timers.set(key, {
      reason: why,
      timer: setTimeout(() => {
        this.timers.delete(key);
        void this.fromDocument(doc, generation, why);
      }, delay),
    });
  }

  /** Publish a document now (no debounce); resolves with the update, or undefined when it was superseded. */
  refreshDocument(
    doc: vscode.TextDocument,
    reason: UpdateReason,
  ): Promise<SftFileUpdate | undefined> {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    return this.fromDocument(doc, this.bump(key), reason);
  }

  private async fromDocument(
    doc: vscode.TextDocument,
    generation: number,
    reason: UpdateReason,
  ): Promise<SftFileUpdate | undefined> {
    const key = doc.uri.toString();
    if (!this.files.isOpen(doc)) return undefined;
    let current: CurrentLint;
    try {
      current = await this.docs.current(doc);
    } catch (e) {
      if (!(e instanceof vscode.CancellationError))
        this.log.error(`Linting ${vscode.workspace.asRelativePath(doc.uri)} failed:`, e);
      return undefined;
    }
    const inWorkspace = await this.documentInWorkspace(doc);
    // A newer schedule, a newer version or a close wins over this one.
    if (
      this.generations.get(key) !== generation ||
      !this.files.isOpen(doc) ||
      doc.version !== current.version
    )
      return undefined;
    const update: SftFileUpdate = {
      uri: doc.uri,
      key,
      reason,
      generation,
      document: doc,
      version: current.version,
      model: current.result.model,
      governedBy: current.governedBy,
      inWorkspace,
      current,
      lint: () => current.result,
      lines: () => doc,
    };
    this.known.set(key, { inWorkspace });
    this.published.set(key, generation);
    this.updated.fire(update);
    return update;
  }

  /**
   * Whether an open document counts in the workspace: a file of a workspace folder, and a
   * clean document of a file deleted before the watcher said so does not.
   */
  private async documentInWorkspace(doc: vscode.TextDocument): Promise<boolean> {
    if (!SftFiles.inWorkspace(doc.uri)) return false;
    if (doc.isDirty || this.known.get(doc.uri.toString())?.inWorkspace) return true;
    return Promise.resolve(vscode.workspace.fs.stat(doc.uri)).then(
      () => true,
      () => false,
    );
  }

  private fromDiskLater(uri: vscode.Uri): void {
    if (this.openDocument(uri)) return;
    const key = uri.toString();
    this.cancelTimer(key);
    this.timers.set(key, {
      reason: 'disk',
      timer: setTimeout(() => {
        this.timers.delete(key);
        void this.fromDisk(uri, 'disk');
      }, DISK_DEBOUNCE_MS),
    });
  }

  /**
   * Read, parse and publish a closed file; a file that cannot be read is forgotten. A watcher
   * event for text that did not change (a touch) publishes nothing. Reads may overlap (a
   * watcher event during a scan): each publishes unless a later one already has.
   */
  private async fromDisk(
    uri: vscode.Uri,
    reason: UpdateReason,
  ): Promise<SftFileUpdate | undefined> {
    const key = uri.toString();
    const generation = this.bump(key);
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      this.stats.reads++;
    } catch {
      if (!this.newerPublished(key, generation) && !this.openDocument(uri)) this.forget(uri);
      return undefined;
    }
    const governedBy = await this.guidelines.forUri(uri);
    if (this.newerPublished(key, generation) || this.openDocument(uri)) return undefined;
    const diskHash = textHash(text);
    const before = this.known.get(key);
    if (reason === 'disk' && before?.diskHash === diskHash && before.governedBy === governedBy)
      return undefined;
    this.stats.parses++;
    const model = parseSft(text);
    // Files read from disk are the watcher's and the scan's: both cover the workspace folders only.
    const inWorkspace = true;
    let result: FileLintResult | undefined;
    const update: SftFileUpdate = {
      uri,
      key,
      reason,
      generation,
      model,
      governedBy,
      inWorkspace,
      diskHash,
      lint: () => {
        if (!result) {
          this.stats.lints++;
          result = governedBy.linter.lintModel(model);
        }
        return result;
      },
      lines: () => linesOf(text),
    };
    this.known.set(key, { inWorkspace, diskHash, governedBy });
    this.published.set(key, generation);
    this.updated.fire(update);
    return update;
  }

  /** A closed document's unsaved edits are gone: a file of the workspace is read from disk again, anything else forgotten. */
  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    this.bump(key);
    this.docs.forget(doc.uri);
    if (SftFiles.inWorkspace(doc.uri) && isSftUri(doc.uri)) {
      this.known.delete(key);
      void this.fromDisk(doc.uri, 'close');
    } else {
      this.forget(doc.uri);
    }
  }

  /** Files or folders are gone from disk: forget their files, unless an editor still holds unsaved edits of them. */
  private forgetUnder(gone: readonly vscode.Uri[]): void {
    const keys = new Set(gone.map((u) => u.toString()));
    for (const key of new Set([...this.known.keys(), ...this.timers.keys()])) {
      const uri = vscode.Uri.parse(key);
      if (SftFiles.isUnderAny(key, keys) && !this.openDocument(uri)) this.forget(uri);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelTimer(key);
    this.published.set(key, this.bump(key));
    this.known.delete(key);
    this.forgotten.fire(uri);
  }
}
