import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  api,
  closeEditors,
  diagnosticsUntil,
  fixture,
  open,
  rangeOf,
  ruleOf,
  statusBarShows,
  until,
} from './helpers';

let untitledCount = 0;

/**
 * An untitled `.sft.yaml` document holding `content`, under a name of its own: VS Code may
 * still hold the last test's closed `Untitled-1` when a new one of that name opens.
 */
async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(
    vscode.Uri.parse(`untitled:new-pairs-${++untitledCount}.sft.yaml`),
  );
  const editor = await vscode.window.showTextDocument(doc);
  if (content) assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), content)));
  assert.strictEqual(doc.getText(), content);
  assert.strictEqual(doc.languageId, 'sft-yaml');
  return editor;
}

/** What the cursor is on: a key's name, or `<key> text` on the line under `key: |`. */
function placeAt(editor: vscode.TextEditor): string {
  const doc = editor.document;
  const line = editor.selection.active.line;
  const key = /^\s*(?:- )?([a-z_]+):/.exec(doc.lineAt(line).text)?.[1];
  if (key) return key;
  const above = /^\s*([a-z_]+): \|$/.exec(doc.lineAt(line - 1).text)?.[1];
  return above ? `${above} text` : `line ${line}: ${doc.lineAt(line).text}`;
}

/** The places Tab visits in the snippet session, from the first. */
async function tabStops(editor: vscode.TextEditor): Promise<string[]> {
  const out = [placeAt(editor)];
  for (let i = 0; i < 12; i++) {
    const before = editor.selection;
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    if (editor.selection.isEqual(before)) break;
    out.push(placeAt(editor));
  }
  return out;
}

describe('new pairs and new files', () => {
  before(() => statusBarShows());

  afterEach(closeEditors);

  it('Insert Pair in an empty file: header from line 1, every required annotation, tab stops in order, one undo step', async () => {
    const editor = await untitled('');
    const doc = editor.document;
    assert.ok(await vscode.commands.executeCommand('sft.insertPair'));
    const lines = doc.getText().split('\n');
    assert.deepStrictEqual(lines.slice(0, 3), ['sft: 1', 'pairs:', '  - id: pair-0001']);
    assert.deepStrictEqual(
      lines
        .slice(3)
        .map((l) => /^ {4}([a-z_]+):/.exec(l)?.[1])
        .filter(Boolean),
      ['task', 'prompt_type', 'response_type', 'domain', 'language', 'prompt', 'response'],
    );
    // The annotations the guidelines require are all there: only the empty texts are problems.
    const ds = await diagnosticsUntil(
      doc.uri,
      (x) => x.some((d) => ruleOf(d) === 'empty-field'),
      'the new pair linted',
    );
    assert.deepStrictEqual(ds.map(ruleOf), ['empty-field', 'empty-field']);
    // Tab after the task pick goes to the next annotation, not into the prompt.
    assert.deepStrictEqual(await tabStops(editor), [
      'task',
      'prompt_type',
      'response_type',
      'domain',
      'language',
      'prompt text',
      'response text',
    ]);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), '', 'one undo takes the whole insertion back');
  });

  it('Insert Pair goes after the pair under the cursor, before the comment that leads the next pair, with an id new to the workspace', async () => {
    const text = [
      'sft: 1',
      'defaults:',
      '  language: en',
      '  domain: general',
      'pairs:',
      '  - id: hc-0001',
      '    prompt: One',
      '    response: Uno',
      '  # The next pair is about colours.',
      '  - id: zz-0001',
      '    prompt: Two',
      '    response: Dos',
      '',
    ].join('\n');
    const editor = await untitled(text);
    const doc = editor.document;
    editor.selection = new vscode.Selection(rangeOf(doc, 'Uno').start, rangeOf(doc, 'Uno').start);
    assert.ok(await vscode.commands.executeCommand('sft.insertPair'));
    const after = doc.getText();
    // hc-0002 is taken in health.sft.yaml.
    assert.strictEqual(
      after,
      text.replace(
        '  # The next pair',
        [
          '  - id: hc-0003',
          `    task: ${placeholderText(doc, 'task')}`,
          `    prompt_type: ${placeholderText(doc, 'prompt_type')}`,
          `    response_type: ${placeholderText(doc, 'response_type')}`,
          '    prompt: |',
          '      ',
          '    response: |',
          '      ',
          '  # The next pair',
        ].join('\n'),
      ),
    );
    assert.strictEqual(placeAt(editor), 'task', 'the first tab stop is the task');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), text);
  });

  it('New SFT File creates the named file in the workspace and gives it its first pair from the same template', async () => {
    const sft = await api();
    const file = fixture('fresh.sft.yaml');
    try {
      // The argument stands for the save dialog's answer, which may carry `.yaml` once more.
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(
        'sft.newFile',
        fixture('fresh.sft.yaml.yaml'),
      );
      const doc = editor.document;
      assert.strictEqual(doc.uri.toString(), file.toString());
      assert.strictEqual(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(file)),
        'sft: 1\ndefaults:\n  language: en\npairs:\n',
      );
      assert.match(
        doc.getText(),
        /^sft: 1\ndefaults:\n {2}language: en\npairs:\n {2}- id: fresh-0001\n {4}task: /,
      );
      assert.doesNotMatch(doc.getText(), /^ {4}language:/m, 'the language comes from defaults');
      assert.strictEqual(placeAt(editor), 'task');
      // A file of the workspace: it counts (with its unsaved pair), like any other.
      await until(
        sft.onDidUpdateStatusBar,
        () => sft.statusBarText().startsWith('S 7 '),
        'the new file counted',
      );
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), 'sft: 1\ndefaults:\n  language: en\npairs:\n');

      // An existing file is opened, never replaced.
      const travel = fixture('travel.sft.yaml');
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(travel));
      const opened = await vscode.commands.executeCommand<vscode.TextEditor>('sft.newFile', travel);
      assert.strictEqual(opened.document.uri.toString(), travel.toString());
      assert.strictEqual(opened.document.getText(), before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      await statusBarShows(undefined, 'the index without the new file');
    }
  });

  it('an untitled document is linted but not counted: it is not in the workspace', async () => {
    const sft = await api();
    const editor = await untitled(
      'sft: 1\npairs:\n  - id: un-0001\n    task: extraction\n    prompt: |\n      Name the city.\n    response: Lisbon\n',
    );
    await diagnosticsUntil(
      editor.document.uri,
      (ds) => ds.some((d) => ruleOf(d) === 'missing-annotation'),
      'the untitled document linted',
    );
    // A later change in the workspace is counted; the untitled pair (extraction) never was.
    const travel = await open('travel.sft.yaml');
    await travel.edit((b) => b.replace(rangeOf(travel.document, 'brainstorming'), 'open_qa'));
    await statusBarShows('S 6 · M 0 · L 0 | tasks 2/10', 'the workspace edit counted');
    assert.ok(!(await sft.coverage()).pairs.some((p) => p.file === editor.document.uri.toString()));
  });
});

/** The value a snippet's choice wrote on the `key:` line of the new pair (its first choice). */
function placeholderText(doc: vscode.TextDocument, key: string): string {
  const line = doc
    .getText()
    .split('\n')
    .find((l) => l.startsWith(`    ${key}: `));
  return line ? line.slice(`    ${key}: `.length) : '?';
}
