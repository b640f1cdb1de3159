import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { REVIEW_KEYS } from '../annotations';
import { setMapValue } from '../edit/map-edit';
import type { PairModel } from '../parse/model';
import type { LintRule } from '../rule';
import { annotationText, itemHead, rangeOf } from './support/node-shape';

/** A review note is open unless it says `resolved: true` (only the boolean closes one). */
function isOpenNote(n: Node | null): n is YAMLMap {
  if (!isMap(n)) return false;
  const resolved = n.get('resolved', true) as Node | undefined;
  return !(isScalar(resolved) && resolved.value === true);
}

function reviewItems(pair: PairModel): (Node | null)[] | undefined {
  const review = pair.fields.get('review')?.value;
  return isSeq(review) ? (review.items as (Node | null)[]) : undefined;
}

/** Review notes of a pair that are not marked `resolved: true` (only the boolean closes one). */
export function openReviewNotes(pair: PairModel): YAMLMap[] {
  return reviewItems(pair)?.filter(isOpenNote) ?? [];
}

/** Whether a pair has an open review note; stops at the first. */
export function hasOpenReviewNote(pair: PairModel): boolean {
  return reviewItems(pair)?.some(isOpenNote) ?? false;
}

/** An approved pair goes into the training set: every reviewer's note must be dealt with first. */
export const reviewOpen: LintRule = {
  meta: {
    id: 'review-open',
    category: 'qa',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'The pair is approved while a review note is not resolved.',
  },
  checkPair(ctx) {
    if (annotationText(ctx, 'status') !== 'approved') return;
    const { pair } = ctx;
    for (const note of openReviewNotes(pair)) {
      const text = note.get('note', true) as Node | undefined;
      const span = rangeOf(text, pair.src) ?? itemHead(pair.src, note, note.range?.[0] ?? 0);
      const resolved = note.get('resolved', true) as Node | undefined;
      const state = resolved
        ? `resolved: ${isScalar(resolved) ? String(resolved.value) : '…'}`
        : 'no resolved: true';
      const edits = setMapValue(pair.src, note, 'resolved', 'true', REVIEW_KEYS);
      ctx.report({
        ...span,
        message: `This pair is approved, but this review note is still open (${state}); resolve it or change the status.`,
        // Not preferred: whether the note is dealt with is the reviewer's call.
        fixes: edits.length ? [{ title: 'Mark the note resolved', edits }] : undefined,
      });
    }
  },
};
