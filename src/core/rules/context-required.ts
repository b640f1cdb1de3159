import type { LintRule } from '../rule';
import { anchorSpan, annotationValue } from './support/content-fields';
import { hasInlinePassage } from './support/inline-passage';

const NEEDS_CONTEXT = new Set(['closed_qa', 'extraction', 'summarization']);
/**
 * A prompt this long, with a passage set off in it, carries its own passage: a one-sentence
 * news item before "TL;DR:" (gigaword's "malaysia 's financial markets are closed on monday
 * for a public holiday .") or a three-sentence story before a question is a passage too.
 */
const INLINE_MIN_WORDS = 10;

/** closed_qa, extraction and summarization answer from a passage: the pair must give it. */
export const contextRequired: LintRule = {
  meta: {
    id: 'context-required',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A closed_qa, extraction or summarization pair gives the passage it works from.',
  },
  checkPair(ctx) {
    const task = annotationValue(ctx, 'task');
    if (!NEEDS_CONTEXT.has(task)) return;
    if (ctx.text('context')?.text.trim()) return;
    const prompt = ctx.text('prompt')?.text ?? '';
    if (hasInlinePassage(prompt, INLINE_MIN_WORDS)) return;
    const own = ctx.pair.fields.has('task') ? '' : ' (from defaults)';
    ctx.report({
      ...anchorSpan(ctx, 'task'),
      message: `A ${task} pair${own} needs the passage it works from: put it under \`context\` (or quote it in a prompt of ${INLINE_MIN_WORDS}+ words).`,
    });
  },
};
