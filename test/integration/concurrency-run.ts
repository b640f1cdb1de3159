/**
 * The actions of the concurrency test and the model that says what text each must leave.
 * Each action awaits its own effect (the edit applied, the file written, the save done) but
 * never the extension's debounce, lint or index: they race on purpose.
 *
 * The model follows what the writer typed as chunks, each unique: a chunk typed into a
 * document must be in its final text, unless a later action replaced it on purpose: a fix
 * whose edit touched it, a revert, or a write on disk while the document had no unsaved
 * edits (VS Code reloads it then, and keeps unsaved text otherwise).
 */
import * as assert from 'node:assert';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { findOpenDocument } from '../../src/extension/documents';
import { codeActions, revert, sftDiagnostics } from './helpers';
import { fileText, pairText, type Random } from './random-pairs';

/** What the model expects of one file. */
interface FileModel {
  uri: vscode.Uri;
  /** Chunks typed and saved that the file on disk must hold. */
  disk: Set<string>;
  /** Chunks the open document must hold (undefined: no editor open on it). */
  doc?: Set<string>;
}

const WEIGHTS = {
  open: 8,
  type: 22,
  appendPair: 6,
  quickFix: 8,
  fixAll: 5,
  write: 14,
  save: 10,
  create: 5,
  delete: 5,
  close: 7,
  pause: 8,
};

