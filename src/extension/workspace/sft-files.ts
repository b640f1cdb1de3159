/**
 * Which `.sft.yaml` files exist and which documents are open, for the index and the
 * diagnostics alike: one file system watcher (and one for the folders they are in), and one
 * answer to "is this file still here?".
 *
 * VS Code keeps a document in `workspace.textDocuments` for a while after its tab closes,
 * and a clean document of a deleted file stays open as "(deleted)": neither is a file of
 * the workspace any more. A document with unsaved edits is, until it is closed or saved.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { findOpenDocument, isSftUri, SFT_GLOB } from '../documents';

/** Whether `key` (a URI string) is one of `folders` or lies below one of them: one look-up per level. */
function underAny(key: string, folders: ReadonlySet<string>): boolean {
  for (let at = key.length; at > 0; at = key.lastIndexOf('/', at - 1))
    if (folders.has(key.slice(0, at))) return true;
  return false;
}

/** How long creates and deletes of folders are gathered before they are looked at (a checkout makes many). */
const FOLDER_EVENTS_MS = 50;

export class SftFiles extends Disposable {
  private readonly watcher = this._register(vscode.workspace.createFileSystemWatcher(SFT_GLOB));
  /**
   * Creates and deletes of everything else: VS Code reports a folder created or deleted as a
   * whole (a checkout, `rm -rf`, an unzip) as one event for the folder, which the glob
   * watcher above never sees, and not for the `.sft.yaml` files in it.
   */
  private readonly folderWatcher = this._register(
    vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
  );
  private readonly foldersCreated = new Set<string>();
  private readonly foldersDeleted = new Set<string>();
  private folderTimer?: ReturnType<typeof setTimeout>;
  /** Files deleted on disk (or renamed away) since they were last seen there. */
  private readonly gone = new Set<string>();
  private readonly created = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly deleted = this._register(new vscode.EventEmitter<readonly vscode.Uri[]>());
  /** A `.sft.yaml` file was created on disk. */
  readonly onDidCreate = this.created.event;
  /** A `.sft.yaml` file changed on disk. */
  readonly onDidChange = this.changed.event;
  /**
   * Files or folders are gone from disk (deleted, or renamed away): drop what you hold for
   * them and below them ({@link SftFiles.isUnderAny}) unless {@link SftFiles.openDocument}
   * still has it.
   */
  readonly onDidDelete = this.deleted.event;

  static register(): SftFiles {
    return new SftFiles();
  }

  private constructor() {
    super();
    this._register(
      this.watcher.onDidCreate((u) => {
        this.gone.delete(u.toString());
        this.created.fire(u);
      }),
    );
    this._register(this.watcher.onDidChange((u) => this.changed.fire(u)));
    this._register(
      this.watcher.onDidDelete((u) => {
        this.gone.add(u.toString());
        this.deleted.fire([u]);
      }),
    );
    this._register(this.folderWatcher.onDidCreate((u) => this.folderEvent(u, this.foldersCreated)));
    this._register(this.folderWatcher.onDidDelete((u) => this.folderEvent(u, this.foldersDeleted)));
    this._register({ dispose: () => clearTimeout(this.folderTimer) });
    // Folders deleted or renamed in VS Code: the glob watcher may report nothing for the files in them.
    this._register(
      vscode.workspace.onDidDeleteFiles((e) => {
        this.foldersGone(new Set(e.files.filter((u) => !isSftUri(u)).map((u) => u.toString())));
      }),
    );
    this._register(
      vscode.workspace.onDidRenameFiles((e) => {
        this.foldersGone(
          new Set(e.files.filter((f) => !isSftUri(f.oldUri)).map((f) => f.oldUri.toString())),
        );
      }),
    );
    this._register(
      vscode.workspace.onDidSaveTextDocument((d) => this.gone.delete(d.uri.toString())),
    );
  }

  /** Folders are gone: so are the files below them, open documents of them included. */
  private foldersGone(folders: ReadonlySet<string>): void {
    if (!folders.size) return;
    for (const d of vscode.workspace.textDocuments) {
      const key = d.uri.toString();
      if (isSftUri(d.uri) && underAny(key, folders)) this.gone.add(key);
    }
    this.deleted.fire([...folders].map((f) => vscode.Uri.parse(f)));
  }

  /** Something other than a `.sft.yaml` file was created or deleted: look at it with the others of its burst. */
  private folderEvent(uri: vscode.Uri, pending: Set<string>): void {
    if (isSftUri(uri)) return;
    pending.add(uri.toString());
    this.folderTimer ??= setTimeout(() => void this.flushFolderEvents(), FOLDER_EVENTS_MS);
  }

  /** Deleted folders take their files with them; the files of a created folder are announced one by one. */
  private async flushFolderEvents(): Promise<void> {
    this.folderTimer = undefined;
    const deleted = new Set(this.foldersDeleted);
    const created = new Set(this.foldersCreated);
    this.foldersDeleted.clear();
    this.foldersCreated.clear();
    this.foldersGone(deleted);
    for (const key of created) {
      // A folder created inside another created one is found with it.
      if (underAny(key.slice(0, key.lastIndexOf('/')), created)) continue;
      const folder = vscode.Uri.parse(key);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(folder)).then(
        (s) => s,
        () => undefined,
      );
      if (this.isDisposed || !stat || !(stat.type & vscode.FileType.Directory)) continue;
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, SFT_GLOB),
        '**/node_modules/**',
      );
      for (const u of found) {
        if (this.isDisposed) return;
        this.gone.delete(u.toString());
        this.created.fire(u);
      }
    }
  }

  /** Whether `key` is one of `gone` (URI strings) or lies below one of them (for {@link SftFiles.onDidDelete}). */
  static isUnderAny(key: string, gone: ReadonlySet<string>): boolean {
    return underAny(key, gone);
  }

  /**
   * The document the user has open for this file: not one whose file was deleted while it
   * had no unsaved edits, not one VS Code is about to dispose.
   */
  openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const doc = findOpenDocument(uri);
    return doc && this.isOpen(doc) ? doc : undefined;
  }

  /** Whether a document still stands for a file of its own: open, and not a clean copy of a deleted file. */
  isOpen(doc: vscode.TextDocument): boolean {
    return !doc.isClosed && (doc.isDirty || !this.gone.has(doc.uri.toString()));
  }

  /**
   * Whether a document belongs to the workspace, so the index and coverage count it: a file
   * in a workspace folder. Untitled documents, files outside the folders and other schemes
   * (a git diff's old side) are linted, not counted.
   */
  static inWorkspace(uri: vscode.Uri): boolean {
    return uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }
}
