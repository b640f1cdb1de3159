import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { api, diagnosticsUntil, fixture, open, revert, ruleOf, until } from './helpers';

const PHRASE = 'As an AI language model';

/** A pair file whose one response is `response` (plain, as written). */
function file(response: string): string {
  return `sft: 1
pairs:
  - id: fx-0001
    task: open_qa
    prompt_type: instructive
    response_type: single_sentence
    domain: science
    language: en
    prompt: What makes the energy a cell uses?
    response: ${response}
    author: priya
`;
}

/** The document's text read as YAML: no errors, and the first pair's fields. */
function pairOf(doc: vscode.TextDocument): Record<string, unknown> {
  const parsed = parseDocument(doc.getText());
  assert.deepStrictEqual(
    parsed.errors.map((e) => e.message),
    [],
    doc.getText(),
  );
  return (parsed.toJS() as { pairs: Record<string, unknown>[] }).pairs[0];
}

async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'sft-yaml', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('fixes in the editor', () => {
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the banned-phrase quick fix on a plain response leaves valid YAML that reads as the writer expects', async () => {
    await api();
    const doc = await openUntitled(
      file(`${PHRASE}, I think the mitochondria makes the energy a cell uses.`),
    );
    const ds = await diagnosticsUntil(
      doc.uri,
      (x) => x.some((d) => ruleOf(d) === 'banned-phrase'),
      'a banned-phrase diagnostic',
    );
    const d = ds.find((x) => ruleOf(x) === 'banned-phrase')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === `Remove "${PHRASE}"`);
    assert.ok(fix?.edit, `the remove fix (got ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      pairOf(doc).response,
      'I think the mitochondria makes the energy a cell uses.',
    );
    assert.strictEqual(
      doc.getText(),
      file('I think the mitochondria makes the energy a cell uses.'),
    );
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'banned-phrase'),
      'the banned phrase gone',
    );
  });

  it('source.fixAll.sft fixes everything it can to a fixed point, and the file stays valid YAML', async () => {
    await api();
    // The phrase and the email are in one plain scalar: the two fixes go in two passes.
    const doc = await openUntitled(
      file(
        `${PHRASE}, I think the mitochondria makes the energy a cell uses; ask jane.doe@acme.io.`,
      ),
    );
    await diagnosticsUntil(
      doc.uri,
      (x) => x.some((d) => ruleOf(d) === 'banned-phrase') && x.some((d) => ruleOf(d) === 'pii'),
      'banned-phrase and pii',
    );
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      full,
      'source.fixAll.sft',
    );
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.sft');
    assert.ok(all?.edit, 'a fix-all action');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    const pair = pairOf(doc);
    assert.strictEqual(
      pair.response,
      'I think the mitochondria makes the energy a cell uses; ask [EMAIL].',
    );
    assert.strictEqual(pair.author, 'priya', 'the next field is untouched');
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'banned-phrase' || ruleOf(y) === 'pii'),
      'both fixed',
    );
  });

  it('source.fixAll on save (editor.codeActionsOnSave) writes a valid file', async () => {
    const sft = await api();
    await sft.indexReady();
    const counts = sft.statusBarText();
    const uri = fixture('fix/on-save.sft.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        file(`${PHRASE}, I think the mitochondria makes the energy a cell uses.`),
      ),
    );
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'sft-yaml' });
    await editorConfig.update(
      'codeActionsOnSave',
      { 'source.fixAll.sft': 'always' },
      vscode.ConfigurationTarget.Global,
      true,
    );
    try {
      const editor = await open('fix/on-save.sft.yaml');
      const doc = editor.document;
      await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => ruleOf(d) === 'banned-phrase'),
        'a banned-phrase diagnostic',
      );
      // A change, so the save runs its participants.
      assert.ok(
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# saved with fix-all\n')),
      );
      assert.ok(await doc.save(), 'saved');
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const parsed = parseDocument(onDisk);
      assert.deepStrictEqual(
        parsed.errors.map((e) => e.message),
        [],
        onDisk,
      );
      assert.strictEqual(
        (parsed.toJS() as { pairs: Array<{ response: string }> }).pairs[0].response,
        'I think the mitochondria makes the energy a cell uses.',
      );
    } finally {
      await editorConfig.update(
        'codeActionsOnSave',
        undefined,
        vscode.ConfigurationTarget.Global,
        true,
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
      // The workspace tests after this one count the fixture workspace alone.
      await until(
        sft.onDidUpdateStatusBar,
        () => sft.statusBarText() === counts,
        `the status bar back to "${counts}"`,
        20000,
      );
    }
  });

  it('"Fix all auto-fixable problems" quick fix does what source.fixAll does', async () => {
    await api();
    const doc = await openUntitled(file(`"${PHRASE}, it\\u2019s the \\"mitochondria\\"."`));
    const ds = await diagnosticsUntil(
      doc.uri,
      (x) => x.some((d) => ruleOf(d) === 'banned-phrase'),
      'a banned-phrase diagnostic',
    );
    const d = ds.find((x) => ruleOf(x) === 'banned-phrase')!;
    // Its edit is worked out when the action is resolved (the 4th argument resolves actions).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
      20,
    );
    const all = actions.find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(all?.edit, `a fix-all quick fix (got ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.strictEqual(pairOf(doc).response, 'It\u2019s the "mitochondria".');
    assert.strictEqual(doc.getText(), file('"It\\u2019s the \\"mitochondria\\"."'));
  });
});
