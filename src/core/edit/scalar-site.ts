/**
 * Where a scalar sits, for editing it: the text its offsets index into, whether a flow
 * collection holds it, the indentation of its parent, and the map between its value and
 * its source, both ways.
 */
import { isMap, isPair, isSeq, type Node, type Scalar } from 'yaml';
import { valueSpan, type PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import { lineStart } from '../text/lines';
import type { ScalarContext } from './scalar-read';

/** A scalar and where it sits. */
export interface ScalarSite extends ScalarContext {
  /** The text the node's offsets index into (a pair's `src`, or the document text). */
  src: string;
  node: Scalar;
}

/** Where a pair's or a file's nodes live: the text their offsets index into, and the root node above them. */
export interface NodeHome {
  src: string;
  root: Node | null | undefined;
}

/** The home of a pair's nodes (node offsets). */
export function pairHome(pair: PairModel): NodeHome {
  return { src: pair.src, root: pair.node };
}

/** The home of a file's header nodes (document offsets). */
export function fileHome(file: SftFileModel): NodeHome {
  return { src: file.text, root: file.doc.contents };
}

/**
 * Whether a flow collection holds `target` somewhere below `root`; undefined when `target`
 * is not below `root` at all.
 */
function flowAround(root: Node | null | undefined, target: Node): boolean | undefined {
  if (!root) return undefined;
  if (root === target) return false;
  if (!isMap(root) && !isSeq(root)) return undefined;
  for (const item of root.items as unknown[]) {
    const children = isPair(item) ? [item.key, item.value] : [item];
    for (const child of children) {
      const found = flowAround(child as Node | null, target);
      if (found !== undefined) return found || root.flow === true;
    }
  }
  return undefined;
}

/**
 * Indentation of the collection that holds a scalar starting at `at`: the column of its key
 * on the same line (`  response: |` is 2), or of the `-` of a list item (`- |`).
 */
function parentIndent(src: string, at: number): number {
  const ls = lineStart(src, at);
  let i = ls;
  let dash = -1;
  for (;;) {
    while (src[i] === ' ') i++;
    if (src[i] === '-' && (src[i + 1] === ' ' || src[i + 1] === '\t') && i < at) {
      dash = i;
      i++;
      continue;
    }
    break;
  }
  return i < at ? i - ls : dash >= 0 ? dash - ls : Math.max(0, at - ls - 1);
}

/** The site of a scalar below `root` (a pair's node, or the document's contents); offsets in `src`. */
export function scalarSite(
  src: string,
  root: Node | null | undefined,
  node: Scalar,
): ScalarSite | undefined {
  if (!node.range) return undefined;
  const inFlow = flowAround(root, node);
  return inFlow === undefined
    ? undefined
    : { src, node, inFlow, indent: parentIndent(src, node.range[0]) };
}

/** Source offset where value character `i` starts (the end of the value for i = length); undefined when the scalar does not map exactly. */
export function offsetOf(site: { src: string; node: Scalar }, i: number): number | undefined {
  const s = valueSpan(site, site.node, i, i);
  return s.start === s.end ? s.start : undefined;
}
