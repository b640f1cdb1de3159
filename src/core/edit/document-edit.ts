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

/**
 * The same edit without the text it keeps at either end: what changes is sent, not a whole
 * block rewritten around one character (a keystroke that turns `|` into `|-` replaces the
 * indicator and adds the line, it does not rewrite the block, so an editor's undo, its
 * decorations and an incremental re-parse see the edit that was made). Never splits a
 * surrogate pair or a CRLF. An edit with a snippet is left as it is (its tab stops).
 */
export function trimmedEdit(text: string, e: DocumentEdit): DocumentEdit {
  if (e.snippet !== undefined) return e;
  const { start, end, newText } = e;
  const most = Math.min(end - start, newText.length);
  // The end first: text added after a line keeps the line break that ends it on the far side
  // (inside the pair), rather than being added after it.
  let tail = 0;
  while (
    tail < most &&
    text.charCodeAt(end - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  // A cut between the halves of a surrogate pair or a CRLF, in either text, moves out.
  const cutAtTail = (t: number) =>
    joined(text.charCodeAt(end - t - 1), text.charCodeAt(end - t)) ||
    joined(newText.charCodeAt(newText.length - t - 1), newText.charCodeAt(newText.length - t));
  while (tail > 0 && cutAtTail(tail)) tail--;
  let head = 0;
  while (head < most - tail && text.charCodeAt(start + head) === newText.charCodeAt(head)) head++;
  const cutAtHead = (h: number) =>
    joined(text.charCodeAt(start + h - 1), text.charCodeAt(start + h)) ||
    joined(newText.charCodeAt(h - 1), newText.charCodeAt(h));
  while (head > 0 && cutAtHead(head)) head--;
  if (head === 0 && tail === 0) return e;
  return documentEdit(start + head, end - tail, newText.slice(head, newText.length - tail));
}

/** Whether two neighbouring code units belong together: a surrogate pair, or CR LF. */
function joined(a: number, b: number): boolean {
  return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
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
