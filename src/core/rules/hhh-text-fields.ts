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
  /** Whether the scalar sits in a flow collection, where `[`, `]`, `,` cannot be written plainly. */
  inFlow: boolean;
}

/** Text scalars of the given top-level fields, plus examples' input/output when `examples` is listed. */
export function textScalars(ctx: PairContext, keys: readonly string[]): TextScalar[] {
  const out: TextScalar[] = [];
  const pairFlow = isMap(ctx.pair.node) && ctx.pair.node.flow === true;
  for (const key of keys) {
    if (key === 'examples') {
      const seq = ctx.pair.fields.get('examples')?.value;
      if (!isSeq(seq)) continue;
      (seq.items as (Node | null)[]).forEach((ex, i) => {
        if (!isMap(ex)) return;
        for (const k of ['input', 'output']) {
          const node = ex.get(k, true) as Node | undefined;
          if (isScalar(node) && typeof node.value === 'string' && node.range) {
            out.push({ name: `examples[${i}].${k}`, text: node.value, node, inFlow: pairFlow || seq.flow === true || ex.flow === true });
          }
        }
      });
      continue;
    }
    const t = ctx.text(key);
    if (t && t.node.range && typeof t.node.value === 'string') out.push({ name: key, text: t.text, node: t.node, inFlow: pairFlow });
  }
  return out;
}

/** Whether replacing value[start, ...) of a scalar with text starting `[` keeps the YAML valid. */
export function canWriteBracket(s: TextScalar, start: number): boolean {
  if (s.node.type !== 'PLAIN') return true;
  return !s.inFlow && start > 0;
}
