/**
 * Which `.sft.yaml` files exist and which documents are open, for the index and the
 * diagnostics alike: one file system watcher, and one answer to "is this file still here?".
 *
 * VS Code keeps a document in `workspace.textDocuments` for a while after its tab closes,
 * and a clean document of a deleted file stays open as "(deleted)": neither is a file of
 * the workspace any more. A document with unsaved edits is, until it is closed or saved.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { findOpenDocument, isSftUri, SFT_GLOB } from '../documents';

/** Whether `key` (a URI string) is `folder` or lies below it. */
function under(key: string, folder: string): boolean {
  return key === folder || key.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export class SftFiles extends Disposable {
  private readonly watcher = this._register(vscode.workspace.createFileSystemWatcher(SFT_GLOB));
  /** Files deleted on disk (or renamed away) since they were last seen there. */
  private readonly gone = new Set<string>();
  private readonly created = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly deleted = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A `.sft.yaml` file was created on disk. */
  readonly onDidCreate = this.created.event;
  /** A `.sft.yaml` file changed on disk. */
  readonly onDidChange = this.changed.event;
  /**
   * A file or folder is gone from disk (deleted, or renamed away): drop what you hold for it
   * and below it ({@link SftFiles.isUnder}) unless {@link SftFiles.openDocument} still has it.
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
        this.deleted.fire(u);
      }),
    );
    // Folders deleted or renamed in VS Code: the glob watcher may report nothing for the files in them.
    this._register(
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const u of e.files) if (!isSftUri(u)) this.folderGone(u);
      }),
    );
    this._register(
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) if (!isSftUri(f.oldUri)) this.folderGone(f.oldUri);
      }),
    );
    this._register(
      vscode.workspace.onDidSaveTextDocument((d) => this.gone.delete(d.uri.toString())),
    );
  }

  private folderGone(folder: vscode.Uri): void {
    const key = folder.toString();
    for (const d of vscode.workspace.textDocuments)
      if (isSftUri(d.uri) && under(d.uri.toString(), key)) this.gone.add(d.uri.toString());
    this.deleted.fire(folder);
  }

  /** Whether `key` is `uri` or lies below it (for {@link SftFiles.onDidDelete} of a folder). */
  static isUnder(key: string, uri: vscode.Uri): boolean {
    return under(key, uri.toString());
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
