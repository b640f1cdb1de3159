/**
 * Coverage as an aligned text table, Markdown, CSV or JSON: `sft coverage` prints them, the
 * coverage report exports the Markdown and the CSV, so both say the same numbers. User text
 * (values, task names, the guidelines path) is escaped for where it lands: control characters
 * shown visibly in the table, Markdown syntax escaped in the report, CSV fields quoted and
 * never read as a spreadsheet formula; JSON is exact.
 */
import { COVERAGE_KEYS, type Coverage, type CoverageBucket, type CoverageMatrix } from './coverage';
import { plural } from './plural';
import { escapeControls, escapeMarkdown, jsonForTerminal } from './text/escape';
import { workList } from './work-list';

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

/** A cross table as Markdown: a row per row value, a column per column value. */
function matrixMarkdown(title: string, m: CoverageMatrix): string[] {
  return [
    `## ${title}`,
    '',
    `| ${m.rowKey} | ${m.cols.map(escapeMarkdown).join(' | ')} |`,
    `|---|${m.cols.map(() => '--:|').join('')}`,
    ...m.rows.map((r, i) => `| ${escapeMarkdown(r)} | ${m.counts[i].join(' | ')} |`),
    '',
  ];
}

/**
 * A Markdown report: a heading per group, a table per annotation, the task x prompt type
 * and author x status tables, and the work list to reach the targets.
 */
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
    out.push(...matrixMarkdown('task × prompt_type', g.coverage.matrix));
    out.push(...matrixMarkdown('progress: author × status', g.coverage.progress));
    const work = workList(g.coverage);
    out.push('## To reach the targets', '');
    out.push(
      ...(work.length ? work.map((w) => `- ${escapeMarkdown(w.label)}`) : ['Every target is met.']),
    );
    out.push('');
  }
  return out.join('\n');
}

/** Characters that make a spreadsheet read a cell as a formula when they lead it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a formula lead made inert. */
function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV: a header, then one row per annotation value (the table's numbers), each with its guidelines. */
export function formatCoverageCsv(groups: readonly CoverageGroup[]): string {
  const rows = [['guidelines', 'annotation', 'value', 'count', 'share', 'target', 'gap', 'mark']];
  for (const g of groups)
    for (const key of COVERAGE_KEYS)
      for (const b of g.coverage.annotations[key].buckets)
        rows.push([g.guidelines ?? '', key, ...cells(b, (t) => t)]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
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
