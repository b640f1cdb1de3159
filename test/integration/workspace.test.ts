import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { COVERAGE_KEYS, INVALID, type Coverage } from '../../src/core/coverage';
import { api, diagnosticsUntil, fixture, open, rangeOf, revert, ruleOf, until } from './helpers';
import { cliCoverage } from './helpers';

const encoder = new TextEncoder();

describe('workspace: index, status bar, coverage', () => {
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the status bar shows the fixture workspace counts', async () => {
    const sft = await api();
    await sft.indexReady();
    // 6 pairs, all short prompts; tasks: closed_qa, generation, brainstorming, open_qa. On
    // target: generation (2 of 6 meets 30%), brainstorming and open_qa (no target, present);
    // closed_qa (1 of 6) misses its 20%, as the coverage view says.
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 6 · M 0 · L 0 | tasks 3/10',
      `status bar (now "${sft.statusBarText()}")`,
    );
  });

  it('the status bar follows an added file, an unsaved edit and a delete', async () => {
    const sft = await api();
    await sft.indexReady();
    const added = fixture('added.sft.yaml');
    await vscode.workspace.fs.writeFile(
      added,
      encoder.encode(
        'sft: 1\npairs:\n  - id: ad-0001\n    task: extraction\n    prompt: Name the city in the text.\n    response: Lisbon\n',
      ),
    );
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 7 · M 0 · L 0 | tasks 3/10',
      'status after adding a file',
      20000,
    );
    const editor = await open('travel.sft.yaml');
    const r = rangeOf(editor.document, 'brainstorming');
    await editor.edit((b) => b.replace(r, 'open_qa'));
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 7 · M 0 · L 0 | tasks 2/10',
      'status after an unsaved edit',
    );
    await revert(editor.document);
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 7 · M 0 · L 0 | tasks 3/10',
      'status after the revert',
      20000,
    );
    await vscode.workspace.fs.delete(added);
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 6 · M 0 · L 0 | tasks 3/10',
      'status after deleting the file',
      20000,
    );
  });

  it('an invalid task counts in (invalid): not an 11th task in the tree, the same tasks N/10 in the status bar', async () => {
    const sft = await api();
    await sft.indexReady();
    const added = fixture('invalid-task.sft.yaml');
    await vscode.workspace.fs.writeFile(
      added,
      encoder.encode(
        'sft: 1\npairs:\n  - id: iv-0001\n    task: rewritting\n    prompt: Say it better.\n    response: Here it is.\n',
      ),
    );
    try {
      await until(
        sft.onDidUpdateStatusBar,
        () => sft.statusBarText() === 'S 7 · M 0 · L 0 | tasks 2/10',
        `status with the invalid task (now "${sft.statusBarText()}")`,
        20000,
      );
      const task = (await sft.coverageChildren()).find(
        (n) => n.kind === 'annotation' && n.annotation.key === 'task',
      )!;
      const buckets = (await sft.coverageChildren(task)).flatMap((n) =>
        n.kind === 'bucket' ? [n] : [],
      );
      assert.deepStrictEqual(
        buckets.slice(-1).map((b) => [b.bucket.value, b.bucket.count]),
        [[INVALID, 1]],
      );
      assert.ok(!buckets.some((b) => b.bucket.value === 'rewritting'));
      assert.match(
        String(sft.coverageItem(buckets[buckets.length - 1]).tooltip),
        /^task: \(invalid\)\n1 pair \(/,
      );
    } finally {
      await vscode.workspace.fs.delete(added);
    }
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 6 · M 0 · L 0 | tasks 3/10',
      'status after deleting the file',
      20000,
    );
  });

  it('a duplicate id across files is reported with a link to the other pair', async () => {
    const sft = await api();
    await sft.indexReady();
    const dup = fixture('dup.sft.yaml');
    await vscode.workspace.fs.writeFile(
      dup,
      encoder.encode(
        'sft: 1\ndefaults:\n  language: en\n  domain: general\npairs:\n  - id: hc-0001\n    task: open_qa\n    prompt_type: instructive\n    response_type: one_word\n    prompt: What is the capital of Portugal?\n    response: Lisbon\n',
      ),
    );
    try {
      const editor = await open('dup.sft.yaml');
      const ds = await diagnosticsUntil(
        dup,
        (x) => x.some((d) => ruleOf(d) === 'duplicate-id'),
        'duplicate-id',
        20000,
      );
      const d = ds.find((x) => ruleOf(x) === 'duplicate-id')!;
      assert.deepStrictEqual(d.range, rangeOf(editor.document, 'hc-0001'));
      const related = d.relatedInformation ?? [];
      assert.ok(
        related.some((r) => r.location.uri.toString() === fixture('health.sft.yaml').toString()),
        `related: ${related.map((r) => r.location.uri.toString()).join(', ')}`,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dup);
    }
  });

  it('the coverage tree matches `sft coverage` on the same workspace', async () => {
    const sft = await api();
    await sft.indexReady();
    await until(
      sft.onDidUpdateStatusBar,
      () => sft.statusBarText() === 'S 6 · M 0 · L 0 | tasks 3/10',
      'a settled index',
      20000,
    );
    // The built command line, on the same folder, against the root guidelines as the view counts.
    const out = cliCoverage('json');
    const groups = JSON.parse(out) as Array<Coverage & { files: string[] }>;
    assert.strictEqual(groups.length, 1);
    const expected = groups[0];
    assert.strictEqual(expected.total, 6);
    const roots = await sft.coverageChildren();
    assert.deepStrictEqual(
      roots.map((n) => (n.kind === 'annotation' ? n.annotation.key : '?')),
      [...COVERAGE_KEYS],
    );
    for (const root of roots) {
      if (root.kind !== 'annotation') continue;
      const buckets = await sft.coverageChildren(root);
      const want = expected.annotations[root.annotation.key].buckets;
      assert.deepStrictEqual(
        buckets.map((b) => (b.kind === 'bucket' ? [b.bucket.value, b.bucket.count] : [])),
        want.map((b) => [b.value, b.count]),
        root.annotation.key,
      );
      for (const b of buckets) {
        if (b.kind !== 'bucket') continue;
        const item = sft.coverageItem(b);
        assert.ok(
          String(item.description).startsWith(`${b.bucket.count} · `),
          String(item.description),
        );
        if (b.bucket.count)
          assert.strictEqual((await sft.coverageChildren(b)).length, b.bucket.count);
      }
    }
    const task = roots.find((n) => n.kind === 'annotation' && n.annotation.key === 'task')!;
    const generation = (await sft.coverageChildren(task)).find(
      (n) => n.kind === 'bucket' && n.bucket.value === 'generation',
    )!;
    const [first] = await sft.coverageChildren(generation);
    const item = sft.coverageItem(first);
    assert.strictEqual(item.command?.command, 'sft.revealPair');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.ok(
      active &&
        active.document
          .getText(
            new vscode.Range(active.selection.active, active.selection.active.translate(0, 7)),
          )
          .match(/^(hc|tr)-000\d$/),
    );
  });

  it("a pair in the coverage tree shows its own problem count, not its file's", async () => {
    const sft = await api();
    await sft.indexReady();
    const health = fixture('health.sft.yaml');
    // hc-0002 holds the file's one problem (the anchor); hc-0001 none.
    await diagnosticsUntil(
      health,
      (x) => x.some((d) => ruleOf(d) === 'no-aliases'),
      'health.sft.yaml linted',
    );
    const task = (await sft.coverageChildren()).find(
      (n) => n.kind === 'annotation' && n.annotation.key === 'task',
    )!;
    const buckets = await sft.coverageChildren(task);
    const pairItem = async (value: string, id: string): Promise<vscode.TreeItem> => {
      const bucket = buckets.find((n) => n.kind === 'bucket' && n.bucket.value === value)!;
      const pair = (await sft.coverageChildren(bucket)).find(
        (n) => n.kind === 'pair' && n.pair.id === id,
      )!;
      return sft.coverageItem(pair);
    };
    const withProblem = await pairItem('generation', 'hc-0002');
    const clean = await pairItem('closed_qa', 'hc-0001');
    assert.strictEqual(withProblem.description, 'health.sft.yaml · 1 problem');
    assert.strictEqual(clean.description, 'health.sft.yaml');
    // No resourceUri: VS Code would badge every pair of the file with the file's count.
    assert.strictEqual(withProblem.resourceUri, undefined);
    assert.strictEqual(clean.resourceUri, undefined);
  });
});
