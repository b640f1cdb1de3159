/**
 * Small node helpers shared by the structure, annotation and QA rules: where a pair or a
 * list item "starts" (for problems about something missing) and how to name a node's kind
 * in a message.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { effectiveField } from '../../fields';
import { scalarText, type PairModel } from '../../parse/model';
import { dashOffset } from '../../parse/parse';
import type { PairContext } from '../../rule';
import type { Span } from '../../types';

/** End of the line `at` is on, before its line break. */
export function lineEnd(src: string, at: number): number {
  const nl = src.indexOf('\n', at);
  const end = nl < 0 ? src.length : nl;
  return end > at && src[end - 1] === '\r' ? end - 1 : end;
}

/**
 * A list item's first line: from its `- ` through its first key (`- id`), where a problem
 * about something the item lacks is shown without underlining the whole item.
 */
export function itemHead(src: string, node: Node | null, fallback: number, floor = 0): Span {
  const start = node?.range ? dashOffset(src, node.range[0], floor) : fallback;
  if (isMap(node) && node.items.length) {
    const key = node.items[0].key as Node | null;
    if (isScalar(key) && key.range) return { start, end: key.range[1] };
  }
  const end = node?.range
    ? Math.min(node.range[1], lineEnd(src, node.range[0]))
    : lineEnd(src, start);
  return { start, end: Math.max(end, start) };
}

/** A pair's first line, from the `- ` through its first key; node offsets. */
export function pairHead(pair: PairModel): Span {
  const dash = pair.slice.start + pair.indent;
  if (pair.src[dash] === '-' && !pair.node?.range)
    return { start: dash, end: lineEnd(pair.src, dash) };
  return itemHead(pair.src, pair.node, dash, pair.slice.start);
}

/** A node's kind for messages: "a list", "a map", "text", "a number", "true/false", "empty". */
export function kindOf(node: Node | null | undefined): string {
  if (!node) return 'empty';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return 'empty';
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'a number';
    if (typeof node.value === 'boolean') return 'true/false';
  }
  return 'text';
}

/** True when a value is absent or empty (`key:`, `key: ~`, `key: ""`). */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (!isScalar(node)) return false;
  return node.value === null || node.value === undefined || node.value === '';
}

/**
 * A node's [start, end) span, when it has one; with `src`, without the line breaks a block
 * scalar or block list ends with, so the underline stops at the text.
 */
export function rangeOf(node: Node | null | undefined, src?: string): Span | undefined {
  if (!node?.range) return undefined;
  const start = node.range[0];
  let end = node.range[1];
  if (src)
    while (end > start && (src[end - 1] === '\n' || src[end - 1] === '\r' || src[end - 1] === ' '))
      end--;
  return { start, end };
}

/**
 * An annotation's scalar text, the pair's own else the file's `defaults`: what
 * `ctx.annotation(key).text` gives, without building the whole annotation (lists, field),
 * for rules that read one value of every pair.
 */
export function annotationText(ctx: PairContext, key: string): string | undefined {
  return scalarText(effectiveField(ctx.file, ctx.pair, key)?.value);
}
