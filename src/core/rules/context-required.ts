import type { LintRule } from '../rule';
import { countWords } from '../text/words';
import { anchorSpan, annotationValue } from './support/content-fields';

const NEEDS_CONTEXT = new Set(['closed_qa', 'extraction', 'summarization']);
/** A prompt this long can carry its own passage. */
const INLINE_MIN_WORDS = 100;
// A passage set off inside the prompt: after a line ending in a colon, after a blank line,
// between fences or triple quotes, as `>` quoted lines, or a quotation of 120+ characters.
const INLINE_PASSAGE =
  /:[ \t]*\r?\n[ \t]*\S|\n[ \t]*\r?\n[ \t]*\S|```|"""|^[ \t]*>|["“«„「『][^"”»“」』]{120,}["”»“」』]/m;

/** Whether the prompt carries the passage itself: long, and with the passage set off. */
export function hasInlinePassage(prompt: string): boolean {
  return INLINE_PASSAGE.test(prompt) && countWords(prompt) >= INLINE_MIN_WORDS;
}

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
    if (hasInlinePassage(prompt)) return;
    const own = ctx.pair.fields.has('task') ? '' : ' (from defaults)';
    ctx.report({
      ...anchorSpan(ctx, 'task'),
      message: `A ${task} pair${own} needs the passage it works from: put it under \`context\` (or quote it in a prompt of ${INLINE_MIN_WORDS}+ words).`,
    });
  },
};
