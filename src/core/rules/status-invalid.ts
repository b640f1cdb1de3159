import { isScalar } from 'yaml';
import type { LintRule } from '../rule';
import type { PairModel } from '../parse/model';
import type { Span } from '../types';
import { annotationText, pairHead } from './support/node-shape';
import { hasOpenReviewNote } from './review-open';

/** The pair's own scalar value of an annotation, where a problem about it is shown (not one from defaults). */
function placeOf(pair: PairModel, key: string): Span | undefined {
  const v = pair.fields.get(key)?.value;
  return isScalar(v) && v.range ? { start: v.range[0], end: v.range[1] } : undefined;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The status agrees with the QA record: a decision (approved, rejected) names its reviewer;
 * changes_requested has an open note saying what to change; nobody approves their own pair.
 */
export const statusInvalid: LintRule = {
  meta: {
    id: 'status-invalid',
    category: 'qa',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'The status contradicts the QA record (no reviewer, no open note, or approved by its own author).',
  },
  checkPair(ctx) {
    // annotationText, not ctx.annotation(): this runs for every pair, most of them drafts.
    const status = annotationText(ctx, 'status');
    if (status !== 'approved' && status !== 'rejected' && status !== 'changes_requested') return;
    const at = placeOf(ctx.pair, 'status') ?? pairHead(ctx.pair);
    if (status === 'changes_requested') {
      if (!hasOpenReviewNote(ctx.pair)) {
        ctx.report({
          ...at,
          message:
            'The status is changes_requested, but no open review note says what to change; add one (- by: …, note: …, resolved: false).',
        });
      }
      return;
    }
    const reviewer = annotationText(ctx, 'reviewer')?.trim();
    if (!reviewer) {
      ctx.report({
        ...at,
        message: `The status is ${status}, but no reviewer is named; add reviewer: <name> to the pair or to defaults.`,
      });
      return;
    }
    const author = annotationText(ctx, 'author')?.trim();
    if (status === 'approved' && author && sameName(author, reviewer)) {
      ctx.report({
        ...(placeOf(ctx.pair, 'reviewer') ?? at),
        message: `This pair is approved by its own author (${author}); someone else must review it.`,
      });
    }
  },
};
