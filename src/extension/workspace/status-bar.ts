/**
 * Status bar: `S n · M n · L n | tasks k/10` across the workspace (k: the task types on
 * target, as the coverage view marks them: meeting their target, or present where none is
 * set; 10: every task type the guidelines allow), with a warning background when a target is
 * missed, a tooltip table, and a click to the coverage report.
 */
import * as vscode from 'vscode';
import type { Coverage } from '../../core/coverage';
import { plural } from '../../core/plural';
import { escapeMarkdown } from '../../core/text/escape';
import { Disposable } from '../dispose';
import { settings } from '../config';
import type { IndexService } from './index-service';
import type { PerfProbe } from '../perf';

/** The status bar text for a coverage. @usedBy tests */
export function statusText(c: Coverage): string {
  const count = (v: string) =>
    c.annotations.prompt_length.buckets.find((b) => b.value === v)?.count ?? 0;
  return `S ${count('short')} · M ${count('medium')} · L ${count('long')} | tasks ${c.tasks.onTarget}/${c.tasks.total}`;
}

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

/**
 * A Markdown table of every annotation that has targets, plus the length buckets and tasks.
 * It may run one command (Open Coverage Report), so values and task names from the writer's files
 * are escaped: no link, icon or table break of theirs is live. @usedBy tests
 */
export function statusTooltip(c: Coverage): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['sft.showCoverageReport'] };
  md.appendMarkdown(
    `**SFT coverage** · ${plural(c.total, 'pair')}${c.targetTotal !== undefined ? ` of ${c.targetTotal} targeted` : ''}\n\n`,
  );
  md.appendMarkdown('| annotation | value | pairs | share | target |\n|---|---|---:|---:|---:|\n');
  for (const a of Object.values(c.annotations)) {
    const rows =
      a.key === 'prompt_length' ? a.buckets : a.buckets.filter((b) => b.target !== undefined);
    for (const b of rows) {
      const mark = b.meets === false ? ' $(warning)' : '';
      md.appendMarkdown(
        `| ${a.key} | ${escapeMarkdown(b.value)} | ${b.count} | ${pct(b.share)} | ${b.target !== undefined ? pct(b.target) : ''}${mark} |\n`,
      );
    }
  }
  // The status bar's k/n in words: a writer hovering `tasks 7/10` learns what 7 counts.
  md.appendMarkdown(
    `\nTask types on target (meeting their target, or present where none is set): ${c.tasks.onTarget} of ${c.tasks.total}\n`,
  );
  if (c.tasks.missing.length)
    md.appendMarkdown(
      `\nTasks with no pair yet: ${c.tasks.missing.map(escapeMarkdown).join(', ')}\n`,
    );
  md.appendMarkdown('\n[Open the coverage report](command:sft.showCoverageReport)');
  return md;
}

export class StatusBar extends Disposable {
  private readonly item = this._register(
    vscode.window.createStatusBarItem('sft.coverage', vscode.StatusBarAlignment.Left, 50),
  );
  private generation = 0;
  private readonly updated = this._register(new vscode.EventEmitter<string>());
  /** Fires with the new text after each update (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  static register(index: IndexService, perf: PerfProbe): StatusBar {
    return new StatusBar(index, perf);
  }

  private constructor(
    private readonly index: IndexService,
    private readonly perf: PerfProbe,
  ) {
    super();
    this.item.name = 'SFT coverage';
    this.item.command = 'sft.showCoverageReport';
    this._register(index.onDidChangeCoverage(() => void this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sft.statusBar')) void this.update();
      }),
    );
    void this.update();
  }

  /** The text shown now (for tests). */
  get text(): string {
    return this.item.text;
  }

  async update(): Promise<void> {
    const gen = ++this.generation;
    const started = performance.now();
    if (!settings().statusBar) {
      this.item.hide();
      this.updated.fire('');
      return;
    }
    const { coverage } = await this.index.coverage();
    if (gen !== this.generation) return;
    if (
      !coverage.total &&
      !vscode.workspace.textDocuments.some((d) => d.languageId === 'sft-yaml')
    ) {
      this.item.hide();
      this.updated.fire('');
      return;
    }
    this.item.text = statusText(coverage);
    this.item.tooltip = statusTooltip(coverage);
    this.item.backgroundColor = coverage.meetsTargets
      ? undefined
      : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
    this.perf.lastStatusBarMs = performance.now() - started;
    this.updated.fire(this.item.text);
  }
}
