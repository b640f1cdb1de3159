/**
 * Planning "set a field": a pair's text or annotation, or a default. An existing string keeps
 * its style (a `|` block stays a block, with its chomping and indentation; quotes stay
 * quotes) and only the characters that differ are rewritten where the style allows; a new
 * field is written in the file's prevailing style for texts, at its place in the key order.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { DEFAULT_KEYS, EXAMPLE_KEYS, PAIR_KEYS, TEXT_FIELDS } from '../annotations';
import type { PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import type { TextEdit } from '../types';
import { headerEdits, pairEdits, type DocumentEdit } from './document-edit';
import { textStyles } from './file-style';
import type { FieldValue } from './intent';
import {
  removeField,
  removeKey,
  setDefault,
  setList,
  setMapValue,
  type ValuePlace,
} from './map-edit';
import { appendItem } from './list-items';
import { editScalarText } from './scalar-edit';
import { blockParts } from './scalar-read';
import { scalarSite } from './scalar-site';
import { yamlFlowList } from './scalar-write';
import { DEFAULT_TEXT_STYLES, writeNewText, type TextStyles } from './text-write';

/**
 * The value a block will hold for `text`: a clip block (`|`, `>`) ends its text with one line
 * break, which readers of the text (export, counts) drop, so a text without it gets it.
 */
function blockValue(source: string, text: string): string {
  const parts = blockParts(source);
  return parts && parts.chomp === '' && text !== '' && !text.endsWith('\n') ? `${text}\n` : text;
}

/** Length of the common start of two strings, never ending inside a surrogate pair. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i > 0 && /[\ud800-\udbff]/.test(a[i - 1]) ? i - 1 : i;
}

/** Length of the common end of two strings after their first `skip` characters, never starting inside a surrogate pair. */
function commonEnd(a: string, b: string, skip: number): number {
  let i = 0;
  while (i < a.length - skip && i < b.length - skip && a[a.length - 1 - i] === b[b.length - 1 - i])
    i++;
  return i > 0 && /[\udc00-\udfff]/.test(a[a.length - i]) ? i - 1 : i;
}

/** Edits that make a string scalar read `text`, in its own style, rewriting only what differs where it can. */
function setScalarText(
  src: string,
  root: PairModel['node'],
  node: Scalar,
  text: string,
): TextEdit[] {
  const site = scalarSite(src, root, node);
  if (!site || typeof node.value !== 'string') return [];
  const old = node.value;
  const want = blockValue(src.slice(node.range![0], node.range![1]), text);
  if (old === want) return [];
  const a = commonStart(old, want);
  const b = commonEnd(old, want, a);
  return editScalarText(site, a, old.length - b, want.slice(a, want.length - b))?.edits ?? [];
}

/** A text written new, in the file's styles for `key`. */
function newText(text: string, styles: TextStyles) {
  return (place: ValuePlace): string =>
    writeNewText(text, styles, {
      inFlow: place.oneLine,
      indent: place.keyColumn,
      col: place.keyColumn + 2,
      eol: place.eol,
    });
}

/** Set a key of a map (a pair, a default): a list, a text (kept in its style when it is one), or no key at all. */
function setInMap(
  model: SftFileModel,
  src: string,
  map: YAMLMap,
  root: PairModel['node'],
  key: string,
  value: string,
  order: readonly string[],
): TextEdit[] {
  const entry = map.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
  const node = entry?.value;
  if (isScalar(node) && typeof node.value === 'string' && node.range)
    return setScalarText(src, root, node, value);
  const styles = (TEXT_FIELDS as readonly string[]).includes(key)
    ? textStyles(model, key)
    : DEFAULT_TEXT_STYLES;
  return setMapValue(src, map, key, newText(value, styles), order);
}

/** Set, or with `undefined` remove, a field of a pair. */
export function planSetField(
  model: SftFileModel,
  pair: PairModel,
  key: string,
  value: FieldValue,
): DocumentEdit[] {
  if (!isMap(pair.node)) return [];
  if (value === undefined) return pairEdits(pair, removeField(pair, key));
  if (typeof value !== 'string') return pairEdits(pair, setList(pair, key, value));
  return pairEdits(pair, setInMap(model, pair.src, pair.node, pair.node, key, value, PAIR_KEYS));
}

/** Add an example at the end of the pair's `examples` (made when it has none). */
export function planAddExample(pair: PairModel, input: string, output: string): DocumentEdit[] {
  return pairEdits(
    pair,
    appendItem(pair, 'examples', [
      { key: 'input', value: input, as: 'text' },
      { key: 'output', value: output, as: 'text' },
    ]),
  );
}

/** Give example `index`'s input or output a text, kept in its style (a key it lacks is added). */
export function planSetExample(
  model: SftFileModel,
  pair: PairModel,
  index: number,
  key: string,
  value: string,
): DocumentEdit[] {
  const list = pair.fields.get('examples')?.value;
  const item: unknown = isSeq(list) ? list.items[index] : undefined;
  if (!isMap(item) || !isMap(pair.node)) return [];
  return pairEdits(pair, setInMap(model, pair.src, item, pair.node, key, value, EXAMPLE_KEYS));
}

/** Set, or with `undefined` remove, an annotation in `defaults` (made after `sft:` when the file has none). */
export function planSetDefault(
  model: SftFileModel,
  key: string,
  value: FieldValue,
): DocumentEdit[] {
  const defaults = model.header.find((f) => f.key === 'defaults')?.value;
  const root = model.doc.contents;
  if (isMap(defaults)) {
    if (value === undefined) return headerEdits(removeKey(model.text, defaults, key));
    if (typeof value !== 'string')
      return headerEdits(setMapValue(model.text, defaults, key, yamlFlowList(value), DEFAULT_KEYS));
    return headerEdits(setInMap(model, model.text, defaults, root, key, value, DEFAULT_KEYS));
  }
  if (value === undefined) return [];
  return headerEdits(
    setDefault(
      model,
      key,
      typeof value === 'string' ? value : yamlFlowList(value),
      typeof value !== 'string',
    ),
  );
}
