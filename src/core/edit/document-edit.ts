/**
 * Edits in document offsets: offsets into the whole text of a file, as an editor applies
 * them. A distinct type from the node-offset `TextEdit`s that pair rules report (offsets
 * into `pair.src`), so an edit cannot reach an editor without passing through the one
 * conversion below.
 */
import type { PairModel } from '../parse/model';
import type { Span, TextEdit } from '../types';

declare const inDocument: unique symbol;

/** Replace document[start, end) with `newText`; `snippet`, when set, is the same text as a snippet with tab stops. */
export interface DocumentEdit extends Span {
  readonly newText: string;
  readonly snippet?: string;
  /** Brand: made only by the functions of this module. */
  readonly [inDocument]: true;
}

/** A document-offset edit. */
export function documentEdit(
  start: number,
  end: number,
  newText: string,
  snippet?: string,
): DocumentEdit {
  const e = { start, end, newText } as {
    start: number;
    end: number;
    newText: string;
    snippet?: string;
  };
  if (snippet !== undefined) e.snippet = snippet;
  return e as DocumentEdit;
}

/** A pair's node-offset edits in document offsets: the one place that adds `pair.base`. */
export function pairEdits(pair: PairModel, edits: readonly TextEdit[]): DocumentEdit[] {
  return edits.map((e) => documentEdit(e.start + pair.base, e.end + pair.base, e.newText));
}

/**
 * Edits already in document offsets: the header's edits (made on the document text) and the
 * fixes of linted problems (the linter moves each pair's fixes to document offsets).
 */
export function headerEdits(edits: readonly TextEdit[]): DocumentEdit[] {
  return edits.map((e) => documentEdit(e.start, e.end, e.newText));
}
