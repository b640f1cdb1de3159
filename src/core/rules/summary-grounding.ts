import type { LintRule } from '../rule';
import { annotationValue } from './support/content-fields';
import { hasInlinePassage } from './support/inline-passage';
import { SourceFacts, type FactKind } from './support/source-facts';

const SUMMARY_TASKS = new Set(['summarization']);

/** Words from which a prompt without a context is read as carrying the text to summarise. */
const SOURCE_MIN_WORDS = 20;

const WHAT: Record<FactKind, string> = {
  number: 'number',
  date: 'date',
  name: 'name',
};

/**
 * A summary states only what its source says: each number, date word (a month or weekday) and
 * name (a capitalised word inside a sentence) of the response that the source (the context,
 * else the prompt) does not have is reported. Numbers compare as values ("1,000" is "1000",
 * "three" is "3"); names by token and case-blind ("Sterling's" is "Sterling", "Iraqi" meets
 * "Iraq").
 */
export const summaryGrounding: LintRule = {
  meta: {
    id: 'summary-grounding',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A summary states no name, number or date its source does not have.',
  },
  checkPair(ctx) {
    if (!SUMMARY_TASKS.has(annotationValue(ctx, 'task'))) return;
    const response = ctx.text('response');
    if (!response?.text.trim()) return;
    const context = ctx.text('context')?.text;
    const fromContext = !!context?.trim();
    const source = fromContext ? context! : (ctx.text('prompt')?.text ?? '');
    const language = annotationValue(ctx, 'language').toLowerCase();
    const english = language === '' || language === 'en' || language.startsWith('en-');
    // A prompt is the source only when it quotes one ("Summarise the article: ..."); a prompt
    // that names a subject ("Summarise the French Revolution") leaves the facts to the writer.
    if (!fromContext && !hasInlinePassage(source, SOURCE_MIN_WORDS)) return;
    const missing = new SourceFacts(source).absentFrom(response.text, english);
    const where = fromContext ? 'context' : 'prompt';
    for (const m of missing)
      ctx.report({
        ...ctx.span(response.node, m.start, m.end),
        message: `The summary's ${WHAT[m.kind]} "${m.text}" is not in the ${where}: a summary states only what its source says.`,
      });
  },
};
