import { isMap, isSeq, type Node } from 'yaml';
import type { LintRule } from '../rule';
import { scalarText } from '../parse/model';
import { anchorSpan, annotationValue } from './support/content-fields';

// Labelled lines of examples written into the prompt: "Input:" / "Output:", "Q:" / "A:".
const INPUT_LINE = /^[ \t]*(?:input|q|question)[ \t]*[:：]/gim;
const OUTPUT_LINE = /^[ \t]*(?:output|a|answer)[ \t]*[:：]/gim;

function countMatches(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) && n < 2) n++;
  re.lastIndex = 0;
  return n;
}

/** Whether the prompt has at least two labelled input/output pairs (a worked example, then the task). */
export function hasInlineExamples(prompt: string): boolean {
  return countMatches(INPUT_LINE, prompt) >= 2 && countMatches(OUTPUT_LINE, prompt) >= 2;
}

/** Number of examples with a non-blank input and output. */
function completeExamples(node: Node | null | undefined): number {
  if (!isSeq(node)) return 0;
  let n = 0;
  for (const ex of node.items as (Node | null)[]) {
    if (!isMap(ex)) continue;
    const input = scalarText(ex.get('input', true) as Node | undefined);
    const output = scalarText(ex.get('output', true) as Node | undefined);
    if (input?.trim() && output?.trim()) n++;
  }
  return n;
}

/** An in_context prompt shows worked examples before the task. */
export const examplesRequired: LintRule = {
  meta: {
    id: 'examples-required',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'An in_context pair gives at least one worked example.',
  },
  checkPair(ctx) {
    if (annotationValue(ctx, 'prompt_type') !== 'in_context') return;
    const examples = ctx.pair.fields.get('examples');
    if (completeExamples(examples?.value) > 0) return;
    if (hasInlineExamples(ctx.text('prompt')?.text ?? '')) return;
    if (examples) {
      ctx.report({
        start: examples.keyNode.range![0],
        end: examples.keyNode.range![1],
        message:
          'An in_context pair needs at least one example with both an `input` and an `output`.',
      });
      return;
    }
    ctx.report({
      ...anchorSpan(ctx, 'prompt_type'),
      message:
        'An in_context pair needs worked examples: add `examples` (each an `input` and an `output`), or write at least two "Input:"/"Output:" (or "Q:"/"A:") pairs into the prompt.',
    });
  },
};
