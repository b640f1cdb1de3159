import { isScalar } from 'yaml';
import { PROMPT_LENGTHS } from '../annotations';
import { scalarText } from '../parse/model';
import type { LintRule } from '../rule';
import { plural } from '../plural';
import { pairHome } from '../edit/scalar-site';
import { fixList, valueFix } from '../edit/scalar-fix';

const BUCKETS = new Set(PROMPT_LENGTHS.map((b) => b.value));

/**
 * A declared `prompt_length` must match the bucket of what the model reads before it
 * answers (system, context, examples, prompt), counted in Unicode words.
 */
export const lengthMismatch: LintRule = {
  meta: {
    id: 'length-mismatch',
    category: 'annotations',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'The declared prompt_length differs from the bucket of the counted prompt words; fix: set the counted bucket.',
  },
  checkPair(ctx) {
    // Not from defaults: one length for every pair of a file is not a declaration about any of them.
    const node = ctx.pair.fields.get('prompt_length')?.value;
    const declared = scalarText(node);
    if (!isScalar(node) || !node.range || declared === undefined || !BUCKETS.has(declared)) return;
    const { promptWords, bucket } = ctx.counts();
    if (bucket === declared) return;
    const { short, long } = ctx.guidelines.length;
    ctx.report({
      start: node.range[0],
      end: node.range[1],
      message: `prompt_length is ${declared}, but the model reads ${plural(promptWords, 'word')} before answering (system, context, examples and prompt), which is ${bucket} (short < ${short}, medium ${short} to ${long}, long > ${plural(long, 'word')}).`,
      fixes: fixList(valueFix(pairHome(ctx.pair), node, bucket, `Change to ${bucket}`)),
    });
  },
};
