/**
 * Planning review notes: add a note at the end of a pair's `review` list (made when the pair
 * has none), and mark a note resolved or open again.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { PAIR_KEYS, REVIEW_KEYS } from '../annotations';
import type { PairModel } from '../parse/model';
import { lineStart } from '../text/lines';
import { pairEdits, type DocumentEdit } from './document-edit';
import { eolAt, setMapValue, type ValuePlace } from './map-edit';
import { yamlScalar } from './scalar-write';
import { DEFAULT_TEXT_STYLES, writeNewText } from './text-write';

/** A note as the lines of a block list item, its `-` at `col`. */
function noteItem(by: string, note: string, col: number, eol: string): string {
  const pad = ' '.repeat(col + 2);
  const text = writeNewText(note, DEFAULT_TEXT_STYLES, {
    inFlow: false,
    indent: col + 2,
    col: col + 4,
    eol,
  });
  return `${' '.repeat(col)}- by: ${yamlScalar(by, false)}${eol}${pad}note: ${text}${eol}${pad}resolved: false`;
}

/** A note as a flow map, for a flow `review: [...]` list. */
function noteFlow(by: string, note: string): string {
  return `{by: ${yamlScalar(by)}, note: ${yamlScalar(note)}, resolved: false}`;
}

/** Add a review note (open: `resolved: false`) at the end of the pair's `review` list. */
export function planAddReviewNote(pair: PairModel, by: string, note: string): DocumentEdit[] {
  const map = pair.node;
  if (!isMap(map)) return [];
  const { src } = pair;
  const review = pair.fields.get('review')?.value;
  if (isSeq(review) && review.range) {
    const [r0, r1] = review.range;
    if (review.flow) {
      const close = src.lastIndexOf(']', r1);
      if (close < r0) return [];
      const text = review.items.length ? `, ${noteFlow(by, note)}` : noteFlow(by, note);
      return pairEdits(pair, [{ start: close, end: close, newText: text }]);
    }
    const eol = eolAt(src, r0);
    const col = r0 - lineStart(src, r0);
    // After the list's last line (a block list's range runs to the start of the line after it).
    let end = r1;
    while (end > r0 && /[ \t\r\n]/.test(src[end - 1])) end--;
    const nl = src.indexOf('\n', end);
    const item = noteItem(by, note, col, eol);
    if (nl < 0)
      return pairEdits(pair, [{ start: src.length, end: src.length, newText: `${eol}${item}` }]);
    return pairEdits(pair, [{ start: nl + 1, end: nl + 1, newText: `${item}${eol}` }]);
  }
  const list = (place: ValuePlace): string =>
    place.oneLine
      ? `[${noteFlow(by, note)}]`
      : `${place.eol}${noteItem(by, note, place.keyColumn + 2, place.eol)}`;
  return pairEdits(pair, setMapValue(src, map, 'review', list, PAIR_KEYS));
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
