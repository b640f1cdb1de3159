/**
 * Coverage: how the workspace's pairs spread over each annotation, against the guidelines'
 * targets (SPEC 2 `targets`, SPEC 4 Coverage view, status bar and report). Presentation-free
 * numbers: the CLI renders them as a table, JSON or Markdown, the extension as a status bar,
 * a tree and charts. `pairsIn` lists the pairs behind any number.
 */
import { DEFAULT_DOMAINS, isValidValue } from './annotations';
import { closedValues, fieldsAt, type CoverageKey } from './fields';
import type { Guidelines } from './guidelines';
import type { IndexedPair } from './workspace/types';

/** The bucket of pairs that do not have the annotation. */
export const NONE = '(none)';
/**
 * The bucket of pairs whose value the annotation cannot take (`task: rewritting`, a language
 * that is not a BCP 47 tag): invalid-value reports them, and counting each as a value of its
 * own would show an 11th task.
 */
export const INVALID = '(invalid)';

export type { CoverageKey } from './fields';

/** Annotations coverage counts (the field table's `coverage`), in report order. `prompt_length` is the counted bucket. */
export const COVERAGE_KEYS: readonly CoverageKey[] = fieldsAt('pair')
  .filter((f) => f.coverage !== undefined)
  .sort((a, b) => a.coverage! - b.coverage!)
  .map((f) => f.key as CoverageKey);

/** One value of one annotation. */
export interface CoverageBucket {
  value: string;
  count: number;
  /** count / total pairs (0 when there are none). Traits can sum above 1: a pair counts in each of its traits. */
  share: number;
  /** The guidelines' target share, when one is set. */
  target?: number;
  /** Pairs still needed to reach the target share of max(total, targets.total); 0 without a target. */
  gap: number;
  /** Whether the target is met; undefined without a target. */
  meets?: boolean;
}

/** The spread of one annotation. */
export interface AnnotationCoverage {
  key: CoverageKey;
  /** Known values first (in vocabulary order), then other values seen (most pairs first), then `(invalid)` and `(none)` when any pair has an invalid value or lacks it. */
  buckets: CoverageBucket[];
  /** Buckets with a target that is not met. */
  missed: number;
}

/** A cross-tabulation of two annotations (task x prompt type, author x status ...). */
export interface CoverageMatrix {
  rowKey: CoverageKey;
  colKey: CoverageKey;
  rows: string[];
  cols: string[];
  /** counts[row][col]. */
  counts: number[][];
}

/** Coverage of a set of pairs. */
export interface Coverage {
  total: number;
  /** The guidelines' target number of pairs. */
  targetTotal?: number;
  /** Pairs still needed to reach targetTotal (0 without one). */
  totalGap: number;
  annotations: Record<CoverageKey, AnnotationCoverage>;
  /** task x prompt_type. */
  matrix: CoverageMatrix;
  /** author x status: progress per writer. */
  progress: CoverageMatrix;
  /**
   * Guidelines tasks with at least one pair (`covered`), and on target (`onTarget`: meeting
   * their target, or present where none is set), of all guidelines tasks.
   */
  tasks: { covered: number; onTarget: number; total: number; missing: string[] };
  /** Whether every target (total and shares) is met. */
  meetsTargets: boolean;
}

/** The bucket a value counts in: itself, `(none)` when absent, `(invalid)` when the annotation cannot take it. */
function bucketOf(key: CoverageKey, v: string | undefined): string {
  if (v === undefined || v === '') return NONE;
  return isValidValue(key, v) ? v : INVALID;
}

/** The values of an annotation for a pair; `(none)` when it has none, `(invalid)` for a value it cannot take. */
export function valuesOf(pair: IndexedPair, key: CoverageKey): readonly string[] {
  if (key === 'traits') {
    if (!pair.traits.length) return [NONE];
    if (pair.traits.every((t) => isValidValue(key, t))) return pair.traits;
    // A pair counts once in (invalid), however many of its traits are.
    return [...new Set(pair.traits.map((t) => bucketOf(key, t)))];
  }
  return [bucketOf(key, key === 'prompt_length' ? pair.bucket : pair[key])];
}

/** The pairs behind a bucket (value `(none)` lists pairs without the annotation). */
export function pairsIn(
  pairs: Iterable<IndexedPair>,
  key: CoverageKey,
  value: string,
): IndexedPair[] {
  const out: IndexedPair[] = [];
  for (const p of pairs) if (valuesOf(p, key).includes(value)) out.push(p);
  return out;
}

/**
 * The pairs behind a matrix cell.
 * @usedBy tests
 */
export function pairsInCell(
  pairs: Iterable<IndexedPair>,
  rowKey: CoverageKey,
  row: string,
  colKey: CoverageKey,
  col: string,
): IndexedPair[] {
  const out: IndexedPair[] = [];
  for (const p of pairs)
    if (valuesOf(p, rowKey).includes(row) && valuesOf(p, colKey).includes(col)) out.push(p);
  return out;
}

/** The values shown even when no pair has them: the vocabulary as the guidelines narrow it. */
function knownValues(key: CoverageKey, g: Guidelines): string[] {
  if (key === 'task') return g.tasks;
  if (key === 'domain') return g.domains.length ? g.domains : DEFAULT_DOMAINS.map((d) => d.value);
  if (key === 'language') return g.languages ?? [];
  return closedValues(key)?.map((v) => v.value) ?? [];
}

