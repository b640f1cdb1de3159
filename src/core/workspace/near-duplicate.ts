/**
 * near-duplicate: a prompt nearly the same as another pair's (estimated Jaccard similarity
 * of 3-word shingles at or above the threshold, 0.85 by default) adds little to a training
 * set and skews its mix. Candidates come from LSH buckets, never from comparing all pairs.
 */
import { severityOf, type Guidelines } from '../guidelines';
import type { Problem } from '../types';
import { answerSimilarity, PASSAGE_QUESTION_TASKS } from './answer-sketch';
import type { IndexedPair } from './types';
import { MAX_NEAR_CANDIDATES } from './lsh';
import { NEAR_DUPLICATE_META } from './rule-metas';
import { compareQuestions } from './question-sketch';
import { MAX_RELATED, nameOf, placeOf, type WorkspaceRuleContext } from './rule-context';

/** The default similarity threshold. */
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.85;

/** The threshold from `rules: { near-duplicate: { threshold } }`, when it is a usable number. */
export function nearDuplicateThreshold(g: Guidelines): number {
  const t = g.rules.get(NEAR_DUPLICATE_META.id)?.options.threshold;
  return typeof t === 'number' && t > 0 && t <= 1 ? t : DEFAULT_NEAR_DUPLICATE_THRESHOLD;
}

/** Answers at least this alike (word Jaccard) make two similar prompts the same request. */
const SAME_ANSWER = 0.5;

/**
 * Whether two pairs with nearly the same prompt are the same request. Reading comprehension
 * (closed_qa, extraction) quotes one passage for many questions: there the prompts are alike
 * because of the passage, and the question decides. The same question twice is one request
 * whatever the answers (two answers to one question are a duplicate or a contradiction); a
 * question that adds no word to the other's (a word more, the same words reordered) is one
 * when the answers are alike too; questions that each ask something the other does not are
 * different requests, even when a short answer (a name) happens to be the same. Without a
 * question to read, the answers decide. Elsewhere the prompt decides: the same article
 * submitted twice for summarization, or the same question answered in other words, is still
 * a duplicate.
 */
function sameRequest(a: IndexedPair, b: IndexedPair): boolean {
  if (!PASSAGE_QUESTION_TASKS.has(a.task ?? '') || !PASSAGE_QUESTION_TASKS.has(b.task ?? ''))
    return true;
  const questions = a.question && b.question ? compareQuestions(a.question, b.question) : undefined;
  if (questions === 'same') return true;
  if (questions === 'different') return false;
  if (!a.answer || !b.answer) return true;
  return answerSimilarity(a.answer, b.answer) >= SAME_ANSWER;
}

/** near-duplicate problems of one file, at each prompt, document offsets. */
export function nearDuplicateProblems(ctx: WorkspaceRuleContext): Problem[] {
  const severity = severityOf(
    ctx.guidelines,
    NEAR_DUPLICATE_META.id,
    NEAR_DUPLICATE_META.defaultSeverity,
  );
  if (severity === 'off') return [];
  const threshold = nearDuplicateThreshold(ctx.guidelines);
  const out: Problem[] = [];
  for (const pair of ctx.pairs) {
    if (!pair.signature || pair.silenced?.includes(NEAR_DUPLICATE_META.id)) continue;
    const near = ctx.view.nearMatches(pair, threshold);
    const matches = near.matches.filter((m) => sameRequest(pair, m.pair));
    const capped = near.capped;
    if (!matches.length) continue;
    const best = matches[0];
    const more = capped
      ? ` (and at least ${matches.length - 1} more: a prompt is compared with ${MAX_NEAR_CANDIDATES} others at most)`
      : matches.length > 1
        ? ` (and ${matches.length - 1} more)`
        : '';
    const span = pair.promptSpan ?? pair.idSpan;
    const problem: Problem = {
      rule: NEAR_DUPLICATE_META.id,
      severity,
      start: span.start,
      end: span.end,
      message: `Prompt is nearly the same as ${nameOf(best.pair)}'s at ${placeOf(best.pair, ctx.displayName)} (${Math.round(best.similarity * 100)}% similar)${more}; vary it or drop one.`,
      // The related place is the other pair's id: its line/column is known without its text.
      related: matches.slice(0, MAX_RELATED).map((m) => ({
        file: m.pair.file,
        start: m.pair.idSpan.start,
        end: m.pair.idSpan.end,
        line: m.pair.line,
        character: m.pair.character,
        message: `Similar prompt (${Math.round(m.similarity * 100)}%) in ${nameOf(m.pair)}`,
      })),
    };
    if (pair.id !== undefined) problem.pairId = pair.id;
    out.push(problem);
  }
  return out;
}
