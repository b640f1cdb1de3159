/**
 * Edits inside one scalar that keep the file valid YAML and every other value as it reads.
 *
 * A rule says what the new text of a scalar is (value offsets: replace value[a, b) with
 * some text, or a whole new value); this module finds the smallest source edit that reads
 * back as exactly that text in the scalar's own style. When the edit in place would not
 * (a plain scalar left starting with `,`, a block whose first line now starts with a space,
 * an escape cut in two...), it widens: a block gets an indentation indicator, else the
 * scalar is rewritten whole (quoted, or as a literal block). Every candidate is read back
 * before it is offered, so a fix never breaks the file, it only becomes larger.
 */
import { isMap, isPair, isSeq, Scalar, type Node } from 'yaml';
import { valueSpan, type PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import { lineStart } from '../text/lines';
import type { Fix, Span, TextEdit } from '../types';
import { blockIndent, blockParts, readsAs, type ScalarContext } from './scalar-read';
import { doubleQuoted, plainSafe, singleQuoted } from './scalar-write';

/** A scalar and where it sits. */
export interface ScalarSite extends ScalarContext {
  /** The text the node's offsets index into (a pair's `src`, or the document text). */
  src: string;
  node: Scalar;
}

/** The edits that change one scalar, and the span they were checked against (the scalar). */
export interface ScalarChange {
  edits: TextEdit[];
  scope: Span;
}

/**
 * Whether a flow collection holds `target` somewhere below `root`; undefined when `target`
 * is not below `root` at all.
 */
function flowAround(root: Node | null | undefined, target: Node): boolean | undefined {
  if (!root) return undefined;
  if (root === target) return false;
  if (!isMap(root) && !isSeq(root)) return undefined;
  for (const item of root.items as unknown[]) {
    const children = isPair(item) ? [item.key, item.value] : [item];
    for (const child of children) {
      const found = flowAround(child as Node | null, target);
      if (found !== undefined) return found || root.flow === true;
    }
  }
  return undefined;
}

/**
 * Indentation of the collection that holds a scalar starting at `at`: the column of its key
 * on the same line (`  response: |` is 2), or of the `-` of a list item (`- |`).
 */
function parentIndent(src: string, at: number): number {
  const ls = lineStart(src, at);
  let i = ls;
  let dash = -1;
  for (;;) {
    while (src[i] === ' ') i++;
    if (src[i] === '-' && (src[i + 1] === ' ' || src[i + 1] === '\t') && i < at) { dash = i; i++; continue; }
    break;
  }
  return i < at ? i - ls : dash >= 0 ? dash - ls : Math.max(0, at - ls - 1);
}

/** The site of a scalar below `root` (a pair's node, or the document's contents); offsets in `src`. */
export function scalarSite(src: string, root: Node | null | undefined, node: Scalar): ScalarSite | undefined {
  if (!node.range) return undefined;
  const inFlow = flowAround(root, node);
  return inFlow === undefined ? undefined : { src, node, inFlow, indent: parentIndent(src, node.range[0]) };
}

function isBlock(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
}

/** End of a block scalar's source without the line break(s) it ends with. */
function withoutFinalBreak(src: string, start: number, end: number): number {
  let e = end;
  while (e > start && (src[e - 1] === '\n' || src[e - 1] === '\r')) e--;
  return e;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** `insert` as it is written inside a scalar of this style, or undefined when it cannot be written in place. */
function inPlaceText(type: Scalar['type'], insert: string): string | undefined {
  if (/[\r\n]/.test(insert)) return undefined;
  if (type === Scalar.QUOTE_DOUBLE) return doubleQuoted(insert).slice(1, -1);
  if (type === Scalar.QUOTE_SINGLE) return singleQuoted(insert)?.slice(1, -1);
  return insert;
}

/** `value` as a literal (or folded, when it is one line) block at content indentation `col`, or undefined. */
function renderBlock(value: string, literal: boolean, col: number, site: ScalarSite, eol: string, final: boolean): string | undefined {
  const m = /\n*$/.exec(value)!;
  const body = value.slice(0, m.index);
  const trailing = m[0].length;
  if (!body || trailing > 1 || (trailing === 1 && !final) || /\r/.test(body)) return undefined;
  const lines = body.split('\n');
  const style = literal || lines.length > 1 ? '|' : '>';
  const explicit = /^[ \t]/.test(lines[0]) ? col - site.indent : 0;
  if (explicit > 9) return undefined;
  const header = `${style}${explicit || ''}${trailing ? '' : '-'}`;
  const content = lines.map((l) => (l ? ' '.repeat(col) + l : '')).join(eol);
  return `${header}${eol}${content}${final ? eol : ''}`;
}

/** Rewrite the whole scalar so it reads as `value`: quoted in its own quote style, a plain one quoted when it must be, a block kept a block when it can be. */
function rewrite(site: ScalarSite, value: string): ScalarChange | undefined {
  const { src, node } = site;
  const [r0, r1] = node.range!;
  const scope = { start: r0, end: r1 };
  const old = src.slice(r0, r1);
  if (isBlock(node)) {
    const parts = blockParts(old);
    const col = parts ? blockIndent(parts, site.indent) : undefined;
    const final = /\n$/.test(old);
    const block = col !== undefined ? renderBlock(value, node.type === Scalar.BLOCK_LITERAL, col, site, eolOf(old), final) : undefined;
    if (block !== undefined && readsAs(block, block[0] === '|' ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED, value, site)) {
      return { edits: [{ start: r0, end: r1, newText: block }], scope };
    }
    // One quoted line in place of the block; the block's last line break stays.
    const quoted = doubleQuoted(value);
    return { edits: [{ start: r0, end: withoutFinalBreak(src, r0, r1), newText: quoted }], scope };
  }
  let text: string;
  let type: Scalar['type'];
  if (node.type === Scalar.QUOTE_SINGLE && singleQuoted(value) !== undefined) { text = singleQuoted(value)!; type = Scalar.QUOTE_SINGLE; }
  else if (node.type === Scalar.PLAIN && plainSafe(value, site.inFlow)) { text = value; type = Scalar.PLAIN; }
  else { text = doubleQuoted(value); type = Scalar.QUOTE_DOUBLE; }
  if (!readsAs(text, type, value, site)) { text = doubleQuoted(value); }
  return { edits: [{ start: r0, end: r1, newText: text }], scope };
}

/** Source offset where value character `i` starts (the end of the value for i = length); undefined when the scalar does not map exactly. */
function offsetOf(site: ScalarSite, i: number): number | undefined {
  const s = valueSpan(site, site.node, i, i);
  return s.start === s.end ? s.start : undefined;
}

/** The in-place edit with a block's indentation made explicit, for text now starting with a space. */
function withIndicator(site: ScalarSite, old: string, edit: TextEdit, value: string): TextEdit[] | undefined {
  const parts = blockParts(old);
  if (!parts || parts.explicit) return undefined;
  const col = blockIndent(parts, site.indent);
  const explicit = col === undefined ? 0 : col - site.indent;
  if (explicit < 1 || explicit > 9) return undefined;
  const r0 = site.node.range![0];
  const indicators = /^[|>][-+]?/.exec(old)![0];
  const header = { start: r0, end: r0 + indicators.length, newText: `${indicators}${explicit}` };
  const source = header.newText + old.slice(indicators.length, edit.start - r0) + edit.newText + old.slice(edit.end - r0);
  return readsAs(source, site.node.type, value, site) ? [header, edit] : undefined;
}

/**
 * Replace value[start, end) of a string scalar with `insert`: in place when the result reads
 * back as the new text, else by rewriting the scalar. Undefined when nothing would change.
 */
export function editScalarText(site: ScalarSite, start: number, end: number, insert: string): ScalarChange | undefined {
  const { src, node } = site;
  if (typeof node.value !== 'string' || start < 0 || end < start || end > node.value.length) return undefined;
  const value = node.value;
  const next = value.slice(0, start) + insert + value.slice(end);
  if (next === value) return undefined;
  const [r0, r1] = node.range!;
  const old = src.slice(r0, r1);
  const a = offsetOf(site, start);
  const b = offsetOf(site, end);
  const written = inPlaceText(node.type, insert);
  // The scalar must read back as its own value first, or what we know of its place is wrong.
  if (a !== undefined && b !== undefined && written !== undefined && readsAs(old, node.type, value, site)) {
    const edit = { start: a, end: b, newText: written };
    const source = old.slice(0, a - r0) + written + old.slice(b - r0);
    const sameEnd = !isBlock(node) || /\n$/.test(source) === /\n$/.test(old);
    if (sameEnd && readsAs(source, node.type, next, site)) return { edits: [edit], scope: { start: r0, end: r1 } };
    const indicated = sameEnd && isBlock(node) ? withIndicator(site, old, edit, next) : undefined;
    if (indicated) return { edits: indicated, scope: { start: r0, end: r1 } };
  }
  return rewrite(site, next);
}

/**
 * Give a scalar a whole new value (an annotation's): plain when the value can be, else in
 * the scalar's own quote style when it can hold it, else double-quoted. A block becomes one
 * scalar on the key's line.
 */
export function replaceScalarValue(site: ScalarSite, value: string): ScalarChange | undefined {
  const { src, node } = site;
  const [r0, r1] = node.range!;
  if (node.value === value && typeof node.value === 'string') return undefined;
  const plain = plainSafe(value, site.inFlow);
  if (!isBlock(node)) return plain ? { edits: [{ start: r0, end: r1, newText: value }], scope: { start: r0, end: r1 } } : rewrite(site, value);
  return { edits: [{ start: r0, end: withoutFinalBreak(src, r0, r1), newText: plain ? value : doubleQuoted(value) }], scope: { start: r0, end: r1 } };
}

/** Replace a scalar's source with `yaml` (a number, `true`, ...): up to a block's last line break. */
export function replaceScalarSource(src: string, node: Scalar, yaml: string): TextEdit[] {
  const r = node.range;
  if (!r) return [];
  const end = isBlock(node) ? withoutFinalBreak(src, r[0], r[1]) : r[1];
  return src.slice(r[0], end) === yaml ? [] : [{ start: r[0], end, newText: yaml }];
}

/** A fix from a scalar change; undefined when there is none. */
export function scalarFix(title: string, change: ScalarChange | undefined, preferred = true): Fix | undefined {
  if (!change?.edits.length) return undefined;
  const fix: Fix = { title, edits: change.edits, scope: change.scope };
  if (preferred) fix.preferred = true;
  return fix;
}

/** Where a pair's or a file's nodes live: the text their offsets index into, and the root node above them. */
export interface NodeHome {
  src: string;
  root: Node | null | undefined;
}

/** The home of a pair's nodes (node offsets). */
export function pairHome(pair: PairModel): NodeHome {
  return { src: pair.src, root: pair.node };
}

/** The home of a file's header nodes (document offsets). */
export function fileHome(file: SftFileModel): NodeHome {
  return { src: file.text, root: file.doc.contents };
}

/** A fix that replaces value[start, end) of a text scalar with `insert`. */
export function textFix(home: NodeHome, node: Scalar, start: number, end: number, insert: string, title: string, preferred = true): Fix | undefined {
  const site = scalarSite(home.src, home.root, node);
  return site ? scalarFix(title, editScalarText(site, start, end, insert), preferred) : undefined;
}

/** A fix that gives a scalar a whole new value (an annotation's). */
export function valueFix(home: NodeHome, node: Scalar, value: string, title: string, preferred = true): Fix | undefined {
  const site = scalarSite(home.src, home.root, node);
  return site ? scalarFix(title, replaceScalarValue(site, value), preferred) : undefined;
}

/** A problem's fixes from one optional fix. */
export function fixList(fix: Fix | undefined): Fix[] | undefined {
  return fix ? [fix] : undefined;
}

/**
 * The value range of a scalar whose characters sit in the source span `span`, or undefined
 * when the scalar does not map exactly (the inverse of the scalar map, by binary search).
 */
export function valueRangeOf(home: NodeHome, node: Scalar, span: Span): { start: number; end: number } | undefined {
  if (typeof node.value !== 'string') return undefined;
  const site = { src: home.src };
  const length = node.value.length;
  const at = (i: number): number | undefined => { const s = valueSpan(site, node, i, i); return s.start === s.end ? s.start : undefined; };
  if (at(0) === undefined) return undefined;
  const first = (offset: number): number => {
    let lo = 0;
    let hi = length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (at(mid)! >= offset) hi = mid; else lo = mid + 1; }
    return lo;
  };
  const start = first(span.start);
  const end = first(span.end);
  return start < end ? { start, end } : undefined;
}
