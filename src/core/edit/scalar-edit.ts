/**
 * Edits inside one scalar that keep the file valid YAML and every other value as it reads.
 *
 * A rule says what the new text of a scalar is (value offsets: replace value[a, b) with
 * some text, or a whole new value); this module finds the smallest source edit that reads
 * back as exactly that text in the scalar's own style. When the edit in place would not
 * (a plain scalar left starting with `,`, a block whose first line now starts with a space,
 * an escape cut in two...), it widens: a block gets an indentation indicator, else the
 * scalar is rewritten whole (quoted, or as a literal block). Every edit in place and every
 * rewritten block is read back before it is offered, and the last resort, a double-quoted
 * scalar, always reads back: a fix never breaks the file, it only becomes larger.
 */
import { Scalar } from 'yaml';
import type { Span, TextEdit } from '../types';
import { blockIndent, blockParts, readsAs } from './scalar-read';
import { offsetOf, type ScalarSite } from './scalar-site';
import { doubleQuoted, plainSafe, singleQuoted } from './scalar-write';
import { writeText } from './text-write';

/** The edits that change one scalar, and the span they were checked against (the scalar). */
export interface ScalarChange {
  edits: TextEdit[];
  scope: Span;
}

function isBlock(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
}

/** A block header with keep chomping. */
const KEEP = /^[|>][1-9]?\+/;

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

/** Rewrite the whole scalar so it reads as `value`: quoted in its own quote style, a plain one quoted when it must be, a block kept a block when it can be. */
function rewrite(site: ScalarSite, value: string): ScalarChange | undefined {
  const { src, node } = site;
  const [r0, r1] = node.range!;
  const scope = { start: r0, end: r1 };
  const old = src.slice(r0, r1);
  if (isBlock(node)) {
    const parts = blockParts(old);
    // A block of blank lines only says no indentation: its content goes two columns in.
    const col = parts ? (blockIndent(parts, site.indent) ?? site.indent + 2) : undefined;
    const final = /\n$/.test(old) ? eolOf(old) : '';
    // The same block style, chomping and indentation when they hold the text; else the nearest block that does.
    const blockOf = (text: string, chomp = parts?.chomp): string | undefined => {
      if (col === undefined || !parts) return undefined;
      const w = writeText(text, node.type!, { ...site, col, eol: eolOf(old) }, chomp);
      return /^[|>]/.test(w) ? `${w}${final}` : undefined;
    };
    // A keep block (`|+`) takes in the blank lines that follow the old block: they stand for
    // as many of the text's final line breaks, so the block writes that many fewer.
    const rest = final ? src.slice(r1) : src.slice(r1).replace(/^\r?\n/, '');
    const blank = (/^(?:[ \t]*\r?\n)*/.exec(rest)![0].match(/\n/g) ?? []).length;
    let written = value;
    let block = blockOf(value);
    if (block !== undefined && KEEP.test(block) && blank) {
      written = value.endsWith('\n'.repeat(blank + 1)) ? value.slice(0, -blank) : '';
      block = written ? blockOf(written, '+') : undefined;
      if (block !== undefined && !KEEP.test(block)) block = undefined;
    }
    if (
      block !== undefined &&
      readsAs(block, block[0] === '|' ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED, written, site)
    ) {
      return { edits: [{ start: r0, end: r1, newText: block }], scope };
    }
    // One quoted line in place of the block; the block's last line break stays.
    const quoted = doubleQuoted(value);
    return { edits: [{ start: r0, end: withoutFinalBreak(src, r0, r1), newText: quoted }], scope };
  }
  let text: string;
  let type: Scalar['type'];
  if (node.type === Scalar.QUOTE_SINGLE && singleQuoted(value) !== undefined) {
    text = singleQuoted(value)!;
    type = Scalar.QUOTE_SINGLE;
  } else if (node.type === Scalar.PLAIN && plainSafe(value, site.inFlow)) {
    text = value;
    type = Scalar.PLAIN;
  } else {
    text = doubleQuoted(value);
    type = Scalar.QUOTE_DOUBLE;
  }
  if (!readsAs(text, type, value, site)) {
    text = doubleQuoted(value);
  }
  return { edits: [{ start: r0, end: r1, newText: text }], scope };
}

/** The in-place edit with a block's indentation made explicit, for text now starting with a space. */
function withIndicator(
  site: ScalarSite,
  old: string,
  edit: TextEdit,
  value: string,
): TextEdit[] | undefined {
  const parts = blockParts(old);
  if (!parts || parts.explicit) return undefined;
  const col = blockIndent(parts, site.indent);
  const explicit = col === undefined ? 0 : col - site.indent;
  if (explicit < 1 || explicit > 9) return undefined;
  const r0 = site.node.range![0];
  const indicators = /^[|>][-+]?/.exec(old)![0];
  const header = { start: r0, end: r0 + indicators.length, newText: `${indicators}${explicit}` };
  const source =
    header.newText +
    old.slice(indicators.length, edit.start - r0) +
    edit.newText +
    old.slice(edit.end - r0);
  return readsAs(source, site.node.type, value, site) ? [header, edit] : undefined;
}

/**
 * Replace value[start, end) of a string scalar with `insert`: in place when the result reads
 * back as the new text, else by rewriting the scalar. Undefined when nothing would change.
 */
export function editScalarText(
  site: ScalarSite,
  start: number,
  end: number,
  insert: string,
): ScalarChange | undefined {
  const { src, node } = site;
  if (typeof node.value !== 'string' || start < 0 || end < start || end > node.value.length)
    return undefined;
  const value = node.value;
  const next = value.slice(0, start) + insert + value.slice(end);
  if (next === value) return undefined;
  const [r0, r1] = node.range!;
  const old = src.slice(r0, r1);
  const a = offsetOf(site, start);
  const b = offsetOf(site, end);
  const written = inPlaceText(node.type, insert);
  // The scalar must read back as its own value first, or what we know of its place is wrong.
  if (
    a !== undefined &&
    b !== undefined &&
    written !== undefined &&
    readsAs(old, node.type, value, site)
  ) {
    const edit = { start: a, end: b, newText: written };
    const source = old.slice(0, a - r0) + written + old.slice(b - r0);
    const sameEnd = !isBlock(node) || /\n$/.test(source) === /\n$/.test(old);
    if (sameEnd && readsAs(source, node.type, next, site))
      return { edits: [edit], scope: { start: r0, end: r1 } };
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
  if (!isBlock(node))
    return plain
      ? { edits: [{ start: r0, end: r1, newText: value }], scope: { start: r0, end: r1 } }
      : rewrite(site, value);
  return {
    edits: [
      {
        start: r0,
        end: withoutFinalBreak(src, r0, r1),
        newText: plain ? value : doubleQuoted(value),
      },
    ],
    scope: { start: r0, end: r1 },
  };
}

/** Replace a scalar's source with `yaml` (a number, `true`, ...): up to a block's last line break. */
export function replaceScalarSource(src: string, node: Scalar, yaml: string): TextEdit[] {
  const r = node.range;
  if (!r) return [];
  const end = isBlock(node) ? withoutFinalBreak(src, r[0], r[1]) : r[1];
  return src.slice(r[0], end) === yaml ? [] : [{ start: r[0], end, newText: yaml }];
}
