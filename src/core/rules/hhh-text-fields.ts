/**
 * The text scalars the HHH text rules read: system, context, prompt, response and each
 * in-context example's input and output, with their nodes for exact ranges.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { PairContext } from '../rule';

/** One text scalar of a pair. */
export interface TextScalar {
  /** `prompt`, `response`, ... or `examples[0].input`. */
  name: string;
  text: string;
  node: Scalar;
}

/** Text scalars of the given top-level fields, plus examples' input/output when `examples` is listed. */
export function textScalars(ctx: PairContext, keys: readonly string[]): TextScalar[] {
  const out: TextScalar[] = [];
  for (const key of keys) {
    if (key === 'examples') {
      const seq = ctx.pair.fields.get('examples')?.value;
      if (!isSeq(seq)) continue;
      (seq.items as (Node | null)[]).forEach((ex, i) => {
        if (!isMap(ex)) return;
        for (const k of ['input', 'output']) {
          const node = ex.get(k, true) as Node | undefined;
          if (isScalar(node) && typeof node.value === 'string' && node.range) {
            out.push({ name: `examples[${i}].${k}`, text: node.value, node });
          }
        }
      });
      continue;
    }
    const t = ctx.text(key);
    if (t && t.node.range && typeof t.node.value === 'string') out.push({ name: key, text: t.text, node: t.node });
  }
  return out;
}
