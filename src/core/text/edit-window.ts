/**
 * Turns VS Code content changes into the one edit `FileLinter.update` needs.
 *
 * Within one change event VS Code lists changes in descending document order, every range
 * in the text before the event (the piece tree sorts operations descending before
 * applying them), so applying them one by one equals applying them all at once. Across
 * the events of one debounce window the edits compose into a single window: the changed
 * region [start, oldEnd) of the last linted text, now [start, newEnd) of the current text.
 * Anything else (overlapping or ascending changes) returns undefined: lint in full.
 */

/**
 * The structural part of `vscode.TextDocumentContentChangeEvent` this needs.
 * @usedBy tests
 */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** Changed region: [start, oldEnd) in the linted text is [start, newEnd) in the current one. */
export interface EditWindow {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Fold one event's changes into the window; undefined when they cannot be composed. */
export function composeChanges(
  window: EditWindow | undefined,
  changes: readonly ContentChange[],
): EditWindow | undefined {
  for (let i = 1; i < changes.length; i++) {
    if (changes[i].rangeOffset + changes[i].rangeLength > changes[i - 1].rangeOffset)
      return undefined;
  }
  let w = window;
  for (const c of changes) {
    const s = c.rangeOffset;
    const e = c.rangeOffset + c.rangeLength;
    if (!w) {
      w = { start: s, oldEnd: e, newEnd: s + c.text.length };
      continue;
    }
    const curEnd = Math.max(w.newEnd, e);
    w = {
      start: Math.min(w.start, s),
      oldEnd: w.oldEnd + (curEnd - w.newEnd),
      newEnd: curEnd + c.text.length - (e - s),
    };
  }
  return w;
}
