/**
 * The Coverage view of the "SFT" container: annotation → buckets (count, share, target,
 * gap marked) → the pairs behind a bucket (a click reveals the pair), each with its own
 * problem count. A value no pair has yet offers to write one; the title bar opens the report.
 */
import * as vscode from 'vscode';
import {
  INVALID,
  NONE,
  pairsIn,
  type AnnotationCoverage,
  type CoverageBucket,
  type CoverageKey,
} from '../../core/coverage';
import { plural } from '../../core/plural';
import type { IndexedPair } from '../../core/workspace/types';
import { Disposable } from '../dispose';
import { isSftUri } from '../documents';
import { DIAGNOSTIC_SOURCE } from '../lint/convert';
import { epochNow, type PerfProbe } from '../perf';
import type { IndexService } from './index-service';

/** A node of the coverage tree. */
export type CoverageNode =
  | { kind: 'annotation'; annotation: AnnotationCoverage }
  | { kind: 'bucket'; key: CoverageKey; bucket: CoverageBucket }
  | { kind: 'pair'; pair: IndexedPair };

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
/** Most pairs listed under one bucket; the view stays fast on huge workspaces. */
const MAX_PAIRS = 500;
/** At most one refresh for problem counts per this many ms (a workspace lint publishes file after file). */
const PROBLEMS_REFRESH_MS = 300;

