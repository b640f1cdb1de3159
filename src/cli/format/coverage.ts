/**
 * Coverage as an aligned text table, Markdown or JSON. User text (values, task names, the
 * guidelines path) is escaped for where it lands: control characters shown visibly in the
 * table, Markdown syntax escaped in the report; JSON is exact.
 */
import { COVERAGE_KEYS, type Coverage, type CoverageBucket } from '../../core/coverage';
import { plural } from '../../core/plural';
import { escapeControls, escapeMarkdown, jsonForTerminal } from '../../core/text/escape';

/** One coverage report: the files under one set of guidelines. */
export interface CoverageGroup {
  /** Display path of the guidelines file, or undefined for the built-in defaults. */
  guidelines?: string;
  files: string[];
  coverage: Coverage;
}

const HEADERS = ['value', 'count', 'share', 'target', 'gap', ''] as const;

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function targetPercent(share: number): string {
  // Targets are written as whole or one-decimal percents; show them as written.
  return `${Number((share * 100).toFixed(1))}%`;
}

function mark(b: CoverageBucket): string {
  return b.meets === undefined ? '' : b.meets ? 'ok' : 'MISS';
}

/** How user text is made safe for one output. */
type Escape = (text: string) => string;

function cells(b: CoverageBucket, escape: Escape): string[] {
  return [
    escape(b.value),
    String(b.count),
    percent(b.share),
    b.target === undefined ? '' : targetPercent(b.target),
    b.target === undefined ? '' : String(b.gap),
    mark(b),
  ];
}

function heading(g: CoverageGroup, escape: Escape): string[] {
  const c = g.coverage;
  const target =
    c.targetTotal === undefined ? '' : ` of a target ${c.targetTotal} (${c.totalGap} to go)`;
  const guidelines = g.guidelines === undefined ? 'built-in defaults' : escape(g.guidelines);
  const missing = c.tasks.missing.map(escape).join(', ');
  return [
    `Coverage: ${plural(c.total, 'pair')}${target} in ${plural(g.files.length, 'file')}; guidelines: ${guidelines}`,
    `Tasks covered: ${c.tasks.covered}/${c.tasks.total}${missing ? ` (missing: ${missing})` : ''}; targets ${c.meetsTargets ? 'met' : 'missed'}`,
  ];
}

/** Aligned columns, numbers right-aligned, one block per annotation. */
export function formatCoverageTable(groups: readonly CoverageGroup[]): string {
  const out: string[] = [];
  for (const g of groups) {
    out.push(...heading(g, escapeControls), '');
    for (const key of COVERAGE_KEYS) {
      const rows = g.coverage.annotations[key].buckets.map((b) => cells(b, escapeControls));
      const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      widths[0] = Math.max(widths[0], key.length);
      const line = (r: readonly string[]): string =>
        r
          .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
          .join('  ')
          .trimEnd();
      out.push(line([key, ...HEADERS.slice(1)]), ...rows.map((r) => line(r)), '');
    }
  }
  return out.join('\n');
}

/** A Markdown report: a heading per group, a table per annotation. */
export function formatCoverageMarkdown(groups: readonly CoverageGroup[]): string {
  const out: string[] = [];
  for (const g of groups) {
    const [first, second] = heading(g, escapeMarkdown);
    out.push(`# ${first}`, '', second, '');
    for (const key of COVERAGE_KEYS) {
      out.push(
        `## ${key}`,
        '',
        '| value | count | share | target | gap | |',
        '|---|--:|--:|--:|--:|---|',
      );
      for (const b of g.coverage.annotations[key].buckets)
        out.push(`| ${cells(b, escapeMarkdown).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** JSON: an array of groups with their full coverage numbers. */
export function formatCoverageJson(groups: readonly CoverageGroup[]): string {
  const report = groups.map((g) => ({
    guidelines: g.guidelines ?? null,
    files: g.files,
    ...g.coverage,
  }));
  return jsonForTerminal(JSON.stringify(report, null, 2)) + '\n';
}
