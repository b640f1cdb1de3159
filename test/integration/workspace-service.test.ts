import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SFT_GLOB } from '../../src/extension/documents';
import {
  api,
  closeEditors,
  diagnosticsUntil,
  fixture,
  ruleOf,
  sftDiagnostics,
  statusBarShows,
  until,
} from './helpers';

const encoder = new TextEncoder();

/** A one-pair file with the given task and response, closed (never opened in an editor). */
function onePair(task: string, response: string): Uint8Array {
  return encoder.encode(
    `sft: 1\npairs:\n  - id: ws-0001\n    task: ${task}\n    prompt: Name the city in the text.\n    response: ${response}\n`,
  );
}

/** Wait `ms` so that late watcher events of a write have arrived. */
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('workspace service: one owner of .sft.yaml files', () => {
  afterEach(closeEditors);

  it('ready() resolves once the first scan has ended: every file indexed, the status bar right at its next update', async () => {
    const sft = await api();
    await sft.indexReady();
    assert.strictEqual(sft.workspaceStats.built, true);
    const scanned = sft.workspaceStats.build?.files ?? 0;
    assert.ok(scanned >= 3, "the first scan saw the fixture's files");
    // What the index held when the scan ended (recorded then), not what it holds now.
    assert.strictEqual(
      sft.perf.indexBuild?.files,
      scanned,
      'every scanned file was indexed when ready() resolved',
    );
    const onDisk = await vscode.workspace.findFiles(SFT_GLOB);
    const indexed = new Set((await sft.coverage()).pairs.map((p) => p.file));
    assert.deepStrictEqual([...indexed].sort(), onDisk.map((u) => u.toString()).sort());
    await statusBarShows();
    // A second call is the same finished build, not another scan.
    const reads = sft.workspaceStats.reads;
    await sft.indexReady();
    assert.strictEqual(sft.workspaceStats.reads, reads);
  });

  it('a closed file changed on disk is read, parsed and linted once, and updates its problems and the status bar', async () => {
    const sft = await statusBarShows();
    await sft.workspaceLinted();
    const file = fixture('service.sft.yaml');
    await vscode.workspace.fs.writeFile(file, onePair('extraction', 'Lisbon'));
    try {
      await statusBarShows('S 7 · M 0 · L 0 | tasks 3/10', 'the new file counted');
      await diagnosticsUntil(
        file,
        (ds) =>
          ds.some((d) => ruleOf(d) === 'missing-annotation') &&
          !ds.some((d) => ruleOf(d) === 'placeholder'),
        'the new file linted',
      );
      await settle();
      const before = { ...sft.workspaceStats };
      await vscode.workspace.fs.writeFile(file, onePair('open_qa', 'TODO'));
      await statusBarShows('S 7 · M 0 · L 0 | tasks 2/10', 'the changed task counted');
      await diagnosticsUntil(
        file,
        (ds) => ds.some((d) => ruleOf(d) === 'placeholder'),
        'the placeholder reported',
      );
      await settle();
      const after = sft.workspaceStats;
      assert.deepStrictEqual(
        {
          reads: after.reads - before.reads,
          parses: after.parses - before.parses,
          lints: after.lints - before.lints,
        },
        { reads: 1, parses: 1, lints: 1 },
      );
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString()),
        'the file was never opened',
      );
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
    await statusBarShows(undefined, 'the counts without the file');
  });

  it('deleting a closed file clears its problems and its counts', async () => {
    const sft = await statusBarShows();
    await sft.workspaceLinted();
    const file = fixture('doomed.sft.yaml');
    await vscode.workspace.fs.writeFile(file, onePair('extraction', 'TODO'));
    await diagnosticsUntil(
      file,
      (ds) => ds.some((d) => ruleOf(d) === 'placeholder'),
      "the closed file's problems",
    );
    await statusBarShows('S 7 · M 0 · L 0 | tasks 3/10', 'the new file counted');
    await vscode.workspace.fs.delete(file);
    await diagnosticsUntil(file, (ds) => ds.length === 0, 'its problems gone');
    await statusBarShows(undefined, 'the counts without the file');
    assert.ok(
      !(await sft.coverage()).pairs.some((p) => p.file === file.toString()),
      'not in the index',
    );
    await settle();
    assert.deepStrictEqual(sftDiagnostics(file), [], 'and no late lint brings them back');
  });

  it('a folder created and then deleted on disk as a whole (a checkout, an unzip, rm -rf) brings its files, then takes them, open or closed, out of the index and the Problems panel', async () => {
    const sft = await statusBarShows();
    await sft.workspaceLinted();
    const dir = fixture('gone-folder');
    mkdirSync(join(dir.fsPath, 'deeper'), { recursive: true });
    const closed = vscode.Uri.joinPath(dir, 'deeper', 'closed.sft.yaml');
    const opened = vscode.Uri.joinPath(dir, 'open.sft.yaml');
    writeFileSync(closed.fsPath, onePair('extraction', 'TODO'));
    writeFileSync(opened.fsPath, onePair('extraction', 'TODO'));
    for (const file of [closed, opened])
      await diagnosticsUntil(
        file,
        (ds) => ds.some((d) => ruleOf(d) === 'placeholder'),
        `${file.path} linted`,
      );
    await vscode.window.showTextDocument(opened);
    await statusBarShows('S 8 · M 0 · L 0 | tasks 3/10', 'both files counted');
    // VS Code reports the folder alone, not each file in it (and the same on creation).
    rmSync(dir.fsPath, { recursive: true });
    await statusBarShows(undefined, 'the counts without the folder');
    for (const file of [closed, opened])
      await diagnosticsUntil(file, (ds) => ds.length === 0, `${file.path}: problems gone`);
    assert.ok(!(await sft.coverage()).pairs.some((p) => p.file.includes('/gone-folder/')));
  });

  it('an open document and the index agree on every edit: one debounce publishes both', async () => {
    const sft = await statusBarShows();
    const doc = await vscode.workspace.openTextDocument(fixture('travel.sft.yaml'));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('brainstorming');
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'brainstorming'.length)),
        'brainstormin',
      ),
    );
    // The invalid value and the status bar's lost task come from the same published version.
    await diagnosticsUntil(
      doc.uri,
      (ds) => ds.some((d) => ruleOf(d) === 'invalid-value'),
      'the invalid task',
    );
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 6 · M 0 · L 0 | tasks 2/10',
      'the task no longer counted',
    );
  });
});
