/**
 * Pair geometry in document offsets, for editor features: where a pair starts and ends and
 * where its fields are, and what a pair is called and summarised as. Host-neutral, so the
 * same helpers serve every provider and command of any host. Edits come from core/edits.
 */
import { effectiveField } from './fields';
import { pairCounts } from './counts';
import type { Guidelines } from './guidelines';
import { findPair, type SftFileModel } from './parse/parse';
import { scalarText, type Field, type PairModel } from './parse/model';
import type { Span } from './types';

/** Document offsets of a pair: from its `-` to the end of its last non-blank line. */
export function pairSpan(pair: PairModel): Span & { dash: number } {
  const start = pair.base + pair.slice.start;
  let end = pair.slice.end;
  while (end > pair.slice.start && /[ \t\r\n]/.test(pair.src[end - 1])) end--;
  return { start, dash: start + pair.indent, end: pair.base + end };
}

/** The pair at a document offset. */
export function pairAtOffset(model: SftFileModel, offset: number): PairModel | undefined {
  return findPair(model.pairs, offset) ?? (model.pairs.length && offset >= pairSpan(model.pairs[model.pairs.length - 1]).start ? model.pairs[model.pairs.length - 1] : undefined);
}

/** Document offsets of a field's key and value. */
export function fieldSpans(b: number, field: Field): { key: Span; value?: Span; entry: Span } {
  const key = { start: b + field.keyNode.range![0], end: b + field.keyNode.range![1] };
  const v = field.value?.range;
  return { key, value: v ? { start: b + v[0], end: b + v[1] } : undefined, entry: { start: b + field.span.start, end: b + field.span.end } };
}

/** The name a pair goes by in outline, CodeLens and pickers. */
export function pairName(pair: PairModel): string {
  return pair.id ?? `(pair ${pair.index + 1}, no id)`;
}

/** Task (own or from defaults) and counted bucket of a pair. */
export function pairSummary(model: SftFileModel, pair: PairModel, g: Guidelines): { task?: string; bucket: string } {
  const task = scalarText(effectiveField(model, pair, 'task')?.value);
  return { task, bucket: pairCounts(pair, g).bucket };
}
