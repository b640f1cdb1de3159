import * as assert from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticsUntil, revert, ruleOf, type } from './helpers';

const PAIR = 'sft: 1\npairs:\n  - id: a\n    prompt: hi\n    response: ok\n';
const DEEP = /^Nesting deeper than 100 levels/;

describe('hostile files in the editor', () => {
  let dir = '';
  before(() => {
    // Outside the workspace folder, so the workspace's counts stay the fixture's.
    dir = mkdtempSync(join(tmpdir(), 'sft-hostile-'));
  });
  after(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, value] of [
    ['block', `\n      ${'- '.repeat(10_000)}x`],
    ['flow', ` ${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ] as const)
    it(`10,000 levels of ${name} nesting: one diagnostic at the place, and typing still lints`, async () => {
      await api();
      const path = join(dir, `${name}.sft.yaml`);
      writeFileSync(path, `${PAIR}    deep:${value}\n`);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
      const editor = await vscode.window.showTextDocument(doc);
      const ds = await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => DEEP.test(d.message)),
        'a nesting diagnostic',
      );
      const deep = ds.filter((d) => DEEP.test(d.message));
      assert.strictEqual(deep.length, 1);
      assert.strictEqual(ruleOf(deep[0]), 'yaml-syntax');
      // The deep value's first collection is at depth 4; the 101st level starts 97 levels in.
      const first =
        name === 'block' ? doc.getText().indexOf('\n      - ') + 7 : doc.getText().indexOf('[');
      const at = first + (name === 'block' ? 2 : 1) * 97;
      assert.deepStrictEqual(deep[0].range.start, doc.positionAt(at));
      assert.ok(!ds.some((d) => /call stack/.test(d.message)));
      // The editor stays responsive: an edit to the pair is linted (a TODO placeholder appears).
      await type(editor, doc.positionAt(doc.getText().indexOf('ok\n')), 'TODO ');
      await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => ruleOf(d) === 'placeholder'),
        'a placeholder diagnostic after typing',
      );
    });
});
