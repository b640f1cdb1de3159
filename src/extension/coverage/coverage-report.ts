/**
 * The coverage report: a webview panel (`sft.coverageReport`) over the workspace index, opened
 * by "SFT: Open Coverage Report", the status bar and the Coverage view. It shows each
 * annotation's mix against its targets, the task x prompt type matrix, progress by status and
 * author and the work list, and follows the index (unsaved edits included) while it is open.
 * Its work-list items open a new pair through Insert Pair with their annotations filled in;
 * its exports are core's Markdown and CSV, the numbers `sft coverage` prints.
 * No Node API: the web build ships it as it is.
 */
import * as vscode from 'vscode';
import type { GivenValues } from '../../core/pair-template';
import { WORK_KEYS, type WorkKey } from '../../core/work-list';
import {
  coverageProtocolVersion,
  parseFromCoverageWebview,
  type CoverageReport,
  type FromCoverageWebview,
} from '../../shared/coverage-protocol';
import type { PairCommands } from '../commands/pair-commands';
import { Disposable } from '../dispose';
import { isSftDocument } from '../documents';
import { webviewHtml } from '../editor/html';
import { epochNow, painted, type PerfProbe } from '../perf';
import type { IndexService } from '../workspace/index-service';
import { coverageGroup, REPORT_FORMATS, reportOf, type ReportFormat } from './report-data';

/** The report's view type (`createWebviewPanel`). */
export const COVERAGE_REPORT_VIEW_TYPE = 'sft.coverageReport';

/** What the report works with. */
export interface CoverageReportDeps {
  index: IndexService;
  pairs: PairCommands;
  log: vscode.LogOutputChannel;
  /** Where the report marks its updates for the benchmark. */
  perf: PerfProbe;
}

export class CoverageReportPanel extends Disposable {
  private panel?: vscode.WebviewPanel;
  private ready = false;
  private readonly readied = this._register(new vscode.EventEmitter<void>());
  /** The report last sent to the webview (tests read it). */
  private shown?: CoverageReport;
  /** The last `.sft.yaml` file a text editor showed: new pairs go there first. */
  private lastFile?: string;

  static register(context: { extensionUri: vscode.Uri }, deps: CoverageReportDeps) {
    return new CoverageReportPanel(context.extensionUri, deps);
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: CoverageReportDeps,
  ) {
    super();
    const command = (id: string, run: (...args: never[]) => unknown) =>
      this._register(vscode.commands.registerCommand(id, run));
    command('sft.showCoverageReport', () => this.show());
    command('sft.exportCoverageReport', (format?: ReportFormat, target?: vscode.Uri) =>
      this.export(format, target),
    );
    command('sft.newPairWith', (values: Record<string, string> = {}, target?: vscode.Uri) =>
      this.newPair(values, target),
    );
    command('sft.offerNewPair', (key: string, value: string) => this.offerNewPair(key, value));
    // Test seams (not in the command palette): the report as last sent, once the webview is up.
    command('sft.test.coverageReport', async () => {
      if (!this.ready)
        await new Promise<void>((resolve) => {
          const sub = this.readied.event(() => {
            sub.dispose();
            resolve();
          });
        });
      return this.shown;
    });
    this._register(deps.index.onDidChangeCoverage(() => void this.post()));
    const follow = (e?: vscode.TextEditor) => {
      if (e && isSftDocument(e.document)) this.lastFile = e.document.uri.toString();
    };
    follow(vscode.window.activeTextEditor);
    this._register(vscode.window.onDidChangeActiveTextEditor(follow));
  }

