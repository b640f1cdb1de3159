import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { COVERAGE_KEYS, type Coverage } from '../../src/core/coverage';
import { parseSft } from '../../src/core/parse/parse';
import { scalarText } from '../../src/core/parse/model';
import { workList } from '../../src/core/work-list';
import type { CoverageReport } from '../../src/shared/coverage-protocol';
import {
  cliCoverage,
  closeEditors,
  fixture,
  FIXTURE_STATUS,
  open,
  rangeOf,
  revert,
  statusBarShows,
} from './helpers';

/** The report as the webview was last sent it (the panel opened, its webview up). */
async function shownReport(): Promise<CoverageReport> {
  await vscode.commands.executeCommand('sft.showCoverageReport');
  const r = await vscode.commands.executeCommand<CoverageReport | undefined>(
    'sft.test.coverageReport',
  );
  assert.ok(r, 'the report was sent');
  return r;
}

/** Poll the report until `check` holds (it is pushed after the index's debounced notice). */
async function reportUntil(
  check: (r: CoverageReport) => boolean,
  what: string,
  ms = 15000,
): Promise<CoverageReport> {
  const end = Date.now() + ms;
  for (;;) {
    const r = await shownReport();
    if (check(r)) return r;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countOf = (r: CoverageReport, key: string, value: string) =>
  r.annotations.find((a) => a.key === key)?.buckets.find((b) => b.value === value)?.count;

describe('coverage report', () => {
  afterEach(closeEditors);

  it('shows the numbers of `sft coverage --format json` on the workspace, and the work list of them', async () => {
    await statusBarShows(FIXTURE_STATUS, 'a settled index');
    const report = await shownReport();
    const [expected] = JSON.parse(cliCoverage('json')) as (Coverage & { files: string[] })[];
    assert.strictEqual(report.total, expected.total);
    assert.strictEqual(report.files, expected.files.length);
    assert.strictEqual(report.guidelines, 'sft.guidelines.yaml');
    assert.deepStrictEqual(
      report.annotations.map((a) => a.key),
      [...COVERAGE_KEYS],
    );
    for (const a of report.annotations)
      assert.deepStrictEqual(
        a,
        expected.annotations[a.key as keyof Coverage['annotations']],
        a.key,
      );
    assert.deepStrictEqual(report.matrix, expected.matrix);
    assert.deepStrictEqual(report.progress, expected.progress);
    assert.deepStrictEqual(report.tasks, expected.tasks);
    assert.strictEqual(report.meetsTargets, expected.meetsTargets);
    // closed_qa has 1 of 6 pairs against its 20%: one more is the whole work list.
    assert.deepStrictEqual(report.work, workList(expected));
    assert.deepStrictEqual(
      report.work.map((w) => w.label),
      ['1 more closed_qa pair'],
    );
  });

  it('follows an unsaved edit, and the edit undone', async () => {
    await statusBarShows(FIXTURE_STATUS, 'a settled index');
    const before = await shownReport();
    const editor = await open('travel.sft.yaml');
    await editor.edit((b) => b.replace(rangeOf(editor.document, 'brainstorming'), 'closed_qa'));
    const after = await reportUntil(
      (r) => countOf(r, 'task', 'closed_qa') === 2,
      'the unsaved closed_qa counted',
    );
    assert.strictEqual(countOf(after, 'task', 'brainstorming'), 0);
    // closed_qa now meets its 20%: nothing is left to write.
    assert.deepStrictEqual(after.work, []);
    await revert(editor.document);
    await reportUntil(
      (r) => JSON.stringify(r.annotations) === JSON.stringify(before.annotations),
      'the report as before the edit',
    );
  });

  it('exports Markdown and CSV byte for byte as `sft coverage` prints them', async () => {
    await statusBarShows(FIXTURE_STATUS, 'a settled index');
    for (const format of ['markdown', 'csv'] as const) {
      const target = fixture(`exported/coverage.${format === 'csv' ? 'csv' : 'md'}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'sft.exportCoverageReport',
        format,
        target,
      );
      assert.strictEqual(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.strictEqual(text, cliCoverage(format), format);
    }
    const md = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(fixture('exported/coverage.md')),
    );
    assert.match(md, /\n\| closed\\_qa \| 1 \| 16\.7% \| 20% \| 1 \| MISS \|\n/);
    assert.match(md, /\n## To reach the targets\n\n- 1 more closed\\_qa pair\n/);
    await vscode.workspace.fs.delete(fixture('exported'), { recursive: true });
  });

  it("a work-list item opens a new pair with the item's annotations, and changes no other byte", async () => {
    await statusBarShows(FIXTURE_STATUS, 'a settled index');
    const travel = fixture('travel.sft.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(travel));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'sft.newPairWith',
      { task: 'closed_qa', prompt_length: 'long', traits: 'persona', domain: 'general' },
      travel,
    );
    assert.strictEqual(written?.toString(), travel.toString());
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.uri.toString(), travel.toString());
    const text = doc.getText();
    assert.ok(text.startsWith(before), 'the new pair goes after the last one, nothing else moves');
    const pairs = parseSft(text).pairs;
    assert.strictEqual(pairs.length, parseSft(before).pairs.length + 1);
    const pair = pairs[pairs.length - 1];
    const value = (key: string) => scalarText(pair.fields.get(key)?.value);
    assert.deepStrictEqual(
      [value('id'), value('task'), value('prompt_length'), value('domain')],
      ['tr-0004', 'closed_qa', 'long', undefined],
      // The file's defaults already say domain: general; the pair does not repeat it.
    );
    assert.match(text.slice(before.length), /^ {4}traits: \[persona\]$/m);
    await reportUntil((r) => countOf(r, 'task', 'closed_qa') === 2, 'the new pair counted');
    await revert(doc);
  });

  it('the Coverage view: short descriptions, the words in the tooltip, a value with no pair offers one', async () => {
    const sft = await statusBarShows(FIXTURE_STATUS, 'a settled index');
    for (const root of await sft.coverageChildren())
      for (const node of await sft.coverageChildren(root)) {
        if (node.kind !== 'bucket') continue;
        const item = sft.coverageItem(node);
        const b = node.bucket;
        // Count, share and target only: "1 · 16.7% → 20%" reads beside a long value at the
        // default sidebar width; the gap is in the tooltip.
        assert.ok(String(item.description).length <= 16, String(item.description));
        if (b.meets === false) {
          assert.match(String(item.description), / → \d+%$/);
          assert.match(String(item.tooltip), new RegExp(`${b.gap} more pairs? needed`));
        }
        const offers = !b.count && !b.value.startsWith('(');
        assert.deepStrictEqual(
          item.command && [item.command.command, ...(item.command.arguments ?? [])],
          offers ? ['sft.offerNewPair', node.key, b.value] : undefined,
          `${node.key}: ${b.value}`,
        );
      }
  });
});
