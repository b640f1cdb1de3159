/**
 * The one order of problems every surface lists them in: by place, then by rule id. Rule
 * ids compare by code unit, not `localeCompare`: the order is the same on every machine,
 * and a cold CLI run does not load ICU's collation data to sort a few ties.
 */
import type { Problem } from './types';

/** Problems by start, then end, then rule id. */
export function byPlace(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
