/**
 * Pair geometry in document offsets, for editor commands: where a pair starts and ends (the
 * pair view's range) and which pair holds an offset. Pure (no vscode). Edits come from
 * core/edits.
 */
import { findPair, type SftFileModel } from '../core/parse/parse';
import type { PairModel } from '../core/parse/model';
import { pairRange } from '../core/parse/pair-view';
import type { Span } from '../core/types';

/** Document offsets of a pair: from its `-` to the end of its last non-blank line. */
export const pairSpan: (pair: PairModel) => Span & { dash: number } = pairRange;

/** The pair at a document offset. */
export function pairAtOffset(model: SftFileModel, offset: number): PairModel | undefined {
  return findPair(model.pairs, offset) ?? (model.pairs.length && offset >= pairSpan(model.pairs[model.pairs.length - 1]).start ? model.pairs[model.pairs.length - 1] : undefined);
}
