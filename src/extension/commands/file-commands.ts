/** New `.sft.yaml` file and new guidelines file, from templates. */
import * as vscode from 'vscode';
import { GUIDELINES_FILE } from '../../core/guidelines';
import { Disposable } from '../dispose';
import { SFT_LANGUAGE } from '../documents';

const NEW_FILE = `sft: 1
defaults:
  language: en
  domain: general
pairs:
  - id: pair-0001
    task: open_qa
    prompt_type: instructive
    response_type: descriptive
    status: draft
    prompt: |
      
    response: |
      
`;

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
  static register(): vscode.Disposable {
    return new FileCommands();
  }

  private constructor() {
    super();
    this._register(vscode.commands.registerCommand('sft.newFile', () => this.newFile()));
    this._register(vscode.commands.registerCommand('sft.newGuidelines', () => this.newGuidelines()));
  }

  private async newFile(): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ language: SFT_LANGUAGE, content: NEW_FILE });
    const editor = await vscode.window.showTextDocument(doc);
    // Cursor into the empty prompt.
    const line = NEW_FILE.split('\n').findIndex((l) => l.trim() === 'prompt: |') + 1;
    editor.selection = new vscode.Selection(line, 6, line, 6);
    return editor;
  }

  private async newGuidelines(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for sft.guidelines.yaml' });
    if (!folder) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: NEW_GUIDELINES }));
      return;
    }
    const uri = vscode.Uri.joinPath(folder.uri, GUIDELINES_FILE);
    const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(NEW_GUIDELINES));
    await vscode.window.showTextDocument(uri);
    if (exists) void vscode.window.showInformationMessage(`${GUIDELINES_FILE} already exists; opened it.`);
  }
}
