/**
 * Minimal text edits over the parsed model: set or remove a pair's field, set a list,
 * add a comment line, and new ids. Quick fixes, the annotation pickers and the custom
 * editor all go through here, so every change to a file is the smallest edit that does
 * it and leaves every other byte (comments, quoting, blank lines, line endings) alone.
 *
 * Offsets: functions that take a `PairModel` return edits in the pair's node offsets
 * (into `pair.src`), which is what pair rules report; `toDocument` adds `pair.base` for
 * the editor. Functions that take an `SftFileModel` return document offsets. A function
 * that cannot edit safely (say, a pair that is not a map) returns no edits, never throws.
 */
import {
  isMap,
  isScalar,
  isSeq,
  Scalar,
  type Node,
  type Pair as YamlPair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { DEFAULT_KEYS, PAIR_KEYS } from '../annotations';
import type { PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import type { TextEdit } from '../types';
import { lineStart } from '../text/lines';
import { shiftEdit } from './apply';
import { yamlFlowList, yamlScalar } from './scalar-write';

type Entry = YamlPair<Node | null, Node | null>;

export { yamlFlowList } from './scalar-write';

/** The line ending used around `at`: CRLF when the next line break is `\r\n`, else LF. */
export function eolAt(src: string, at = 0): '\n' | '\r\n' {
  let nl = src.indexOf('\n', at);
  if (nl < 0) nl = src.lastIndexOf('\n', at);
  return nl > 0 && src[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Where a new line goes after the node ending at `end`: the start of the next line, or the end of the text. */
function afterLine(src: string, end: number): { at: number; atEof: boolean } {
  if (end > 0 && src[end - 1] === '\n') return { at: end, atEof: false };
  const nl = src.indexOf('\n', end);
  return nl < 0 ? { at: src.length, atEof: true } : { at: nl + 1, atEof: false };
}

/** End of a value without the line breaks and blank lines a block scalar or block collection owns. */
function trimmedEnd(src: string, start: number, end: number): number {
  let e = end;
  while (
    e > start &&
    (src[e - 1] === '\n' || src[e - 1] === '\r' || src[e - 1] === ' ' || src[e - 1] === '\t')
  )
    e--;
  return e;
}

function keyRange(e: Entry): [number, number] | undefined {
  const r = isScalar(e.key) ? e.key.range : undefined;
  return r ? [r[0], r[1]] : undefined;
}

function keyText(e: Entry): string | undefined {
  return isScalar(e.key) ? String(e.key.value) : undefined;
}

function valueEnd(e: Entry): number {
  return e.value?.range?.[1] ?? keyRange(e)?.[1] ?? 0;
}

/** Offset just after the `:` that follows a block key (the key's end when there is none). */
function afterColon(src: string, keyEnd: number): number {
  let i = keyEnd;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  return src[i] === ':' ? i + 1 : keyEnd;
}

function column(src: string, at: number): number {
  return at - lineStart(src, at);
}

/** Where a new value goes: the column of its key, the line ending, and whether it must fit on the key's line. */
export interface ValuePlace {
  keyColumn: number;
  eol: '\n' | '\r\n';
  /** In a flow collection, or before a comment on the key's line: no block value. */
  oneLine: boolean;
}

/** A value's YAML source, or how to write it for where it goes (a block's lines depend on its key's column). */
export type ValueSource = string | ((place: ValuePlace) => string);

function sourceAt(value: ValueSource, place: ValuePlace): string {
  return typeof value === 'string' ? value : value(place);
}

/** `key:` and a value: on the key's line, or (a block list or map) from the next line. */
function keyLine(key: string, text: string): string {
  return /^\r?\n/.test(text) ? `${yamlScalar(key)}:${text}` : `${yamlScalar(key)}: ${text}`;
}

/** Replace an entry's value with YAML source, whatever the old value's style. */
function replaceValue(src: string, entry: Entry, value: ValueSource, inFlow: boolean): TextEdit[] {
  const kr = keyRange(entry);
  if (!kr) return [];
  const v = entry.value;
  const colon = afterColon(src, kr[1]);
  const r = v?.range;
  const empty = !v || !r || (isScalar(v) && v.value === null && r[0] === r[1]);
  const place = { keyColumn: column(src, kr[0]), eol: eolAt(src, kr[0]), oneLine: inFlow };
  if (empty) {
    // `key:` or `key:   # note`: write the value after the colon, keep the comment.
    let k = colon;
    while (k < src.length && (src[k] === ' ' || src[k] === '\t')) k++;
    const comment = src[k] === '#';
    const text = sourceAt(value, { ...place, oneLine: inFlow || comment });
    return [
      {
        start: colon,
        end: k,
        newText: comment ? ` ${text} ` : /^\r?\n/.test(text) ? text : ` ${text}`,
      },
    ];
  }
  const text = sourceAt(value, place);
  const block =
    (isScalar(v) && (v.type === Scalar.BLOCK_LITERAL || v.type === Scalar.BLOCK_FOLDED)) ||
    ((isMap(v) || isSeq(v)) && !v.flow);
  const end = block ? trimmedEnd(src, r[0], r[1]) : r[1];
  if (src.slice(r[0], end) === text) return [];
  // A block collection starts on the next line: replace from the colon so the value sits on the key's line.
  const start = (isMap(v) || isSeq(v)) && !v.flow ? colon : r[0];
  return [{ start, end, newText: start === colon && !/^\r?\n/.test(text) ? ` ${text}` : text }];
}

/** The entry after which a new key goes: the last one that comes before it in `order`. */
function predecessor(
  items: readonly Entry[],
  key: string,
  order: readonly string[],
): Entry | undefined {
  const rank = order.indexOf(key);
  if (rank < 0) return items[items.length - 1];
  let best: Entry | undefined;
  let bestRank = -1;
  for (const it of items) {
    const k = keyText(it);
    const r = k === undefined ? -1 : order.indexOf(k);
    if (r >= 0 && r < rank && r >= bestRank) {
      best = it;
      bestRank = r;
    }
  }
  // undefined: nothing comes before it, so it goes first.
  return best;
}

function insertEntry(
  src: string,
  map: YAMLMap,
  key: string,
  value: ValueSource,
  order: readonly string[],
): TextEdit[] {
  const items = map.items as Entry[];
  if (map.flow) {
    const line = keyLine(
      key,
      sourceAt(value, { keyColumn: 0, eol: eolAt(src, map.range?.[0] ?? 0), oneLine: true }),
    );
    if (!items.length) {
      const open = map.range?.[0];
      return open !== undefined && src[open] === '{'
        ? [{ start: open + 1, end: open + 1, newText: line }]
        : [];
    }
    const after = predecessor(items, key, order);
    if (after) {
      const at = valueEnd(after);
      return [{ start: at, end: at, newText: `, ${line}` }];
    }
    const first = keyRange(items[0]);
    return first ? [{ start: first[0], end: first[0], newText: `${line}, ` }] : [];
  }
  const firstKey = items.length ? keyRange(items[0]) : undefined;
  if (!firstKey) return [];
  const indent = ' '.repeat(column(src, firstKey[0]));
  const eol = eolAt(src, firstKey[0]);
  const line = keyLine(key, sourceAt(value, { keyColumn: indent.length, eol, oneLine: false }));
  const after = predecessor(items, key, order);
  if (!after) return [{ start: firstKey[0], end: firstKey[0], newText: `${line}${eol}${indent}` }];
  const { at, atEof } = afterLine(src, valueEnd(after));
  if (atEof) return [{ start: at, end: at, newText: `${eol}${indent}${line}` }];
  return [{ start: at, end: at, newText: `${indent}${line}${eol}` }];
}

function firstEntry(map: YAMLMap, key: string): Entry | undefined {
  return (map.items as Entry[]).find((e) => keyText(e) === key);
}

/**
 * Set `key` in a map to `value` (YAML source, e.g. from `yamlScalar`, or a function that
 * writes it for its place): replace the value when the key is there (the first one, which
 * is the one that applies), else insert `key: value` after the last key that comes before it
 * in `order`. Offsets into `src`. `inFlow`: the map is inside a flow collection.
 */
export function setMapValue(
  src: string,
  map: YAMLMap,
  key: string,
  value: ValueSource,
  order: readonly string[] = [],
  inFlow = map.flow === true,
): TextEdit[] {
  const entry = firstEntry(map, key);
  return entry
    ? replaceValue(src, entry, value, inFlow || map.flow === true)
    : insertEntry(src, map, key, value, order);
}

/** Remove one entry of a map: its whole line(s) in a block map, the item and a comma in a flow map. */
export function removeMapEntry(src: string, map: YAMLMap, entry: Entry): TextEdit[] {
  const items = map.items as Entry[];
  const i = items.indexOf(entry);
  const kr = keyRange(entry);
  if (i < 0 || !kr) return [];
  const next = items[i + 1] ? keyRange(items[i + 1]) : undefined;
  if (map.flow) {
    if (next) return [{ start: kr[0], end: next[0], newText: '' }];
    if (i > 0) return [{ start: valueEnd(items[i - 1]), end: valueEnd(entry), newText: '' }];
    return [{ start: kr[0], end: valueEnd(entry), newText: '' }];
  }
  const ls = lineStart(src, kr[0]);
  if (/^[ \t]*$/.test(src.slice(ls, kr[0]))) {
    const { at } = afterLine(src, valueEnd(entry));
    return [{ start: ls, end: at, newText: '' }];
  }
  // The key shares its line with the `- ` of a list item: keep the dash, pull the next key up.
  if (next) return [{ start: kr[0], end: next[0], newText: '' }];
  const v = entry.value;
  const end = v?.range ? trimmedEnd(src, v.range[0], v.range[1]) : kr[1];
  return [{ start: kr[0], end: Math.max(end, afterColon(src, kr[1])), newText: '{}' }];
}

function pairMap(pair: PairModel): YAMLMap | undefined {
  return isMap(pair.node) ? pair.node : undefined;
}

/** Set a scalar annotation (or any scalar field) of a pair; node offsets. */
export function setAnnotation(pair: PairModel, key: string, value: string): TextEdit[] {
  const map = pairMap(pair);
  return map ? setMapValue(pair.src, map, key, yamlScalar(value), PAIR_KEYS) : [];
}

/** Items written as a block list under an existing block sequence, keeping its indentation. */
function replaceBlockList(src: string, seq: YAMLSeq, values: readonly string[]): TextEdit[] {
  const r = seq.range;
  if (!r) return [];
  const indent = ' '.repeat(column(src, r[0]));
  const eol = eolAt(src, r[0]);
  const text = values.map((v) => `- ${yamlScalar(v)}`).join(`${eol}${indent}`);
  const end = trimmedEnd(src, r[0], r[1]);
  return src.slice(r[0], end) === text ? [] : [{ start: r[0], end, newText: text }];
}

/**
 * Set a list field (traits, tags, labels) of a pair. A block list stays a block list;
 * anything else becomes a flow list `[a, b]`. Node offsets.
 */
export function setList(pair: PairModel, key: string, values: readonly string[]): TextEdit[] {
  const map = pairMap(pair);
  if (!map) return [];
  const entry = firstEntry(map, key);
  if (entry && isSeq(entry.value) && !entry.value.flow && values.length)
    return replaceBlockList(pair.src, entry.value, values);
  return setMapValue(pair.src, map, key, yamlFlowList(values), PAIR_KEYS);
}

/** Remove every entry of `key` (repeats included) from a map; offsets into `src`. */
export function removeKey(src: string, map: YAMLMap, key: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of map.items as Entry[]) {
    if (keyText(e) !== key) continue;
    for (const edit of removeMapEntry(src, map, e)) {
      // Flow-map removals of neighbours can touch; merge so the edits never overlap.
      const last = out[out.length - 1];
      if (last && edit.start <= last.end && !edit.newText && !last.newText)
        last.end = Math.max(last.end, edit.end);
      else out.push(edit);
    }
  }
  return out;
}

/** Remove a field (every entry with that key, repeats included) from a pair; node offsets. */
export function removeField(pair: PairModel, key: string): TextEdit[] {
  const map = pairMap(pair);
  return map ? removeKey(pair.src, map, key) : [];
}

/**
 * Insert a comment line into a pair: after the `- id:` entry (without an id, after the
 * entry on the `-` line, so never inside a value that continues below it), at the pair's
 * key indentation. Node offsets; none for a pair inside a flow `pairs: [...]` list, where a
 * comment line has no place of its own.
 * @usedBy tests
 */
export function insertComment(pair: PairModel, comment: string): TextEdit[] {
  const { src } = pair;
  const dash = pair.slice.start + pair.indent;
  if (src[dash] !== '-') return [];
  const map = pairMap(pair);
  const firstKey =
    map && !map.flow && map.items.length ? keyRange(map.items[0] as Entry) : undefined;
  const indent = ' '.repeat(firstKey ? column(src, firstKey[0]) : pair.indent + 2);
  const idEntry = map && !map.flow ? firstEntry(map, 'id') : undefined;
  const first = map && !map.flow && map.items.length ? (map.items[0] as Entry) : undefined;
  const onDashLine = first && firstKey && !/[\r\n]/.test(src.slice(dash, firstKey[0]));
  const anchor = idEntry
    ? valueEnd(idEntry)
    : map?.flow && map.range
      ? map.range[1]
      : onDashLine
        ? valueEnd(first)
        : dash + 1;
  const eol = eolAt(src, dash);
  const text = `# ${comment.replace(/[\r\n]+/g, ' ')}`;
  const { at, atEof } = afterLine(src, anchor);
  return [
    { start: at, end: at, newText: atEof ? `${eol}${indent}${text}` : `${indent}${text}${eol}` },
  ];
}

/** A reasoned silence for this pair: `# sft-ignore rule: reason`. Node offsets. */
export function silencePair(
  pair: PairModel,
  rules: string | readonly string[],
  reason: string,
): TextEdit[] {
  const ids = typeof rules === 'string' ? rules : rules.join(', ');
  return insertComment(pair, `sft-ignore ${ids}: ${reason.trim() || 'reason'}`);
}

/**
 * Node-offset edits of a pair as document offsets.
 * @usedBy tests
 */
export function toDocument(pair: PairModel, edits: readonly TextEdit[]): TextEdit[] {
  return pair.base ? edits.map((e) => shiftEdit(e, pair.base)) : [...edits];
}

/**
 * Set an annotation in the file's `defaults` (document offsets), creating the `defaults:`
 * map after the `sft:` line when there is none. `isSource`: `value` is YAML source (a list).
 */
export function setDefault(
  file: SftFileModel,
  key: string,
  value: string,
  isSource = false,
): TextEdit[] {
  const { text } = file;
  const root = file.doc.contents;
  if (!isMap(root) || root.flow) return [];
  const field = file.header.find((f) => f.key === 'defaults');
  const scalar = isSource ? value : yamlScalar(value);
  if (isMap(field?.value)) return setMapValue(text, field.value, key, scalar, DEFAULT_KEYS);
  const eol = eolAt(text);
  if (field) {
    if (field.value && !(isScalar(field.value) && field.value.value === null)) return [];
    // `defaults:` with nothing under it.
    const { at, atEof } = afterLine(text, afterColon(text, field.keyNode.range?.[1] ?? 0));
    return [
      {
        start: at,
        end: at,
        newText: atEof ? `${eol}  ${key}: ${scalar}` : `  ${key}: ${scalar}${eol}`,
      },
    ];
  }
  const sft = file.header.find((f) => f.key === 'sft');
  const block = `defaults:${eol}  ${key}: ${scalar}${eol}`;
  if (!sft) {
    const at = file.header[0]?.span.start ?? 0;
    return [{ start: at, end: at, newText: block }];
  }
  const { at, atEof } = afterLine(text, sft.span.end);
  return [{ start: at, end: at, newText: atEof ? `${eol}${block.slice(0, -eol.length)}` : block }];
}

const NUMBERED = /^(.*?)(\d+)$/;

/**
 * A new id not in `existing`. Continues a prefix-number pattern (`hc-0007` → the next free
 * `hc-00NN` after the highest `hc-` number in use, zero padding kept) taken from `hint`
 * (a neighbouring id or a bare prefix like `hc-`), else from the last numbered id in
 * `existing`; with neither, `pair-0001` and on. `highest` remembers the highest number per
 * prefix in `existing` for a caller that asks again with `existing` grown only by the ids
 * returned (one id per pair of a file: one pass over the ids instead of one per pair).
 */
export function generateId(
  existing: Iterable<string>,
  hint?: string,
  highest?: Map<string, number>,
): string {
  const ids = existing instanceof Set ? (existing as Set<string>) : new Set(existing);
  let prefix = 'pair-';
  let width = 4;
  let floor = 0;
  const source = hint ?? [...ids].reverse().find((id) => NUMBERED.test(id));
  if (source !== undefined) {
    const m = NUMBERED.exec(source);
    if (m) {
      prefix = m[1];
      width = m[2].length;
      floor = Number(m[2]);
    } else if (/^[A-Za-z0-9._-]+$/.test(source))
      prefix = /[-_.]$/.test(source) ? source : `${source}-`;
  }
  let max = highest?.get(prefix);
  if (max === undefined) {
    max = 0;
    for (const id of ids) {
      if (!id.startsWith(prefix)) continue;
      const rest = id.slice(prefix.length);
      if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
    }
  }
  for (let n = Math.max(max, floor) + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (ids.has(id)) continue;
    highest?.set(prefix, n);
    return id;
  }
}
