/**
 * Where a pair's lines are in the document: the comment lines that lead it, its own lines,
 * and the blank lines between pairs. Adding, duplicating, removing and moving pairs cut the
 * text at these places, so every other pair and comment keeps its bytes.
 */
import { isScalar } from 'yaml';
import type { PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import { lineStart } from '../text/lines';

/** End of the line that holds `at`, before its line break. */
export function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Start of the line after the one that holds `at` (the text's end on the last line). */
export function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Start of the pair's `-` line, document offsets. */
export function pairStart(pair: PairModel): number {
  return pair.base + pair.slice.start;
}

/**
 * End of the last line that is the pair's own: not blank, and not a comment at or left of
 * its `-` (such comments lead the next pair, or close the list). Before its line break.
 */
export function ownEnd(text: string, pair: PairModel): number {
  const start = pairStart(pair);
  let end = pair.base + pair.slice.end;
  while (end > start) {
    const ls = lineStart(text, end - 1);
    const line = text.slice(ls, end).replace(/\r?\n$/, '');
    const body = line.trimStart();
    const own = body !== '' && !(body.startsWith('#') && line.length - body.length <= pair.indent);
    if (own || ls <= start) return ls + line.length;
    end = ls;
  }
  return lineEnd(text, start);
}

/** Whether the pair ends in a `|+` block, whose value takes in the blank lines after it. */
function endsInKeepBlock(pair: PairModel): boolean {
  const last = pair.entries[pair.entries.length - 1]?.value;
  return (
    isScalar(last) &&
    /^[|>][0-9]?\+/.test(pair.src.slice(last.range?.[0] ?? 0, (last.range?.[0] ?? 0) + 3))
  );
}

/**
 * The end of a pair's own lines: the start of the line after them, blank lines that a
 * `|+` block holds included; the text's end when its last line has no line break.
 */
export function unitEnd(text: string, pair: PairModel): number {
  const end = nextLine(text, ownEnd(text, pair));
  if (!endsInKeepBlock(pair)) return end;
  const nodeEnd = pair.base + (pair.node?.range?.[1] ?? 0);
  return Math.max(end, nodeEnd);
}

/** Start of the comment lines that lead a pair (right above its `-`, at or left of it), else of its `-` line. */
export function unitStart(model: SftFileModel, pair: PairModel): number {
  const { text } = model;
  const prev = model.pairs[pair.index - 1];
  const keyEnd = model.pairsField?.keyNode.range?.[1];
  const floor = prev ? unitEnd(text, prev) : keyEnd !== undefined ? nextLine(text, keyEnd) : 0;
  let s = pairStart(pair);
  while (s > floor) {
    const ls = lineStart(text, s - 1);
    const line = text.slice(ls, s).replace(/\r?\n$/, '');
    const body = line.trimStart();
    if (!body.startsWith('#') || line.length - body.length > pair.indent) break;
    s = ls;
  }
  return s;
}

/** Whether the lines between two offsets hold a blank line. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to));
}

/** Whether the file puts a blank line between pairs: in the gap after `pair`, else before it. */
export function blankBetween(model: SftFileModel, pair: PairModel): boolean {
  const { text, pairs } = model;
  const end = ownEnd(text, pair);
  const next = pairs[pair.index + 1];
  const prev = pairs[pair.index - 1];
  if (endsInKeepBlock(pair)) return false;
  if (next) return hasBlankLine(text, end, pairStart(next) + 1);
  return prev && !endsInKeepBlock(prev)
    ? hasBlankLine(text, ownEnd(text, prev), pairStart(pair) + 1)
    : false;
}

/** The end of the blank lines from `at` (a line start) on, no further than `limit`. */
export function afterBlankLines(text: string, at: number, limit: number): number {
  let e = at;
  while (e < limit) {
    const n = nextLine(text, e);
    if (text.slice(e, n).trim() !== '') break;
    e = n;
  }
  return Math.min(e, limit);
}

/** The start of the blank lines that end just before `at` (a line start), no further back than `limit`. */
export function beforeBlankLines(text: string, at: number, limit: number): number {
  let s = at;
  while (s > limit) {
    const ls = lineStart(text, s - 1);
    if (text.slice(ls, s).trim() !== '') break;
    s = ls;
  }
  return Math.max(s, limit);
}
