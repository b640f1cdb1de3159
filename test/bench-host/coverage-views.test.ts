/**
 * SFT Studio's budget for the coverage surfaces, in the generated 100,000-pair workspace:
 * after a save, the coverage report and the annotations view show the coverage it changed
 * within 300 ms. Each save turns one pair's prompt short or long (a length bucket moves), with
 * the report open beside the file and the annotations view on that pair. The times run from
 * the host's save event to the webview's frame with the new coverage (`painted`, the index's
 * coverage version echoed back, epoch ms on one machine's clock). The suite's name starts like
 * budgets.test.ts's, so a full run measures both in one host; the figures join that suite's
 * in $SFT_BENCH_OUT; bench/vscode.ts judges them.
 */
import * as assert from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { SftApi } from '../../src/extension/api';
import { epochNow, type CoverageUpdateTiming } from '../../src/extension/perf';
import { series, type CoverageViewsFigures, type HostFigures } from './figures';
import { activated, editablePrompt, promptFor, sleep, until } from './helpers';

const SAVES = 11;
const FILE = 'batch-003.sft.yaml';

let api: SftApi;
let root: vscode.Uri;
let figures: CoverageViewsFigures | undefined;

/** A surface's frame with coverage version `v` or later, once it is out. */
function drawn(t: CoverageUpdateTiming, v: number): CoverageUpdateTiming['painted'] | false {
  return t.painted !== undefined && t.painted.coverage >= v && t.painted;
}

/** When the host posted the update with coverage version `v` or later (it has, once it is drawn). */
function posted(t: CoverageUpdateTiming, v: number): number {
  assert.ok(t.posted && t.posted.coverage >= v, 'posted before drawn');
  return t.posted.at;
}

suite('SFT Studio budgets: coverage report and annotations view after a save', () => {
  suiteSetup(async () => {
    ({ api, root } = await activated());
    await api.indexReady();
    await api.workspaceLinted();
    await until(api.onDidUpdateStatusBar, () => api.statusBarText() !== '', 'status bar');
  });

  suiteTeardown(() => {
    const out = process.env.SFT_BENCH_OUT;
    if (!out || !figures) return;
    const host: Partial<HostFigures> = existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as Partial<HostFigures>)
      : { vscode: vscode.version, node: process.version };
    writeFileSync(out, JSON.stringify({ ...host, coverageViews: figures }, null, 2));
  });

  test('save to the report and the view drawn with the new coverage', async () => {
    // A long typing debounce, so the index sees each edit through its save alone.
    const sft = vscode.workspace.getConfiguration('sft');
    await sft.update('lint.debounceMs', 5000, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('sft.showCoverageReport');
    await vscode.commands.executeCommand('sft.test.coverageReport');
    await until(api.onDidUpdateStatusBar, () => api.perf.coverageReport.painted, 'first report');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, FILE));
    const original = doc.getText();
    const { start, short } = editablePrompt(original);
    const idLine = doc.positionAt(original.lastIndexOf('\n  - id:', start) + 1);
    await vscode.commands.executeCommand('sft.annotations.focus');
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    editor.selection = new vscode.Selection(idLine, idLine);
    await until(
      api.onDidUpdateStatusBar,
      () => api.perf.annotations.painted,
      'the view on the pair',
    );
    await sleep(1500);
    const samples = {
      both: [] as number[],
      report: [] as number[],
      annotations: [] as number[],
      coverageChange: [] as number[],
      reportPosted: [] as number[],
      annotationsPosted: [] as number[],
      reportReceived: [] as number[],
      annotationsReceived: [] as number[],
      tree: [] as number[],
    };
    for (let i = 0; i < SAVES; i++) {
      const { start: s, end } = editablePrompt(doc.getText());
      const before = api.perf.coverageChange?.version ?? 0;
      let saved = 0;
      const sub = vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === doc) saved = epochNow();
      });
      const range = new vscode.Range(doc.positionAt(s), doc.positionAt(end));
      assert.ok(await editor.edit((b) => b.replace(range, promptFor(short, i))));
      assert.ok(await doc.save(), 'saved');
      // The first change of coverage after the save event (one before it is not the save's).
      const change = await until(
        api.onDidUpdateStatusBar,
        () => {
          const c = api.perf.coverageChange;
          return saved > 0 && c && c.version > before && c.at >= saved && c;
        },
        `the coverage change of save ${i} (saved at ${saved}, coverage version before ${before}, last change ${JSON.stringify(api.perf.coverageChange)})`,
      );
      const v = change.version;
      const report = await until(
        api.onDidUpdateStatusBar,
        () => drawn(api.perf.coverageReport, v),
        `the report after save ${i}`,
      );
      const view = await until(
        api.onDidUpdateStatusBar,
        () => drawn(api.perf.annotations, v),
        `the annotations view after save ${i}`,
      );
      sub.dispose();
      const tree = api.perf.coverageTree;
      if (i === 0) continue; // warm-up
      samples.both.push(Math.max(report.at, view.at) - saved);
      samples.report.push(report.at - saved);
      samples.annotations.push(view.at - saved);
      samples.reportReceived.push(report.received - saved);
      samples.annotationsReceived.push(view.received - saved);
      samples.coverageChange.push(change.at - saved);
      samples.reportPosted.push(posted(api.perf.coverageReport, v) - saved);
      samples.annotationsPosted.push(posted(api.perf.annotations, v) - saved);
      // VS Code asks the Coverage view again only while it is visible.
      if (tree && tree.coverage >= v) samples.tree.push(tree.at - saved);
      await sleep(400);
    }
    const shown = (await vscode.commands.executeCommand('sft.test.annotationsState')) as {
      pair: { bucket: string } | null;
    };
    assert.strictEqual(
      shown.pair?.bucket,
      short ? 'long' : 'short',
      'the view shows the last save',
    );
    figures = Object.fromEntries(
      Object.entries(samples).map(([k, v]) => [k, series(v)]),
    ) as unknown as CoverageViewsFigures;
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
        original,
      ),
    );
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sft.update('lint.debounceMs', undefined, vscode.ConfigurationTarget.Global);
    console.log(
      `[bench] save to report and annotations view drawn, median ${figures.both.median.toFixed(1)} ms`,
    );
  });
});