function orderValues(
  known: string[],
  counts: Map<string, number>,
  targets: Record<string, number>,
): string[] {
  const seen = new Set(known);
  const extra = [...new Set([...counts.keys(), ...Object.keys(targets)])].filter(
    (v) => !seen.has(v) && v !== NONE && v !== INVALID,
  );
  extra.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  return [
    ...known,
    ...extra,
    ...(counts.has(INVALID) ? [INVALID] : []),
    ...(counts.has(NONE) ? [NONE] : []),
  ];
}

/** Pairs needed for `share` of `base` pairs, minus those there are. */
function gapOf(share: number, base: number, count: number): number {
  // The epsilon keeps 15% of 1200 at 180, not 181, after floating-point rounding.
  return Math.max(0, Math.ceil(share * base - 1e-9) - count);
}

/** What coverage is made of: how many pairs carry each value, and the two cross tables. */
export interface CoverageCounts {
  total: number;
  values: Record<CoverageKey, Map<string, number>>;
  /** task x prompt_type cells, keyed `task\u0000prompt_type`. */
  matrix: Map<string, number>;
  /** author x status cells, keyed `author\u0000status`. */
  progress: Map<string, number>;
}

const CELL = '\u0000';

function emptyCounts(): CoverageCounts {
  const values = {} as Record<CoverageKey, Map<string, number>>;
  for (const key of COVERAGE_KEYS) values[key] = new Map();
  return { total: 0, values, matrix: new Map(), progress: new Map() };
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  // A value no pair carries any more must disappear, not linger as a zero bucket.
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

/** Tally the pairs (one file's, or all of them). */
export function countCoverage(pairs: Iterable<IndexedPair>): CoverageCounts {
  const c = emptyCounts();
  for (const p of pairs) {
    c.total++;
    for (const key of COVERAGE_KEYS) for (const v of valuesOf(p, key)) bump(c.values[key], v, 1);
    for (const t of valuesOf(p, 'task'))
      for (const k of valuesOf(p, 'prompt_type')) bump(c.matrix, t + CELL + k, 1);
    for (const a of valuesOf(p, 'author'))
      for (const st of valuesOf(p, 'status')) bump(c.progress, a + CELL + st, 1);
  }
  return c;
}

/**
 * Add (sign 1) or take away (sign -1) one tally from another, so a workspace total can follow
 * one file's change without recounting every pair.
 */
export function addCounts(into: CoverageCounts, counts: CoverageCounts, sign: 1 | -1): void {
  into.total += sign * counts.total;
  for (const key of COVERAGE_KEYS)
    for (const [v, n] of counts.values[key]) bump(into.values[key], v, sign * n);
  for (const [cell, n] of counts.matrix) bump(into.matrix, cell, sign * n);
  for (const [cell, n] of counts.progress) bump(into.progress, cell, sign * n);
}

/** An empty tally, to add files' tallies into. */
export function newCoverageCounts(): CoverageCounts {
  return emptyCounts();
}

function cross(
  cells: Map<string, number>,
  rowKey: CoverageKey,
  rows: string[],
  colKey: CoverageKey,
  cols: string[],
): CoverageMatrix {
  const counts = rows.map((r) => cols.map((c) => cells.get(r + CELL + c) ?? 0));
  return { rowKey, colKey, rows, cols, counts };
}

/** Coverage of the pairs against the guidelines' targets. */
export function computeCoverage(pairs: Iterable<IndexedPair>, guidelines: Guidelines): Coverage {
  return coverageFromCounts(countCoverage(pairs), guidelines);
}

/** Coverage from a tally: shares, targets, gaps, the cross tables and tasks covered. */
export function coverageFromCounts(c: CoverageCounts, guidelines: Guidelines): Coverage {
  const total = c.total;
  const targetTotal = guidelines.targets.total;
  const base = Math.max(total, targetTotal ?? 0);
  const annotations = {} as Record<CoverageKey, AnnotationCoverage>;
  let meetsTargets = targetTotal === undefined || total >= targetTotal;
  for (const key of COVERAGE_KEYS) {
    const counts = c.values[key];
    const targets = guidelines.targets.shares[key] ?? {};
    let missed = 0;
    const buckets = orderValues(knownValues(key, guidelines), counts, targets).map(
      (value): CoverageBucket => {
        const count = counts.get(value) ?? 0;
        const bucket: CoverageBucket = { value, count, share: total ? count / total : 0, gap: 0 };
        const target = targets[value];
        if (target !== undefined) {
          bucket.target = target;
          bucket.gap = gapOf(target, base, count);
          bucket.meets = bucket.gap === 0;
          if (!bucket.meets) missed++;
        }
        return bucket;
      },
    );
    if (missed) meetsTargets = false;
    annotations[key] = { key, buckets, missed };
  }
  const values = (key: CoverageKey): string[] => annotations[key].buckets.map((b) => b.value);
  const taskBucket = (t: string) => annotations.task.buckets.find((b) => b.value === t);
  const covered = guidelines.tasks.filter((t) => (taskBucket(t)?.count ?? 0) > 0);
  const onTarget = guidelines.tasks.filter((t) => {
    const b = taskBucket(t);
    return b?.meets ?? (b?.count ?? 0) > 0;
  }).length;
  return {
    total,
    targetTotal,
    totalGap: targetTotal === undefined ? 0 : Math.max(0, targetTotal - total),
    annotations,
    matrix: cross(c.matrix, 'task', values('task'), 'prompt_type', values('prompt_type')),
    progress: cross(c.progress, 'author', values('author'), 'status', values('status')),
    tasks: {
      covered: covered.length,
      onTarget,
      total: guidelines.tasks.length,
      missing: guidelines.tasks.filter((t) => !covered.includes(t)),
    },
    meetsTargets,
  };
}
