/**
 * Planning review notes: add a note at the end of a pair's `review` list (made when the pair
 * has none), and mark a note resolved or open again.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { REVIEW_KEYS } from '../annotations';
import type { PairModel } from '../parse/model';
import { pairEdits, type DocumentEdit } from './document-edit';
import { appendItem } from './list-items';
import { setMapValue } from './map-edit';

/** Add a review note (open: `resolved: false`) at the end of the pair's `review` list. */
export function planAddReviewNote(pair: PairModel, by: string, note: string): DocumentEdit[] {
  return pairEdits(
    pair,
    appendItem(pair, 'review', [
      { key: 'by', value: by, as: 'word' },
      { key: 'note', value: note, as: 'text' },
      { key: 'resolved', value: 'false', as: 'raw' },
    ]),
  );
}

/** Mark note `index` of the pair's review list `resolved: true` (or `false`). */
export function planResolveReviewNote(
  pair: PairModel,
  index: number,
  resolved: boolean,
): DocumentEdit[] {
  const review = pair.fields.get('review')?.value;
  if (!isSeq(review)) return [];
  const note = review.items[index];
  if (!isMap(note)) return [];
  return pairEdits(
    pair,
    setMapValue(
      pair.src,
      note as YAMLMap,
      'resolved',
      String(resolved),
      REVIEW_KEYS,
      review.flow === true,
    ),
  );
}
