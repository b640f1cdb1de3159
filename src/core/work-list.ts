/**
 * The work list: what to write next to reach the guidelines' targets, as items a writer can
 * act on ("12 more long summarization prompts"). Each annotation's gaps (the same numbers
 * `sft coverage` prints) are met together where they can be: one new pair counts toward a
 * task, a length, a domain ... at once, so items combine the largest open gap of each
 * annotation, as many pairs as the smallest of them, until every gap is closed. Whatever the
 * target total still lacks after that is one last item of any kind.
 */
import { COVERAGE_KEYS, INVALID, NONE, type Coverage, type CoverageKey } from './coverage';
import { plural } from './plural';

/** Annotations a writer chooses when writing a pair: all but status and author (progress, not content). */
export const WORK_KEYS = COVERAGE_KEYS.filter(
  (k): k is WorkKey => k !== 'status' && k !== 'author',
);

export type WorkKey = Exclude<CoverageKey, 'status' | 'author'>;

/** New pairs to write, all with the same annotations. */
export interface WorkItem {
  /** How many pairs. */
  count: number;
  /** The value of each annotation the item asks for (traits: one trait); the others are free. */
  values: Partial<Record<WorkKey, string>>;
  /** What to write, in words: "12 more long summarization prompts · instructive". */
  label: string;
}

/** The open gaps of the work keys: value → pairs still needed, in the report's bucket order. */
function openGaps(c: Coverage): Map<WorkKey, Map<string, number>> {
  const out = new Map<WorkKey, Map<string, number>>();
  for (const key of WORK_KEYS) {
    const gaps = new Map<string, number>();
    for (const b of c.annotations[key].buckets)
      if (b.gap > 0 && b.value !== NONE && b.value !== INVALID) gaps.set(b.value, b.gap);
    if (gaps.size) out.set(key, gaps);
  }
  return out;
}

/** The value with the largest gap (the first in report order on a tie). */
function largest(gaps: Map<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const entry of gaps) if (entry[1] > best[1]) best = entry;
  return best;
}

/** An item's words: count, length and task first ("12 more long summarization prompts"), the rest after. */
function workLabel(count: number, values: WorkItem['values']): string {
  const head = [values.prompt_length, values.task].filter((v) => v !== undefined).join(' ');
  const noun = values.prompt_length ? 'prompt' : 'pair';
  const rest = [
    values.prompt_type,
    values.response_type && `${values.response_type} response`,
    values.domain,
    values.language && `language ${values.language}`,
    values.traits,
  ].filter((v): v is string => !!v);
  return [`${count} more ${head ? `${head} ` : ''}${noun}${count === 1 ? '' : 's'}`, ...rest].join(
    ' · ',
  );
}

/** What to write to reach every target, in the order planned (the combined items, then any kind). */
export function workList(c: Coverage): WorkItem[] {
  const gaps = openGaps(c);
  const items: WorkItem[] = [];
  while (gaps.size) {
    const values: WorkItem['values'] = {};
    let count = Infinity;
    for (const [key, open] of gaps) {
      const [value, gap] = largest(open);
      values[key] = value;
      count = Math.min(count, gap);
    }
    for (const [key, value] of Object.entries(values) as [WorkKey, string][]) {
      const open = gaps.get(key)!;
      const left = open.get(value)! - count;
      if (left > 0) open.set(value, left);
      else open.delete(value);
      if (!open.size) gaps.delete(key);
    }
    items.push({ count, values, label: workLabel(count, values) });
  }
  const planned = items.reduce((n, i) => n + i.count, 0);
  if (c.totalGap > planned) {
    const count = c.totalGap - planned;
    items.push({ count, values: {}, label: `${plural(count, 'more pair')} of any kind` });
  }
  return items;
}
