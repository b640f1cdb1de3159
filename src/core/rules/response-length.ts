import type { LintRule } from '../rule';
import { responseWords } from '../counts';
import { tokensOver } from '../text/tokens';
import { plural } from '../plural';

/** The limit for a response type: its own value, else the `*` value. */
function limitFor(
  limits: Record<string, number>,
  type: string | undefined,
): { limit: number; key: string } | undefined {
  if (type !== undefined && limits[type] !== undefined) return { limit: limits[type], key: type };
  return limits['*'] !== undefined ? { limit: limits['*'], key: '*' } : undefined;
}

/**
 * The guidelines bound a response's length (`response.min_words`, `max_words`, per
 * response type or for all, and `max_tokens`): a too-short descriptive answer or an answer
 * longer than the training context both make poor demonstrations.
 */
export const responseLength: LintRule = {
  meta: {
    id: 'response-length',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The response is shorter or longer than the guidelines allow (words or tokens).',
  },
  checkPair(ctx) {
    const r = ctx.guidelines.response;
    const min = Object.keys(r.minWords).length ? r.minWords : undefined;
    const max = Object.keys(r.maxWords).length ? r.maxWords : undefined;
    if (!min && !max && r.maxTokens === undefined) return;
    const field = ctx.pair.fields.get('response');
    if (!field) return; // a missing response is the schema's and empty-field's problem
    const t = ctx.text('response');
    const text = t?.text ?? '';
    const node = field.value?.range && t ? field.value : undefined;
    // The value when there is one; an empty response has only its key to point at.
    const span =
      node && text
        ? { start: node.range![0], end: node.range![1] }
        : { start: field.keyNode.range![0], end: field.keyNode.range![1] };
    const type = ctx.annotation('response_type').text;
    const label = type ? `${type} responses` : 'responses';
    const words = responseWords(ctx.pair);
    const lo = min && limitFor(min, type);
    const hi = max && limitFor(max, type);
    if (lo && words < lo.limit) {
      ctx.report({
        ...span,
        message: `The response has ${plural(words, 'word')}; ${label} need at least ${lo.limit} (guidelines response.min_words${lo.key === '*' ? '' : `.${lo.key}`}).`,
      });
    } else if (hi && words > hi.limit) {
      ctx.report({
        ...span,
        message: `The response has ${plural(words, 'word')}; ${label} may have at most ${hi.limit} (guidelines response.max_words${hi.key === '*' ? '' : `.${hi.key}`}).`,
      });
    }
    if (r.maxTokens !== undefined && text) {
      const tokens = tokensOver(ctx.services.tokens, text, r.maxTokens, r.tokenizer);
      if (tokens !== undefined)
        ctx.report({
          ...span,
          message: `The response has ${plural(tokens, 'token')} (${r.tokenizer}); the limit is ${r.maxTokens} (guidelines response.max_tokens).`,
        });
    }
  },
};
