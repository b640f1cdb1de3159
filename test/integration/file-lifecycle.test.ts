import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ImportArgs, ImportResult } from '../../src/extension/commands/import';
import { closeEditors, diagnosticsUntil, fixture, sftDiagnostics, statusBarShows } from './helpers';

const encoder = new TextEncoder();

/** Every SFT diagnostic in the Problems panel, by file. */
function sftFilesWithProblems(): string[] {
  return vscode.languages
    .getDiagnostics()
    .filter(([, ds]) => ds.some((d) => d.source === 'sft'))
    .map(([u]) => u.toString());
}

describe('files that come and go', () => {
  afterEach(closeEditors);

  it('an imported file that is deleted and closed loses its problems and its coverage at once', async () => {
    const sft = await statusBarShows();
    const target = fixture('import/gone.sft.yaml');
    const r = await vscode.commands.executeCommand<ImportResult>('sft.import', {
      source: fixture('import/chat.jsonl'),
      format: 'openai',
      target,
    } satisfies ImportArgs);
    assert.strictEqual(r.outcome, 'imported', JSON.stringify(r));
    // The chat record has no annotations: missing-annotation warnings.
    await diagnosticsUntil(target, (ds) => ds.length > 0, 'problems of the imported file');
    await statusBarShows('S 7 · M 0 · L 0 | tasks 2/10', 'the imported pair counted');

    await vscode.workspace.fs.delete(target);
    await diagnosticsUntil(
      target,
      (ds) => ds.length === 0,
      'problems gone once the file is deleted',
    );
    await statusBarShows(undefined, 'the deleted pair no longer counted');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepStrictEqual(sftDiagnostics(target), [], 'still none after closing its tab');
    assert.ok(
      !(await sft.coverage()).pairs.some((p) => p.file === target.toString()),
      'not in the index',
    );
    await sft.lintWorkspace();
    assert.deepStrictEqual(sftDiagnostics(target), [], 'and none after a workspace lint');
  });

  it('a file renamed away loses its problems; the new name has them', async () => {
    await statusBarShows();
    const from = fixture('moving.sft.yaml');
    const to = fixture('moving.yaml');
    await vscode.workspace.fs.writeFile(
      from,
      encoder.encode('sft: 1\npairs:\n  - id: mv-0001\n    prompt: Where?\n    response: Here.\n'),
    );
    try {
      await diagnosticsUntil(
        from,
        (ds) => ds.length > 0,
        'problems of the new file (workspace lint)',
      );
      await vscode.workspace.fs.rename(from, to);
      await diagnosticsUntil(from, (ds) => ds.length === 0, 'problems gone from the old name');
      await statusBarShows();
    } finally {
      await vscode.workspace.fs.delete(to).then(undefined, () => undefined);
    }
  });

  it("Lint Workspace rebuilds from what exists: a folder deleted behind VS Code's back leaves nothing behind", async () => {
    await statusBarShows();
    const folder = fixture('gone-folder');
    const file = fixture('gone-folder/deep.sft.yaml');
    await vscode.workspace.fs.writeFile(
      file,
      encoder.encode('sft: 1\npairs:\n  - id: gf-0001\n    prompt: Deep?\n    response: Yes.\n'),
    );
    await diagnosticsUntil(file, (ds) => ds.length > 0, 'problems of the file in the folder');
    // Deleted on disk with node's fs: VS Code's watcher may report the folder alone.
    const fs = await import('node:fs');
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('sft.lintWorkspace');
    assert.deepStrictEqual(sftDiagnostics(file), []);
    for (const f of sftFilesWithProblems()) {
      const exists = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(f))).then(
        () => true,
        () => false,
      );
      assert.ok(exists, `${f} has problems and exists`);
    }
    await statusBarShows(undefined, 'coverage without the deleted folder');
  });
});
