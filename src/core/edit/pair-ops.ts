/**
 * Planning add, duplicate, remove and move of a pair. Each cuts the text at line starts
 * around the pair's own lines (with the comment lines that lead it, for a move), keeps the
 * file's layout (indentation, line endings, a blank line between pairs when the file has
 * them), and leaves every other byte as it was. A pairs list that is not a block list gets
 * no edit, and a reason.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { PairModel } from '../parse/model';
import { findPair, type SftFileModel } from '../parse/parse';
import { isEmptyValue } from '../rules/support/node-shape';
import { lineStart } from '../text/lines';
import { documentEdit, type DocumentEdit } from './document-edit';
import { textStyles } from './file-style';
import { eolAt, generateId } from './map-edit';
import { writePair, type PairEntry } from './pair-writer';
import {
  afterBlankLines,
  beforeBlankLines,
  blankBetween,
  lineEnd,
  nextLine,
  ownEnd,
  pairStart,
  unitEnd,
  unitStart,
} from './pair-place';
import { yamlScalar } from './scalar-write';

/** Edits, or why there are none. */
export interface EditPlan {
  edits: DocumentEdit[];
  refused?: string;
}

const NOT_A_BLOCK_LIST =
  'The pairs are a flow list `[...]`; pairs are added to, copied in and moved in a block list of `- id: ...` items.';

function refuse(refused: string): EditPlan {
  return { edits: [], refused };
}

type Block = { snippet: string; text: string };

const snippetText = (s: string): string => s.replace(/[\\$}]/g, '\\$&');

/** Prepend the same literal text to both forms. */
function prefixed(prefix: string, block: Block): Block {
  return { snippet: snippetText(prefix) + block.snippet, text: prefix + block.text };
}

/**
 * Insert `block` (ending with a line break) after the line that ends at `at`: at the next
 * line's start, or, when that line is the last and has no line break, by rewriting it, so a
 * snippet always starts on a line with nothing before it (an editor indents a snippet's
 * lines by what is before its start).
 */
function afterLine(text: string, at: number, eol: string, block: Block): DocumentEdit {
  const next = nextLine(text, at);
  if (next > at && text[next - 1] === '\n')
    return documentEdit(next, next, block.text, block.snippet);
  const ls = lineStart(text, at);
  const line = text.slice(ls, at);
  if (!line) return documentEdit(ls, at, block.text, block.snippet);
  return documentEdit(
    ls,
    at,
    `${line}${eol}${block.text}`,
    `${snippetText(line)}${eol}${block.snippet}`,
  );
}

/** Columns from a pair's `-` to its first key when they share a line (`- id:` is 2), else 2. */
function keyOffset(model: SftFileModel, pair: PairModel): number {
  if (!isMap(pair.node) || pair.node.flow) return 2;
  const dash = pairStart(pair) + pair.indent;
  const first = pair.entries[0]?.keyNode.range?.[0];
  const keyStart = first === undefined ? undefined : pair.base + first;
  return keyStart !== undefined &&
    keyStart > dash &&
    lineStart(model.text, keyStart) === lineStart(model.text, dash)
    ? keyStart - dash
    : 2;
}

/** The first pair of a file: under `pairs:` (empty or `[]`), else with the header lines it lacks. */
function firstPair(model: SftFileModel, pair: Block, eol: string): EditPlan {
  const { text, pairsField } = model;
  if (!pairsField) {
    const block = prefixed(model.header.length ? `pairs:${eol}` : `sft: 1${eol}pairs:${eol}`, pair);
    if (!text.trim()) return { edits: [documentEdit(0, text.length, block.text, block.snippet)] };
    return { edits: [afterLine(text, text.length, eol, block)] };
  }
  const keyStart = pairsField.keyNode.range![0];
  const keyEnd = pairsField.keyNode.range![1];
  const value = pairsField.value;
  if (isEmptyValue(value)) return { edits: [afterLine(text, lineEnd(text, keyEnd), eol, pair)] };
  // `pairs: []` at column 0: the list goes on the next lines, whatever followed `[]` stays on the key's line.
  if (
    isSeq(value) &&
    value.flow &&
    !value.items.length &&
    value.range &&
    lineStart(text, keyStart) === keyStart
  ) {
    const colon = text.indexOf(':', keyEnd) + 1;
    const end = lineEnd(text, value.range[1]);
    const body = prefixed(`${text.slice(value.range[1], end)}${eol}`, {
      snippet: pair.snippet.slice(0, -eol.length),
      text: pair.text.slice(0, -eol.length),
    });
    return { edits: [documentEdit(colon, end, body.text, body.snippet)] };
  }
  return refuse(
    '`pairs:` is not a list; make it one (`pairs:` with `- id: ...` items) to add pairs.',
  );
}

/**
 * A new pair after `after` (else the pair holding `offset`, else the last), before the
 * comment lines that lead the next pair. In a file without pairs it writes the missing
 * `sft: 1` and `pairs:` lines too. The edit carries the pair as a snippet as well.
 */