  /** Open the report (or bring it to the front). */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      COVERAGE_REPORT_VIEW_TYPE,
      'SFT Coverage Report',
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [dist] },
    );
    this.panel = panel;
    this.ready = false;
    const subs = [
      panel.webview.onDidReceiveMessage((data: unknown) => {
        const msg = parseFromCoverageWebview(data, (why) =>
          this.deps.log.warn(`[coverage report] ${why}`),
        );
        if (msg) void this.receive(msg);
      }),
      panel.onDidDispose(() => {
        for (const s of subs) s.dispose();
        if (this.panel === panel) this.panel = undefined;
        this.ready = false;
      }),
    ];
    panel.webview.html = webviewHtml(panel.webview, dist, {
      name: 'coverage',
      title: 'Coverage Report',
      testid: 'coverage-report',
    });
  }

  private async receive(msg: FromCoverageWebview): Promise<void> {
    if (msg.type === 'ready') {
      await this.post();
      this.ready = true;
      this.readied.fire();
    } else if (msg.type === 'painted') this.deps.perf.coverageReport.painted = painted(msg);
    else if (msg.type === 'export') await this.export(msg.format);
    else await this.newPair(msg.values, undefined, vscode.ViewColumn.Beside);
  }

  /** Send the report as the index has it now. */
  private async post(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const group = await coverageGroup(this.deps.index);
    if (panel !== this.panel) return;
    const report = reportOf(group);
    this.shown = report;
    this.deps.perf.coverageReport.posted = { coverage: group.version, at: epochNow() };
    await panel.webview.postMessage({
      type: 'report',
      protocolVersion: coverageProtocolVersion,
      coverageVersion: group.version,
      report,
    });
  }

  /** Write the report as Markdown or CSV (asks for the format and the file unless given); resolves with the file written. */
  async export(format?: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const chosen =
      format ??
      (
        await vscode.window.showQuickPick(
          Object.entries(REPORT_FORMATS).map(([id, f]) => ({ label: f.filter, id })),
          { title: 'Export the coverage report as' },
        )
      )?.id;
    if (chosen !== 'markdown' && chosen !== 'csv') return undefined;
    const f = REPORT_FORMATS[chosen];
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export the coverage report',
        defaultUri: root && vscode.Uri.joinPath(root, `coverage.${f.ext}`),
        filters: { [f.filter]: [f.ext] },
      }));
    if (!file) return undefined;
    const text = f.format([await coverageGroup(this.deps.index)]);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    if (!target)
      void vscode.window.showInformationMessage(
        `Coverage report written to ${vscode.workspace.asRelativePath(file)}.`,
      );
    return file;
  }

  /**
   * A new pair with a work-list item's annotations, through Insert Pair: in `target`, else the
   * file last shown in a text editor, else the file with the most pairs of the item's task.
   * Resolves with the file's URI when the pair went in.
   */
  async newPair(
    values: Record<string, string>,
    target?: vscode.Uri,
    column = vscode.ViewColumn.Active,
  ): Promise<vscode.Uri | undefined> {
    const given: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(values)) {
      if (!(WORK_KEYS as readonly string[]).includes(key)) return undefined;
      given[key] = (key as WorkKey) === 'traits' ? [value] : value;
    }
    const file = target ?? this.fileFor(values.task);
    if (!file) {
      void vscode.window.showInformationMessage(
        'There is no .sft.yaml file in the workspace to add the pair to: create one with "SFT: New SFT File".',
      );
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    return (await this.deps.pairs.insertPairIn(doc, undefined, given as GivenValues))
      ? doc.uri
      : undefined;
  }

  private fileFor(task: string | undefined): vscode.Uri | undefined {
    const files = [...this.deps.index.index.files()];
    if (this.lastFile && files.includes(this.lastFile)) return vscode.Uri.parse(this.lastFile);
    // The most pairs of the task, then the most pairs: where such pairs are written.
    const ofTask = new Map<string, number>();
    const all = new Map<string, number>();
    for (const p of this.deps.index.index.pairs()) {
      all.set(p.file, (all.get(p.file) ?? 0) + 1);
      if (task && p.task === task) ofTask.set(p.file, (ofTask.get(p.file) ?? 0) + 1);
    }
    const n = (m: Map<string, number>, f: string) => m.get(f) ?? 0;
    const best = files.sort((a, b) => n(ofTask, b) - n(ofTask, a) || n(all, b) - n(all, a))[0];
    return best === undefined ? undefined : vscode.Uri.parse(best);
  }

  /** A value no pair has yet, clicked in the Coverage view: write one, or see the report. */
  private async offerNewPair(key: string, value: string): Promise<void> {
    const write = (WORK_KEYS as readonly string[]).includes(key);
    const picked = await vscode.window.showQuickPick(
      [
        ...(write ? [{ label: `$(add) Write a new pair with ${key}: ${value}`, id: 'write' }] : []),
        { label: '$(graph) Open the coverage report', id: 'report' },
      ],
      { title: `No pair has ${key}: ${value} yet` },
    );
    if (picked?.id === 'write') await this.newPair({ [key]: value });
    else if (picked?.id === 'report') this.show();
  }
}
