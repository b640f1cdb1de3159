/**
 * A parsed file's line starts, made once per model and carried through incremental
 * re-parses: after an edit inside one pair the starts before it stay, its own are found
 * again and the later ones move, so a 17 MB document is not scanned for line breaks on
 * every keystroke (the workspace index places each pair's id by line and column).
 */
import { editedLineStarts, LineIndex, lineStarts } from '../text/lines';
import type { SftFileModel } from './parse';

// Kept beside the model rather than in it: a model is compared and copied field by field.
const STARTS = new WeakMap<SftFileModel, Uint32Array>();

/** The line index of the model's text. */
export function modelLines(model: SftFileModel): LineIndex {
  let starts = STARTS.get(model);
  if (!starts) {
    starts = lineStarts(model.text);
    STARTS.set(model, starts);
  }
  return new LineIndex(starts, model.text.length);
}

/**
 * Give `next` the line starts of `prev` (when it has them) after [from, oldEnd) of its text
 * became [from, newEnd) of `next.text`.
 */
export function carryLines(
  prev: SftFileModel,
  next: SftFileModel,
  from: number,
  oldEnd: number,
  newEnd: number,
): void {
  const starts = STARTS.get(prev);
  if (starts) STARTS.set(next, editedLineStarts(starts, next.text, from, oldEnd, newEnd));
}
