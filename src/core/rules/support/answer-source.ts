import type { PairContext } from '../../rule';
import { hasInlinePassage } from './inline-passage';

/** The text an answer is to come from, and what to call it in a message. */
export interface AnswerSource {
  text: string;
  name: 'context' | 'passage in the prompt';
}

/**
 * What a grounded answer (closed_qa, extraction, a summary) comes from: the context, else the
 * prompt when it quotes a passage ("Read the passage and answer: ... Question: ...") of at
 * least `minWords` words. The whole prompt counts, the question with it: a word the answer
 * takes from the question is not reported (silence rather than noise).
 */
export function answerSource(ctx: PairContext, minWords: number): AnswerSource | undefined {
  const context = ctx.text('context')?.text;
  if (context?.trim()) return { text: context, name: 'context' };
  const prompt = ctx.text('prompt')?.text;
  if (prompt && hasInlinePassage(prompt, minWords))
    return { text: prompt, name: 'passage in the prompt' };
  return undefined;
}
