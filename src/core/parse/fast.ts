/**
 * A fast reader for the block-style YAML that pairs are written in.
 *
 * `yaml` builds a token stream, a concrete syntax tree and then the nodes, which makes it
 * most of the cost of a cold lint. Pairs use a small part of YAML: block maps and lists,
 * plain scalars on one line, `|` and `>` text, one-line quoted strings and one-line flow
 * lists of words. This reader builds, for that part only, the very nodes `yaml` composes
 * (same classes, values, types, sources and ranges), and declines everything else by
 * returning undefined: the caller then has `yaml` parse the pair. A differential test holds
 * the two to the same output over the examples, the bench corpus and generated edge cases.
 *
 * Lines end in LF or CRLF. It never guesses: any character, indentation or construct it
 * does not handle exactly (tabs, a CR outside CRLF, anchors, tags, flow maps, escapes,
 * multi-line plain or quoted scalars, indentation indicators, `+` chomping, comments on
 * block headers) declines.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isScalar, type Node, type Schema } from 'yaml';
import { MAX_NESTING } from './yaml-document';

/** The schema `parseDocument` uses by default (YAML 1.2 core), for plain scalar types. */
const SCHEMA: Schema = new Document().schema;
const RESOLVE_OPTIONS = { intAsBigInt: false } as const;
interface ScalarTagLike {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (m: string) => void, options: object): unknown;
}
const PLAIN_TAGS = (SCHEMA.tags as unknown as ScalarTagLike[]).filter(
  (t) => t.default === true && t.test,
);

/** Thrown to decline; never escapes this module. */
const DECLINE = Symbol('decline');

/**
 * What makes the reader decline a pair: tab, CR other than in CRLF, other controls, BOM, NEL,
 * LS, PS. A single character class scans several times faster than the class with a `\r`
 * lookahead beside it, so a lone CR is looked for only in text that has a CR at all.
 */
const UNHANDLED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\ufeff\u2028\u2029]/;
const LONE_CR = /\r(?!\n)/;

function unhandled(text: string): boolean {
  return UNHANDLED.test(text) || (text.includes('\r') && LONE_CR.test(text));
}

const SPACE = 32;
const NL = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** A line break starts here: LF, or the CR of a CRLF (a lone CR declines the pair). */
function isBreak(c: number): boolean {
  return c === NL || c === CR;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH || c === 46;
}
/** First characters a plain scalar may not start with here (YAML indicators). */
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
/** Words that resolve to something other than a string start with one of these. */
const MAYBE_TYPED = /^[-+.~0-9nNtTfF]/;

/** A plain scalar's value under the core schema: null, boolean, number or string, exactly as `yaml` resolves it. */
function plainScalar(text: string, start: number, end: number, nodeEnd: number): Scalar {
  let node: Scalar | undefined;
  let format: string | undefined;
  if (text === '' || MAYBE_TYPED.test(text)) {
    for (const tag of PLAIN_TAGS) {
      if (!tag.test!.test(text)) continue;
      let failed = false;
      const res = tag.resolve(
        text,
        () => {
          failed = true;
        },
        RESOLVE_OPTIONS,
      );
      if (failed) throw DECLINE;
      // Like yaml's composer: a tag may resolve to a node (null, booleans, some floats) or a value.
      node = isScalar(res) ? res : new Scalar(res);
      format = tag.format;
      break;
    }
  }
  node ??= new Scalar(text);
  node.range = [start, end, nodeEnd];
  node.source = text;
  node.type = Scalar.PLAIN;
  if (format) node.format = format;
  return node;
}

function textScalar(
  value: string,
  type: Scalar.Type,
  range: [number, number, number],
): Scalar<string> {
  const node = new Scalar(value);
  node.range = range;
  node.source = value;
  node.type = type;
  return node;
}

/** Reads one sequence item (a pair) of `src[start, end)`; offsets are in `src`. */
class Reader {
  constructor(
    private readonly src: string,
    private readonly end: number,
  ) {}

  /**
   * The collection at column `col` ends at `next`. Comment lines between its last value
   * (ending at `from`) and `next` stay with it in `yaml`, stretching its range, unless each is
   * indented less than `col`: decline those.
   */
  closing(from: number, next: number, col: number): void {
    for (let p = from; p < next; p = this.nextLine(p)) {
      const sp = this.spaces(p);
      if (this.src.charCodeAt(p + sp) === HASH && sp >= col) throw DECLINE;
    }
  }