export function planAddPair(
  model: SftFileModel,
  entries: readonly PairEntry[],
  after?: PairModel,
  offset?: number,
): EditPlan {
  const { text, pairs } = model;
  const eol = eolAt(text);
  const texts = textStyles(model);
  if (!pairs.length)
    return firstPair(model, writePair(entries, { indent: 2, keyOffset: 2, eol, texts }), eol);
  if (!model.pairsSeq) return refuse(NOT_A_BLOCK_LIST);
  const last = pairs[pairs.length - 1];
  const anchor = after ?? (offset === undefined ? last : (findPair(pairs, offset) ?? last));
  const pair = writePair(entries, {
    indent: anchor.indent,
    keyOffset: keyOffset(model, anchor),
    eol,
    texts,
  });
  return {
    edits: [
      afterLine(
        text,
        ownEnd(text, anchor),
        eol,
        blankBetween(model, anchor) ? prefixed(eol, pair) : pair,
      ),
    ],
  };
}

/** A copy of a pair right after it, its id replaced by `id` (else the next free id of the file). */
export function planDuplicatePair(model: SftFileModel, pair: PairModel, id?: string): EditPlan {
  const { text } = model;
  if (!model.pairsSeq) return refuse(NOT_A_BLOCK_LIST);
  const start = pairStart(pair);
  const end = unitEnd(text, pair);
  let copy = text.slice(start, end);
  const idNode = pair.fields.get('id')?.value;
  const eol = eolAt(text);
  const newId = () =>
    id ??
    generateId(
      model.pairs.flatMap((p) => (p.id === undefined ? [] : [p.id])),
      pair.id,
    );
  if (isScalar(idNode) && idNode.range) {
    const [a, b] = [pair.base + idNode.range[0] - start, pair.base + idNode.range[1] - start];
    // An empty `id:` has an empty node right after the colon.
    const written =
      a === b && /:$/.test(copy.slice(0, a)) ? ` ${yamlScalar(newId())}` : yamlScalar(newId());
    copy = copy.slice(0, a) + written + copy.slice(b);
  } else if (!pair.fields.has('id')) copy = withFirstId(copy, yamlScalar(newId()), eol);
  const sep = blankBetween(model, pair) ? eol : '';
  if (end === text.length && !/\n$/.test(copy))
    return { edits: [documentEdit(end, end, `${eol}${sep}${copy}`)] };
  return { edits: [documentEdit(end, end, `${sep}${copy}`)] };
}

/**
 * A copied pair's text with `id:` as its first key, for a pair that had none: before the
 * first key of a block map (at that key's column), or first in a flow map. Unchanged when
 * the pair starts with something else (a comment, an empty item).
 */
function withFirstId(copy: string, id: string, eol: string): string {
  const m = /^( *- +)(\{[ \t]*)?(?=[^\s#}])/.exec(copy);
  if (!m) return copy;
  const at = m[0].length;
  if (m[2]) return `${copy.slice(0, at)}id: ${id}, ${copy.slice(at)}`;
  return `${copy.slice(0, at)}id: ${id}${eol}${' '.repeat(at)}${copy.slice(at)}`;
}

/** What removing a pair takes out: its lines with those that lead it, and the blank lines that separated it. */
function removal(model: SftFileModel, pair: PairModel): { start: number; end: number } {
  const { text, pairs } = model;
  const start = unitStart(model, pair);
  const end = unitEnd(text, pair);
  const next = pairs[pair.index + 1];
  if (next) return { start, end: afterBlankLines(text, end, unitStart(model, next)) };
  const prev = pairs[pair.index - 1];
  // The last pair: the blank lines before it go, and its own last line break when the text ends without one.
  const floor = prev ? unitEnd(text, prev) : start;
  const from = beforeBlankLines(text, start, floor);
  if (end === text.length && !/\n$/.test(text) && from > 0 && from === floor && prev) {
    return { start: from - (text.slice(0, from).endsWith('\r\n') ? 2 : 1), end };
  }
  return { start: from, end };
}

/** Remove a pair: its lines, the comment lines that lead it, and one gap between pairs. */
export function planRemovePair(model: SftFileModel, pair: PairModel): EditPlan {
  if (!model.pairsSeq) return refuse(NOT_A_BLOCK_LIST);
  const r = removal(model, pair);
  return { edits: [documentEdit(r.start, r.end, '')] };
}

/** Move a pair (with the comment lines that lead it) to position `to` of the list. */
export function planMovePair(model: SftFileModel, pair: PairModel, to: number): EditPlan {
  const { text, pairs } = model;
  if (!model.pairsSeq) return refuse(NOT_A_BLOCK_LIST);
  const target = pairs[Math.max(0, Math.min(to, pairs.length - 1))];
  if (target === pair) return { edits: [] };
  const eol = eolAt(text);
  const sep = blankBetween(model, pair) || blankBetween(model, target) ? eol : '';
  const from = unitStart(model, pair);
  const end = unitEnd(text, pair);
  let unit = text.slice(from, end);
  if (!/\n$/.test(unit)) unit += eol;
  const r = removal(model, pair);
  if (target.index < pair.index) {
    const at = unitStart(model, target);
    return { edits: [documentEdit(at, at, `${unit}${sep}`), documentEdit(r.start, r.end, '')] };
  }
  const at = unitEnd(text, target);
  if (at === text.length && !/\n$/.test(text))
    return {
      edits: [
        documentEdit(r.start, r.end, ''),
        documentEdit(at, at, `${eol}${sep}${unit.slice(0, -eol.length)}`),
      ],
    };
  return { edits: [documentEdit(r.start, r.end, ''), documentEdit(at, at, `${sep}${unit}`)] };
}
