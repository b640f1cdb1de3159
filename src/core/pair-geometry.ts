/**
 * Pair geometry in document offsets, for editor commands: where a pair starts and ends and
 * which pair holds an offset. Host-neutral. Features read names, fields and summaries from
 * the pair view (parse/pair-view), which owns the offsets of the parse; edits come from
 * core/edit.
 */
import { findPair, type SftFileModel } from './parse/parse';
import type { PairModel } from './parse/model';
import { pairRange } from './parse/pair-view';
import type { Span } from './types';

/** Document offsets of a pair: from its `-` to the end of its last non-blank line. */
export function pairSpan(pair: PairModel): Span & { dash: number } {
  return pairRange(pair);
}

/** The pair at a document offset. */
export function pairAtOffset(model: SftFileModel, offset: number): PairModel | undefined {
  return (
    findPair(model.pairs, offset) ??
    (model.pairs.length && offset >= pairSpan(model.pairs[model.pairs.length - 1]).start
      ? model.pairs[model.pairs.length - 1]
      : undefined)
  );
}