  /** Where the line holding `p` ends: its LF, the CR of its CRLF, or the end. */
  lineEnd(p: number): number {
    const nl = this.src.indexOf('\n', p);
    if (nl < 0 || nl > this.end) return this.end;
    return nl > p && this.src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /** Start of the line after the one holding `p` (or the end). */
  nextLine(p: number): number {
    const nl = this.src.indexOf('\n', p);
    return nl < 0 || nl >= this.end ? this.end : nl + 1;
  }

  spaces(p: number): number {
    let q = p;
    while (q < this.end && this.src.charCodeAt(q) === SPACE) q++;
    return q - p;
  }

  /** From a line start, the start of the next line that is neither blank nor a comment. */
  nextContent(p: number): number {
    while (p < this.end) {
      const q = p + this.spaces(p);
      const c = this.src.charCodeAt(q);
      if (q < this.end && !isBreak(c) && c !== HASH) return p;
      p = this.nextLine(q);
    }
    return this.end;
  }

  /** After a value on its line: only spaces, then an optional ` # comment`. Returns the next line start. */
  restOfLine(p: number): number {
    const q = p + this.spaces(p);
    if (q >= this.end) return this.end;
    const c = this.src.charCodeAt(q);
    if (isBreak(c)) return this.nextLine(q);
    if (c === HASH && q > p) return this.nextLine(q);
    throw DECLINE;
  }

  /**
   * Where a one-line value's node ends, as `yaml` has it: after its line, and after any
   * comment lines indented deeper than the parent (`col`) that follow it, blank lines between.
   */
  valueEnd(next: number, col: number): number {
    let end = next;
    for (let p = next; p < this.end;) {
      const sp = this.spaces(p);
      const c = this.src.charCodeAt(p + sp);
      if (p + sp < this.end && !isBreak(c) && c !== HASH) break;
      if (c === HASH) {
        if (sp <= col) break;
        end = this.nextLine(p + sp);
      }
      p = this.nextLine(p + sp);
    }
    return end;
  }

  /** The item whose `-` is at column `indent` of the line starting at `start`. */
  item(start: number, indent: number): { node: YAMLMap; next: number } {
    const { src } = this;
    if (
      this.spaces(start) !== indent ||
      src.charCodeAt(start + indent) !== DASH ||
      src.charCodeAt(start + indent + 1) !== SPACE
    )
      throw DECLINE;
    const p = start + indent + 1 + this.spaces(start + indent + 1);
    if (this.keyEnd(p) < 0) throw DECLINE;
    // The item is at depth 3: the file's map, `pairs`, the item.
    const map = this.map(p, p - start, 3);
    if (map.next < this.end) throw DECLINE;
    return map;
  }

  /** Where the key of a `key:` at p ends (its colon, followed by a space or the line end), or -1. */
  keyEnd(p: number): number {
    const { src } = this;
    if (!isKeyStart(src.charCodeAt(p))) return -1;
    let q = p + 1;
    while (isKeyChar(src.charCodeAt(q))) q++;
    if (src.charCodeAt(q) !== COLON) return -1;
    const after = src.charCodeAt(q + 1);
    return q + 1 >= this.end || after === SPACE || isBreak(after) ? q : -1;
  }

  /**
   * A block map whose first key is at p, column `col`, nested `depth` levels deep. `next`: the
   * first content line after it. Deeper than `yaml` is let read declines, so the nesting
   * error comes from one place (and this recursion stays far from the stack's end).
   */
  map(p: number, col: number, depth: number): { node: YAMLMap; next: number } {
    const { src } = this;
    if (depth > MAX_NESTING) throw DECLINE;
    const map = new YAMLMap(SCHEMA);
    const start = p;
    let lastEnd = p;
    for (;;) {
      const q = this.keyEnd(p);
      if (q < 0) throw DECLINE;
      const keyText = src.slice(p, q);
      const key = plainScalar(keyText, p, q, q);
      if (typeof key.value !== 'string') throw DECLINE;
      const afterColon = q + 1;
      const r = afterColon + this.spaces(afterColon);
      const c = r < this.end ? src.charCodeAt(r) : NL;
      let value: Node;
      let next: number;
      if (c === HASH) throw DECLINE; // a comment after `key:` (yaml gives it to the value)
      if (isBreak(c)) {
        const below = this.nextLine(r);
        const n = this.nextContent(below);
        const ind = n < this.end ? this.spaces(n) : -1;
        const isDash =
          ind >= 0 && src.charCodeAt(n + ind) === DASH && src.charCodeAt(n + ind + 1) === SPACE;
        if (ind > col || (ind === col && isDash)) {
          const child = isDash
            ? this.seq(n + ind, ind, depth + 1)
            : this.map(n + ind, ind, depth + 1);
          value = child.node;
          next = child.next;
        } else {
          // yaml stretches an empty value over the comment lines after it: not read here.
          if (this.valueEnd(below, -1) !== below) throw DECLINE;
          value = plainScalar('', r, r, r);
          next = n;
        }
      } else {
        const v = this.inline(r, col);
        value = v.node;
        next = this.nextContent(v.next);
      }
      map.items.push(new Pair(key, value));
      lastEnd = value.range![2];
      const ind = next < this.end ? this.spaces(next) : -1;
      if (ind > col) throw DECLINE;
      if (ind < col) {
        this.closing(lastEnd, next, col);
        map.range = [start, lastEnd, lastEnd];
        return { node: map, next };
      }
      p = next + ind;
    }
  }

  /** A block list whose first `-` is at p, column `col`, nested `depth` levels deep. */
  seq(p: number, col: number, depth: number): { node: YAMLSeq; next: number } {
    const { src } = this;
    if (depth > MAX_NESTING) throw DECLINE;
    const seq = new YAMLSeq(SCHEMA);
    const start = p;
    for (;;) {
      const r = p + 1 + this.spaces(p + 1);
      if (r >= this.end || isBreak(src.charCodeAt(r)) || src.charCodeAt(r) === HASH) throw DECLINE;
      let item: Node;
      let next: number;
      if (this.keyEnd(r) >= 0) {
        const m = this.map(r, r - (p - col), depth + 1);
        item = m.node;
        next = m.next;
      } else {
        const v = this.inline(r, col);
        item = v.node;
        next = this.nextContent(v.next);
      }
      seq.items.push(item);
      const end = item.range![2];
      const ind = next < this.end ? this.spaces(next) : -1;
      if (ind > col) throw DECLINE;
      if (
        ind < col ||
        src.charCodeAt(next + ind) !== DASH ||
        src.charCodeAt(next + ind + 1) !== SPACE
      ) {
        this.closing(end, next, col);
        seq.range = [start, end, end];
        return { node: seq, next };
      }
      p = next + ind;
    }
  }

  /** A value that starts on the current line at r; `col` is its parent's column. */
  inline(r: number, col: number): { node: Node; next: number } {
    const c = this.src.charCodeAt(r);
    if (c === 124 || c === 62) return this.block(r, col, c === 124); // | >
    if (c === 34) return this.quoted(r, col, true); // "
    if (c === 39) return this.quoted(r, col, false); // '
    if (c === 91) return this.flowList(r, col); // [
    if (INDICATOR.has(c)) throw DECLINE;
    return this.plain(r, col);
  }

  plain(r: number, col: number): { node: Node; next: number } {
    const { src } = this;
    const e = this.lineEnd(r);
    let stop = e;
    for (let i = r; i < e; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      if (ch === COLON && (i + 1 >= e || src.charCodeAt(i + 1) === SPACE)) throw DECLINE;
    }
    let v = stop;
    while (v > r && src.charCodeAt(v - 1) === SPACE) v--;
    const next = this.nextLine(e);
    return { node: plainScalar(src.slice(r, v), r, v, this.valueEnd(next, col)), next };
  }

  quoted(r: number, col: number, double: boolean): { node: Node; next: number } {
    const { src } = this;
    const e = this.lineEnd(r);
    let close = -1;
    let escaped = false;
    for (let i = r + 1; i < e; i++) {
      const ch = src.charCodeAt(i);
      if (double) {
        if (ch === 92) throw DECLINE; // backslash escapes
        if (ch === 34) {
          close = i;
          break;
        }
      } else if (ch === 39) {
        if (src.charCodeAt(i + 1) === 39 && i + 1 < e) {
          escaped = true;
          i++;
          continue;
        }
        close = i;
        break;
      }
    }
    if (close < 0) throw DECLINE;
    const inner = src.slice(r + 1, close);
    const next = this.restOfLine(close + 1);
    const node = textScalar(
      escaped ? inner.replaceAll("''", "'") : inner,
      double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE,
      [r, close + 1, this.valueEnd(next, col)],
    );
    return { node, next };
  }

  /** `[a, b c, d]` on one line, items plain words. */
  flowList(r: number, col: number): { node: Node; next: number } {
    const { src } = this;
    const e = this.lineEnd(r);
    const close = src.indexOf(']', r);
    if (close < 0 || close >= e) throw DECLINE;
    const seq = new YAMLSeq(SCHEMA);
    seq.flow = true;
    let i = r + 1;
    const body = src.slice(i, close);
    if (/^ *$/.test(body)) {
      // `[]`: no items
    } else {
      if (!/^ *[A-Za-z0-9_][A-Za-z0-9_. -]*(?:, *[A-Za-z0-9_][A-Za-z0-9_. -]*)* *$/.test(body))
        throw DECLINE;
      while (i < close) {
        i += this.spaces(i);
        let j = i;
        while (j < close && src.charCodeAt(j) !== 44) j++; // ,
        let v = j;
        while (v > i && src.charCodeAt(v - 1) === SPACE) v--;
        seq.items.push(plainScalar(src.slice(i, v), i, v, j));
        i = j + 1;
      }
    }
    const next = this.restOfLine(close + 1);
    seq.range = [r, close + 1, this.valueEnd(next, col)];
    return { node: seq, next };
  }

  /** `|` or `>` text whose parent is at column `col`. */
  block(r: number, col: number, literal: boolean): { node: Node; next: number } {
    const { src } = this;
    let q = r + 1;
    let strip = false;
    if (src.charCodeAt(q) === DASH) {
      strip = true;
      q++;
    }
    if (!isBreak(src.charCodeAt(q))) throw DECLINE; // indentation indicators, `+`, header comments
    let p = this.nextLine(q);
    // Content indentation: that of the first line with text.
    let n = -1;
    let leadingBlanks = 0;
    for (let s = p; s < this.end;) {
      const sp = this.spaces(s);
      if (s + sp >= this.end) break;
      if (!isBreak(src.charCodeAt(s + sp))) {
        n = sp;
        break;
      }
      if (sp > 0) throw DECLINE; // blank lines with spaces before the text
      leadingBlanks++;
      s = this.nextLine(s);
    }
    if (n <= col) throw DECLINE; // empty text, or its first line is not indented under the key
    const lines: string[] = [];
    let lastTextEnd = -1; // after the newline of the last line with text
    let lastTextLines = 0;
    for (let i = 0; i < leadingBlanks; i++) {
      lines.push('');
      p = this.nextLine(p);
    }
    while (p < this.end) {
      const sp = this.spaces(p);
      const e = this.lineEnd(p + sp);
      const next = this.nextLine(e);
      if (p + sp === e) {
        // blank line
        if (sp > n) throw DECLINE;
        if (e >= this.end) break;
        lines.push('');
        p = next;
        continue;
      }
      if (sp < n) break;
      if (sp > n && !literal) throw DECLINE; // more-indented lines in folded text
      if (e >= this.end) throw DECLINE; // text without a final line break
      lines.push(src.slice(p + n, e));
      lastTextLines = lines.length;
      lastTextEnd = next;
      p = next;
    }
    if (lastTextEnd < 0) throw DECLINE;
    lines.length = lastTextLines;
    let value: string;
    if (literal) {
      // One join, the final line break included: `join(...) + '\n'` would make every text a
      // rope (a cons string) that V8 copies into a flat string again when a rule first reads it.
      if (!strip) lines.push('');
      value = lines.join('\n');
    } else {
      value = '';
      let breaks = 0;
      let first = true;
      for (const line of lines) {
        if (line === '') {
          breaks++;
          continue;
        }
        value += first
          ? '\n'.repeat(breaks) + line
          : breaks === 0
            ? ` ${line}`
            : '\n'.repeat(breaks) + line;
        first = false;
        breaks = 0;
      }
      if (!strip) value += '\n';
    }
    return {
      node: textScalar(value, literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED, [
        r,
        lastTextEnd,
        lastTextEnd,
      ]),
      next: lastTextEnd,
    };
  }
}

/**
 * The node of the sequence item that starts on the line at `start` (its `-` at column
 * `indent`) and ends at `end`, as `yaml` would compose it; undefined when this reader does
 * not handle something in it.
 */
export function fastItem(
  src: string,
  start: number,
  end: number,
  indent: number,
): YAMLMap | undefined {
  if (unhandled(src.slice(start, end))) return undefined;
  try {
    return new Reader(src, end).item(start, indent).node;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}
