/**
 * New `.sft.yaml` file and new guidelines file. A new pairs file is created where the writer
 * names it (in the workspace, so it counts like any other file) with the header from core,
 * then gets its first pair from Insert Pair: one template for both.
 */
import * as vscode from 'vscode';
import { GUIDELINES_FILE } from '../../core/guidelines';
import { newFileHeader } from '../../core/pair-template';
import { Disposable } from '../dispose';
import { isSftUri, withSftName } from '../documents';
import type { GuidelinesStore } from '../lint/guidelines-store';
import { nameOf } from './formats';

const NEW_GUIDELINES = `sft-guidelines: 1
name: My project
annotations:
  required: [id, task, prompt_type, response_type, domain, language]
  languages: [en]
length: { short: 100, long: 500 }
response:
  max_words: 900
targets:
  task: { generation: 15%, open_qa: 10%, summarization: 10%, closed_qa: 10% }
  prompt_type: { instructive: 60%, continuation: 20%, in_context: 20% }
  prompt_length: { short: 30%, medium: 50%, long: 20% }
rules:
  repetition: error
banned_phrases:
  - text: As an AI language model
    message: Responses never talk about being a model.
    fields: [response]
`;

export class FileCommands extends Disposable {
  static register(guidelines: GuidelinesStore, log: vscode.LogOutputChannel): vscode.Disposable {
    return new FileCommands(guidelines, log);
  }

  private constructor(
    private readonly guidelines: GuidelinesStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(
      vscode.commands.registerCommand('sft.newFile', (arg?: unknown) =>
        this.newFile(arg instanceof vscode.Uri ? arg : undefined),
      ),
    );
    this._register(
      vscode.commands.registerCommand('sft.newGuidelines', () => this.newGuidelines()),
    );
  }

  /**
   * SFT: New SFT File. `target`: the file to create, or a folder to offer in the save dialog.
   * Without a workspace folder the file is an untitled `Untitled-N.sft.yaml`, linted but not counted.
   */
  private async newFile(target?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const folder = target && (await isFolder(target)) ? target : undefined;
    const file = target && !folder ? withSftName(target) : await this.askForFile(folder);
    if (file === undefined) return undefined;
    let doc: vscode.TextDocument;
    if (file === 'untitled') {
      doc = await vscode.workspace.openTextDocument(untitledUri());
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        doc.uri,
        new vscode.Position(0, 0),
        newFileHeader((await this.guidelines.forUri(doc.uri)).loaded.guidelines),
      );
      await vscode.workspace.applyEdit(edit);
    } else {
      if (await exists(file)) {
        void vscode.window.showInformationMessage(`${nameOf(file)} already exists; opened it.`);
        return vscode.window.showTextDocument(file);
      }
      const header = newFileHeader((await this.guidelines.forUri(file)).loaded.guidelines);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(header));
      this.log.info(`Created ${vscode.workspace.asRelativePath(file)}`);
      doc = await vscode.workspace.openTextDocument(file);
    }
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('sft.insertPair');
    return editor;
  }

  /** The new file's name and place, from a save dialog in the workspace; `untitled` without a workspace folder. */
  private async askForFile(folder?: vscode.Uri): Promise<vscode.Uri | 'untitled' | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const near =
      folder ??
      (active && isSftUri(active) && vscode.workspace.getWorkspaceFolder(active)
        ? vscode.Uri.joinPath(active, '..')
        : vscode.workspace.workspaceFolders?.[0]?.uri);
    if (!near) return 'untitled';
    const picked = await vscode.window.showSaveDialog({
      title: 'New SFT File',
      saveLabel: 'Create',
      defaultUri: await freeName(near, 'pairs'),
      // `yaml`, not `sft.yaml`: dialogs append a filter's extension to names that lack it as they see it.
      filters: { 'SFT YAML': ['yaml'] },
    });
    return picked && withSftName(picked);
  }

  private async newGuidelines(): Promise<void> {
    const folder =
      vscode.workspace.workspaceFolders?.length === 1
        ? vscode.workspace.workspaceFolders[0]
        : await vscode.window.showWorkspaceFolderPick({
            placeHolder: 'Folder for sft.guidelines.yaml',
          });
    if (!folder) {
      await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument({ language: 'yaml', content: NEW_GUIDELINES }),
      );
      return;
    }
    const uri = vscode.Uri.joinPath(folder.uri, GUIDELINES_FILE);
    const there = await exists(uri);
    if (!there) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(NEW_GUIDELINES));
    await vscode.window.showTextDocument(uri);
    if (there)
      void vscode.window.showInformationMessage(`${GUIDELINES_FILE} already exists; opened it.`);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    (s) => (s.type & vscode.FileType.Directory) !== 0,
    () => false,
  );
}

/** `folder/stem.sft.yaml`, or `stem-2.sft.yaml` and on when that exists. */
async function freeName(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${stem}${n > 1 ? `-${n}` : ''}.sft.yaml`);
    if (!(await exists(uri))) return uri;
  }
}

/** `untitled:Untitled-N.sft.yaml` with the first N no open document has. */
function untitledUri(): vscode.Uri {
  const taken = new Set(
    vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme === 'untitled')
      .map((d) => d.uri.path),
  );
  for (let n = 1; ; n++) {
    const path = `Untitled-${n}.sft.yaml`;
    if (!taken.has(path)) return vscode.Uri.parse(`untitled:${path}`);
  }
}
