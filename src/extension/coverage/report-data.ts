/**
 * What the coverage report shows and exports, from the index's coverage: the same numbers as
 * `sft coverage` on the workspace (one group: the workspace's files under its root
 * guidelines), the work list, and the Markdown and CSV of core's shared formatters.
 * No Node API: the web build ships it as it is.
 */
import * as vscode from 'vscode';
import { COVERAGE_KEYS } from '../../core/coverage';
import {
  formatCoverageCsv,
  formatCoverageMarkdown,
  type CoverageGroup,
} from '../../core/coverage-format';
import { workList } from '../../core/work-list';
import type { CoverageReport } from '../../shared/coverage-protocol';
import type { IndexService } from '../workspace/index-service';

/** The formats the report exports, with their file extension and dialog filter. */
export const REPORT_FORMATS = {
  markdown: { ext: 'md', filter: 'Markdown', format: formatCoverageMarkdown },
  csv: { ext: 'csv', filter: 'CSV', format: formatCoverageCsv },
} as const;

export type ReportFormat = keyof typeof REPORT_FORMATS;

/**
 * The workspace's coverage as one `sft coverage` group: paths relative to the workspace; with
 * the index's coverage version it counts.
 */
export async function coverageGroup(
  index: IndexService,
): Promise<CoverageGroup & { version: number }> {
  const { coverage, guidelinesUri, version } = await index.coverage();
  return {
    version,
    guidelines: guidelinesUri && vscode.workspace.asRelativePath(guidelinesUri),
    files: [...index.index.files()].map((f) =>
      vscode.workspace.asRelativePath(vscode.Uri.parse(f)),
    ),
    coverage,
  };
}

/** The report message's content for a group. */
export function reportOf(group: CoverageGroup): CoverageReport {
  const c = group.coverage;
  return {
    total: c.total,
    targetTotal: c.targetTotal,
    totalGap: c.totalGap,
    meetsTargets: c.meetsTargets,
    guidelines: group.guidelines,
    files: group.files.length,
    annotations: COVERAGE_KEYS.map((key) => c.annotations[key]),
    matrix: c.matrix,
    progress: c.progress,
    tasks: c.tasks,
    work: workList(c),
  };
}
