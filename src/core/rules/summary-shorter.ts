import type { LintRule } from '../rule';
import { responseWords } from '../counts';
import { countWords } from '../text/words';
import { annotationValue, trimmedSpan } from './support/content-fields';
import { plural } from '../plural';

/** A summary is shorter than what it summarises: the context, else the prompt. */
export const summaryShorter: LintRule = {
  meta: {
    id: 'summary-shorter',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A summarization response is shorter than its source.',
  },
  checkPair(ctx) {
    if (annotationValue(ctx, 'task') !== 'summarization') return;
    const response = ctx.text('response');
    if (!response || !response.text.trim()) return;
    const context = ctx.text('context');
    const fromContext = !!context?.text.trim();
    const source = fromContext ? context!.text : (ctx.text('prompt')?.text ?? '');
    // A source longer than the response is all this needs to know: its words are counted
    // only as far as the response's count.
    const words = responseWords(ctx.pair);
    const sourceWords = countWords(source, words);
    if (!sourceWords || words < sourceWords) return;
    ctx.report({
      ...trimmedSpan(ctx, response.node, response.text),
      message: `A summary is shorter than its source: the response has ${plural(words, 'word')}, the ${fromContext ? 'context' : 'prompt'} ${sourceWords}.`,
    });
  },
};
