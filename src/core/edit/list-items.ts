/**
 * Items of a pair's list of maps (`examples`, `review`): append one at the end of the list
 * (the list made when the pair has none), and remove one with its lines. A block list gets
 * block items at its own `-` column, a flow list flow maps; nothing else of the list moves.
 */
import { isMap, isSeq, type Node, type YAMLSeq } from 'yaml';
import { PAIR_KEYS } from '../annotations';
import type { PairModel } from '../parse/model';
import { lineStart } from '../text/lines';
import type { TextEdit } from '../types';
import { eolAt, removeField, setMapValue, type ValuePlace } from './map-edit';
import { yamlScalar } from './scalar-write';
import { DEFAULT_TEXT_STYLES, writeNewText } from './text-write';

/** One entry of a new item: a text (a block when it has several lines), a word, or YAML source as it is. */
export interface ItemEntry {
  key: string;
  value: string;
  as: 'text' | 'word' | 'raw';
}

/** An item as the lines of a block list item, its `-` at `col`. */
function blockItem(entries: readonly ItemEntry[], col: number, eol: string): string {
  const pad = ' '.repeat(col + 2);
  return entries
    .map((e, i) => {
      const value =
        e.as === 'raw'
          ? e.value
          : e.as === 'word'
            ? yamlScalar(e.value, false)
            : writeNewText(e.value, DEFAULT_TEXT_STYLES, {
                inFlow: false,
                indent: col + 2,
                col: col + 4,
                eol,
              });
      return `${i === 0 ? `${' '.repeat(col)}- ` : pad}${yamlScalar(e.key)}: ${value}`;
    })
    .join(eol);
}

/** An item as a flow map, for a flow `[...]` list. */
function flowItem(entries: readonly ItemEntry[]): string {
  const body = entries.map(
    (e) => `${yamlScalar(e.key)}: ${e.as === 'raw' ? e.value : yamlScalar(e.value)}`,
  );
  return `{${body.join(', ')}}`;
}

/** Append an item to the pair's list `key` (made, in the key order, when there is none). Node offsets. */
export function appendItem(
  pair: PairModel,
  key: string,
  entries: readonly ItemEntry[],
): TextEdit[] {
  const map = pair.node;
  if (!isMap(map)) return [];
  const { src } = pair;
  const list = pair.fields.get(key)?.value;
  if (isSeq(list) && list.range) {
    const [r0, r1] = list.range;
    if (list.flow) {
      const close = src.lastIndexOf(']', r1);
      if (close < r0) return [];
      const text = list.items.length ? `, ${flowItem(entries)}` : flowItem(entries);
      return [{ start: close, end: close, newText: text }];
    }
    const eol = eolAt(src, r0);
    const col = r0 - lineStart(src, r0);
    // After the list's last line (a block list's range runs to the start of the line after it).
    let end = r1;
    while (end > r0 && /[ \t\r\n]/.test(src[end - 1])) end--;
    const nl = src.indexOf('\n', end);
    const item = blockItem(entries, col, eol);
    if (nl < 0) return [{ start: src.length, end: src.length, newText: `${eol}${item}` }];
    return [{ start: nl + 1, end: nl + 1, newText: `${item}${eol}` }];
  }
  const value = (place: ValuePlace): string =>
    place.oneLine
      ? `[${flowItem(entries)}]`
      : `${place.eol}${blockItem(entries, place.keyColumn + 2, place.eol)}`;
  return setMapValue(src, map, key, value, PAIR_KEYS);
}

/** The `-` that opens block item `node`, if the line up to it holds only spaces. */
function dashOf(src: string, node: Node): number | undefined {
  const start = node.range?.[0];
  if (start === undefined) return undefined;
  const dash = src.lastIndexOf('-', start);
  if (dash < 0 || !/^[ \t]*$/.test(src.slice(lineStart(src, dash), dash))) return undefined;
  return /^-[ \t\r\n]*$/.test(src.slice(dash, start)) ? dash : undefined;
}

/** Where an item's text ends: its last non-blank character. */
function itemEnd(src: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[ \t\r\n]/.test(src[end - 1])) end--;
  return end;
}

/**
 * Remove item `index` of the pair's list `key`: a block item's lines, a flow item and a
 * comma. The list's only item takes the key with it (an empty `key:` would read as null).
 * Node offsets; none when the list or the item is not there.
 */
export function removeItem(pair: PairModel, key: string, index: number): TextEdit[] {
  const { src } = pair;
  const list = pair.fields.get(key)?.value as YAMLSeq<Node> | undefined;
  if (!isSeq(list) || !list.range) return [];
  const items = list.items as Node[];
  const item = items[index];
  if (!item?.range) return [];
  if (items.length === 1) return removeField(pair, key);
  if (list.flow) {
    const next = items[index + 1];
    if (next?.range) return [{ start: item.range[0], end: next.range[0], newText: '' }];
    const prev = items[index - 1];
    if (!prev?.range) return [];
    return [{ start: itemEnd(src, prev.range[0], prev.range[1]), end: item.range[1], newText: '' }];
  }
  const dash = dashOf(src, item);
  if (dash === undefined) return [];
  // From the line of its `-` to the end of its last line: the lines around it (a comment that
  // leads the next item, a blank line) stay.
  const end = itemEnd(src, item.range[0], item.range[1]);
  const nl = src.indexOf('\n', end);
  return [{ start: lineStart(src, dash), end: nl < 0 ? src.length : nl + 1, newText: '' }];
}