/** What a writer types: a unique mark, sometimes with something a rule reports and a fix changes. */
const CHUNKS: ((n: number) => string)[] = [
  (n) => ` k${n}`,
  (n) => ` TODO k${n}`,
  (n) => ` As an AI language model k${n}`,
  (n) => ` k${n} mail k${n}@acme.io`,
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ConcurrencyRun {
  private readonly files: FileModel[] = [];
  private typed = 0;
  /** The file the last action was about (for the trace). */
  private last?: FileModel;
  private ids = 0;
  /** How often each action ran (and did something). */
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly rnd: Random,
    private readonly folder: vscode.Uri,
  ) {}

  /** Every file the run has made, existing or not. */
  uris(): vscode.Uri[] {
    return this.files.map((f) => f.uri);
  }

  /** Run one random action. */
  async step(): Promise<void> {
    let action: string = this.rnd.weighted(WEIGHTS);
    // Nothing to do it to (no editor open, say): open a file instead, or make one.
    if ((await this[action as keyof typeof WEIGHTS]()) === false) {
      action = 'open';
      if (!(await this.open())) {
        action = 'create';
        this.create();
      }
    }
    this.counts[action] = (this.counts[action] ?? 0) + 1;
    if (process.env.SFT_CONC_TRACE) console.log(`      ${action} ${this.trace()}`);
    this.last = undefined;
  }

  /** `SFT_CONC_TRACE=1`: the file acted on, then each file as name, open (dirty?), on disk, chunks expected in the document and on disk. */
  private trace(): string {
    const name = (f: FileModel) => f.uri.path.slice(f.uri.path.lastIndexOf('/') + 1);
    const files = this.files.map((f) => [
      name(f),
      f.doc && findOpenDocument(f.uri)?.isDirty,
      existsSync(f.uri.fsPath),
      f.doc?.size,
      f.disk.size,
    ]);
    return `${this.last ? name(this.last) : '-'} ${JSON.stringify(files)}`;
  }

  /** Chunks the model expects that the final texts lack. */
  lostKeystrokes(): string[] {
    const lost: string[] = [];
    for (const f of this.files) {
      const doc = f.doc && findOpenDocument(f.uri);
      const text = f.doc ? doc?.getText() : this.onDisk(f);
      for (const c of f.doc ?? f.disk) if (!text?.includes(c)) lost.push(`${f.uri.path}: "${c}"`);
    }
    return lost;
  }

  private onDisk(f: FileModel): string | undefined {
    return existsSync(f.uri.fsPath) ? readFileSync(f.uri.fsPath, 'utf8') : undefined;
  }

  private nextId = (): string => `cc-${++this.ids}`;

  /** An id already used now and then, for duplicate-id across files. */
  private someId(): string {
    return this.ids && this.rnd.chance(0.15) ? `cc-${1 + this.rnd.int(this.ids)}` : this.nextId();
  }

  private open_(): FileModel[] {
    return this.files.filter((f) => f.doc && !findOpenDocument(f.uri)?.isClosed);
  }

  private async editorOf(f: FileModel): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(f.uri, { preview: false });
  }

  /** One of the files open in an editor, shown (undefined: none is open). */
  private async pickOpen(): Promise<{ f: FileModel; editor: vscode.TextEditor } | undefined> {
    const open = this.open_();
    if (!open.length) return undefined;
    const f = this.rnd.pick(open);
    this.last = f;
    return { f, editor: await this.editorOf(f) };
  }

  create(): void {
    const uri = vscode.Uri.joinPath(this.folder, `c${this.files.length + 1}.sft.yaml`);
    writeFileSync(
      uri.fsPath,
      fileText(this.rnd, () => this.someId()),
    );
    this.files.push({ uri, disk: new Set() });
  }

  private async open(): Promise<boolean> {
    const closed = this.files.filter((f) => !f.doc && existsSync(f.uri.fsPath));
    if (!closed.length) return false;
    const f = this.rnd.pick(closed);
    this.last = f;
    await this.editorOf(f);
    f.doc = new Set(f.disk);
    return true;
  }

  /** Type a chunk at the end of a prompt or response (the `type` command, or an editor edit). */
  private async type(): Promise<boolean> {
    const picked = await this.pickOpen();
    if (!picked) return false;
    const { f, editor } = picked;
    const doc = editor.document;
    const ends: vscode.Position[] = [];
    for (let i = 0; i < doc.lineCount; i++)
      if (/^\s+(prompt|response): /.test(doc.lineAt(i).text)) ends.push(doc.lineAt(i).range.end);
    const at = ends.length ? this.rnd.pick(ends) : doc.lineAt(doc.lineCount - 1).range.end;
    const chunk = this.rnd.pick(CHUNKS)(++this.typed);
    this.splitAt(f, doc.getText(), doc.offsetAt(at));
    if (this.rnd.chance(0.5)) {
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('type', { text: chunk });
    } else {
      assert.ok(await editor.edit((b) => b.insert(at, chunk)), 'the edit applied');
    }
    assert.ok(doc.getText().includes(chunk), `"${chunk}" typed into ${f.uri.path}`);
    f.doc!.add(chunk);
    return true;
  }

  /** Typing inside an earlier chunk (a pair added whole) leaves its two halves, each still to be found. */
  private splitAt(f: FileModel, text: string, offset: number): void {
    for (const c of [...f.doc!]) {
      const at = text.indexOf(c);
      if (at < offset && offset < at + c.length) {
        f.doc!.delete(c);
        f.doc!.add(c.slice(0, offset - at));
        f.doc!.add(c.slice(offset - at));
      }
    }
  }

  /** Add a whole pair at the end of an open document. */
  private async appendPair(): Promise<boolean> {
    const picked = await this.pickOpen();
    if (!picked) return false;
    const { f, editor } = picked;
    const doc = editor.document;
    const end = doc.positionAt(doc.getText().length);
    const chunk = (doc.getText().endsWith('\n') ? '' : '\n') + pairText(this.rnd, this.someId());
    assert.ok(await editor.edit((b) => b.insert(end, chunk)), 'the pair inserted');
    f.doc!.add(chunk);
    return true;
  }

  /** A quick fix from the real provider for one of the document's diagnostics, as shown now. */
  private async quickFix(): Promise<boolean> {
    const picked = await this.pickOpen();
    if (!picked) return false;
    const { f, editor } = picked;
    const doc = editor.document;
    for (let attempt = 0; attempt < 2; attempt++) {
      const fixes: vscode.CodeAction[] = [];
      for (const d of sftDiagnostics(doc.uri)) {
        const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        fixes.push(...actions.filter((a) => a.edit));
      }
      if (fixes.length) return this.apply(f, doc, this.rnd.pick(fixes).edit!);
      // The diagnostics are of an older version (the debounce): wait for it once.
      await sleep(300);
    }
    return false;
  }

  /** `source.fixAll.sft` on an open document. */
  private async fixAll(): Promise<boolean> {
    const picked = await this.pickOpen();
    if (!picked) return false;
    const { f, editor } = picked;
    const doc = editor.document;
    const actions = await codeActions(
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
      'source.fixAll.sft',
    );
    const all = actions.find((a) => a.edit);
    return all ? this.apply(f, doc, all.edit!) : false;
  }

  /** Apply a fix; chunks its edits touch were replaced on purpose. */
  private async apply(
    f: FileModel,
    doc: vscode.TextDocument,
    edit: vscode.WorkspaceEdit,
  ): Promise<boolean> {
    const text = doc.getText();
    const spans = edit
      .get(doc.uri)
      .map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    for (const c of [...f.doc!]) {
      const at = text.indexOf(c);
      if (at >= 0 && spans.some(([s, e]) => s < at + c.length && e > at)) f.doc!.delete(c);
    }
    return true;
  }

  /** Another program writes the file: a new text, or the old one with a pair added. */
  private async write(): Promise<boolean> {
    if (!this.files.length) return false;
    const f = this.rnd.pick(this.files);
    this.last = f;
    const old = this.onDisk(f);
    const keep = old !== undefined && this.rnd.chance(0.4);
    writeFileSync(
      f.uri.fsPath,
      keep ? old + pairText(this.rnd, this.someId()) : fileText(this.rnd, () => this.someId()),
    );
    if (!keep) f.disk = new Set();
    const doc = findOpenDocument(f.uri);
    if (f.doc && doc && !doc.isDirty) f.doc = new Set(f.disk);
    return true;
  }

  private async save(): Promise<boolean> {
    const dirty = this.open_().filter((f) => findOpenDocument(f.uri)?.isDirty);
    if (!dirty.length) return false;
    this.last = this.rnd.pick(dirty);
    return this.saveFile(this.last);
  }

  private async saveFile(f: FileModel): Promise<boolean> {
    const doc = findOpenDocument(f.uri)!;
    // A save can fail (the file changed on disk since): then nothing was written.
    if (!(await doc.save())) return false;
    f.disk = new Set(f.doc);
    return true;
  }

  private async delete(): Promise<boolean> {
    const present = this.files.filter((f) => existsSync(f.uri.fsPath));
    if (!present.length) return false;
    const f = this.rnd.pick(present);
    this.last = f;
    unlinkSync(f.uri.fsPath);
    f.disk = new Set();
    return true;
  }

  /** Close an editor: unsaved edits are saved or reverted (a revert drops them on purpose). */
  private async close(): Promise<boolean> {
    const open = this.open_();
    if (!open.length) return false;
    const f = this.rnd.pick(open);
    this.last = f;
    const doc = findOpenDocument(f.uri)!;
    // A file that is gone cannot be reverted to: it is saved again instead.
    if (doc.isDirty && (this.rnd.chance(0.5) || !existsSync(f.uri.fsPath))) await this.saveFile(f);
    if (doc.isDirty) {
      await revert(doc);
    } else {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    f.doc = undefined;
    return true;
  }

  private async pause(): Promise<boolean> {
    await sleep(this.rnd.int(300));
    return true;
  }
}