export class CoverageView extends Disposable implements vscode.TreeDataProvider<CoverageNode> {
  private readonly changed = this._register(new vscode.EventEmitter<CoverageNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<CoverageNode>;

  static register(index: IndexService, perf: PerfProbe): CoverageView {
    return new CoverageView(index, perf);
  }

  private constructor(
    private readonly index: IndexService,
    private readonly perf: PerfProbe,
  ) {
    super();
    this.view = this._register(
      vscode.window.createTreeView('sft.coverage', {
        treeDataProvider: this,
        showCollapseAll: true,
      }),
    );
    this._register(index.onDidChangeCoverage(() => this.changed.fire(undefined)));
    // Pairs show their problem counts: follow the Problems panel while the view is visible.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let missed = false;
    const refresh = (): void => {
      if (!this.view.visible) {
        missed = true;
        return;
      }
      timer ??= setTimeout(() => {
        timer = undefined;
        this.changed.fire(undefined);
      }, PROBLEMS_REFRESH_MS);
    };
    this._register(
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some(isSftUri)) refresh();
      }),
    );
    this._register(
      this.view.onDidChangeVisibility(() => {
        if (this.view.visible && missed) {
          missed = false;
          refresh();
        }
      }),
    );
    this._register({ dispose: () => clearTimeout(timer) });
    this._register(
      vscode.commands.registerCommand('sft.showCoverage', () =>
        vscode.commands.executeCommand('sft.coverage.focus'),
      ),
    );
    this._register(
      vscode.commands.registerCommand('sft.refreshCoverage', () => this.changed.fire(undefined)),
    );
    this._register(
      vscode.commands.registerCommand('sft.revealPair', (file: string, offset: number) =>
        this.reveal(file, offset),
      ),
    );
  }

  async getChildren(node?: CoverageNode): Promise<CoverageNode[]> {
    const { coverage, version } = await this.index.coverage();
    if (!node) {
      this.perf.coverageTree = { coverage: version, at: epochNow() };
      if (!coverage.total) return [];
      return Object.values(coverage.annotations).map((annotation) => ({
        kind: 'annotation',
        annotation,
      }));
    }
    if (node.kind === 'annotation')
      return node.annotation.buckets.map((bucket) => ({
        kind: 'bucket',
        key: node.annotation.key,
        bucket,
      }));
    if (node.kind === 'bucket') {
      return pairsIn(this.index.pairs(), node.key, node.bucket.value)
        .slice(0, MAX_PAIRS)
        .map((pair) => ({ kind: 'pair', pair }));
    }
    return [];
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    if (node.kind === 'annotation') {
      const a = node.annotation;
      const item = new vscode.TreeItem(a.key, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `a:${a.key}`;
      const values = a.buckets.filter((b) => b.value !== NONE && b.value !== INVALID).length;
      item.description = a.missed ? `${a.missed} below target` : plural(values, 'value');
      const targets = a.buckets.filter((b) => b.target !== undefined).length;
      item.tooltip = `${a.key}: ${plural(values, 'value')}${targets ? `, ${plural(targets, 'target')}, ${a.missed} below target` : ', no target set'}`;
      item.iconPath = new vscode.ThemeIcon(
        a.missed ? 'warning' : 'symbol-enum',
        a.missed ? new vscode.ThemeColor('list.warningForeground') : undefined,
      );
      item.contextValue = 'annotation';
      return item;
    }
    if (node.kind === 'bucket') {
      const b = node.bucket;
      const item = new vscode.TreeItem(
        b.value,
        b.count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = `b:${node.key}:${b.value}`;
      // Short enough for the default sidebar width: the share against its target (≥ met,
      // → still to reach); the words and the gap are in the tooltip.
      const target = b.target === undefined ? '' : ` ${b.meets ? '≥' : '→'} ${pct(b.target)}`;
      item.description = `${b.count} · ${pct(b.share)}${target}`;
      item.tooltip = `${node.key}: ${b.value}\n${plural(b.count, 'pair')} (${pct(b.share)})${b.target !== undefined ? `\ntarget ${pct(b.target)}${b.meets ? ' (met)' : `, ${plural(b.gap, 'more pair')} needed`}` : ''}${b.count ? '' : '\nClick to write a pair with this value, or open the coverage report.'}`;
      // A value no pair has yet: a click offers to write one (a bucket with pairs expands).
      if (!b.count && b.value !== NONE && b.value !== INVALID)
        item.command = {
          command: 'sft.offerNewPair',
          title: 'Write a pair with this value',
          arguments: [node.key, b.value],
        };
      item.iconPath =
        b.meets === false
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : b.meets
            ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
            : new vscode.ThemeIcon('circle-small');
      item.contextValue = b.meets === false ? 'bucket-gap' : 'bucket';
      return item;
    }
    const p = node.pair;
    const item = new vscode.TreeItem(
      p.id ?? `(pair ${p.index + 1}, no id)`,
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = `p:${p.file}:${p.index}:${p.id ?? ''}`;
    const file = vscode.Uri.parse(p.file);
    // No resourceUri: VS Code would decorate every pair with its whole file's problem count.
    const problems = this.problemsOf(p, file);
    const path = vscode.workspace.asRelativePath(file);
    item.description = problems.count ? `${path} · ${plural(problems.count, 'problem')}` : path;
    item.tooltip = `${p.id ?? 'pair'} in ${path}${problems.count ? `\n${plural(problems.count, 'problem')} in this pair` : ''}`;
    item.iconPath =
      problems.worst === vscode.DiagnosticSeverity.Error
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : problems.worst === vscode.DiagnosticSeverity.Warning
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('comment-discussion');
    item.command = {
      command: 'sft.revealPair',
      title: 'Reveal pair',
      arguments: [p.file, p.idSpan.start],
    };
    return item;
  }

  /** The pair's own problems in the Problems panel: those on its lines, up to the next pair's. */
  private problemsOf(
    p: IndexedPair,
    file: vscode.Uri,
  ): { count: number; worst?: vscode.DiagnosticSeverity } {
    const next = this.index.index.entry(p.file)?.pairs[p.index + 1];
    const end = next ? next.line : Infinity;
    let count = 0;
    let worst: vscode.DiagnosticSeverity | undefined;
    for (const d of vscode.languages.getDiagnostics(file)) {
      if (
        d.source !== DIAGNOSTIC_SOURCE ||
        d.range.start.line < p.line ||
        d.range.start.line >= end
      )
        continue;
      count++;
      if (worst === undefined || d.severity < worst) worst = d.severity;
    }
    return { count, worst };
  }

  private async reveal(file: string, offset: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    const pos = doc.positionAt(offset);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  }
}
