import { isScalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import type { Span } from '../types';
import { pairHead } from './node-shape';
import { openReviewNotes } from './review-open';

/** The own value node of an annotation, else the pair's first line (the value is in defaults). */
function placeOf(ctx: PairContext, key: string): Span | undefined {
  const a = ctx.annotation(key);
  const v = a.fromDefaults ? undefined : a.field?.value;
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
    id: 'status-invalid', category: 'qa', scope: 'pair', defaultSeverity: 'warning', fixable: false,
    description: 'The status contradicts the QA record (no reviewer, no open note, or approved by its own author).',
  },
  checkPair(ctx) {
    const status = ctx.annotation('status').text;
    if (status !== 'approved' && status !== 'rejected' && status !== 'changes_requested') return;
    const at = placeOf(ctx, 'status') ?? pairHead(ctx.pair);
    const reviewer = ctx.annotation('reviewer').text?.trim();
    if (status === 'changes_requested') {
      if (!openReviewNotes(ctx.pair).length) {
        ctx.report({ ...at, message: 'The status is changes_requested, but no open review note says what to change; add one (- by: …, note: …, resolved: false).' });
      }
      return;
    }
    if (!reviewer) {
      ctx.report({ ...at, message: `The status is ${status}, but no reviewer is named; add reviewer: <name> to the pair or to defaults.` });
      return;
    }
    const author = ctx.annotation('author').text?.trim();
    if (status === 'approved' && author && sameName(author, reviewer)) {
      ctx.report({ ...(placeOf(ctx, 'reviewer') ?? at), message: `This pair is approved by its own author (${author}); someone else must review it.` });
    }
  },
};
