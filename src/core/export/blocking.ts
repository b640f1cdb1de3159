/**
 * Which lint problems refuse an export: `sft export` and the editor's export count them the
 * same way. An error blocks, unless it is inside a pair the export leaves out (a draft with
 * an error does not stop the export of the approved pairs).
 */
import { effectiveField } from '../fields';
import { scalarText, type PairModel } from '../parse/model';
import { findPair, type SftFileModel } from '../parse/parse';
import type { Problem } from '../types';

/** A pair's effective status (its own, else the file's default); '' without one, as `collectRecords` filters. */
function statusOf(model: SftFileModel, pair: PairModel): string {
  return scalarText(effectiveField(model, pair, 'status')?.value) ?? '';
}

/**
 * Whether a problem blocks an export of pairs with these statuses (undefined: every pair).
 * `model` is the file's parse, undefined when it could not be read: then every error blocks.
 */
export function blocksExport(
  problem: Problem,
  model: SftFileModel | undefined,
  statuses: readonly string[] | undefined,
): boolean {
  if (problem.severity !== 'error') return false;
  const pair = model && statuses ? findPair(model.pairs, problem.start) : undefined;
  return !(pair && statuses && !statuses.includes(statusOf(model!, pair)));
}
