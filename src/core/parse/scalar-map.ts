/**
 * Maps offsets inside a scalar's resolved value back to offsets in its source text, so a
 * problem points at the exact phrase, whatever the scalar style (plain, quoted, literal,
 * folded), line endings (LF, CRLF) or escapes (`\n`, `\"`, `\u00e9`).
 *
 * Built lazily (only when a problem needs a range) by aligning the value with the source:
 * content characters appear in order in both; the source adds indentation, quotes, folded
 * line breaks and escapes. When the alignment does not account for every value character
 * the map falls back to the whole scalar, so a range is never wrong, only coarse.
 */
import { Scalar } from 'yaml';
import type { Span } from '../types';

/** A lazily built value-to-source map for one scalar. */
export interface ScalarMap {
  /** Source span of value[start, end). */
  span(start: number, end: number): Span;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function isBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r';
}

/** Where the scalar's content starts: after the opening quote or the block header line. */
function contentStart(src: string, start: number, type: Scalar['type']): number {
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) return start + 1;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    const nl = src.indexOf('\n', start);
    return nl < 0 ? src.length : nl + 1;
  }
  return start;
}

/**
 * Align `value` with `src[from, to)`. Returns per-character start and end offsets, or null
 * when some value character could not be placed.
 */
function align(
  value: string,
  src: string,
  from: number,
  to: number,
  double: boolean,
): { starts: Int32Array; ends: Int32Array } | null {
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let j = from;
  for (let i = 0; i < value.length;) {
    if (j >= to) return null;
    const v = value[i];
    const s = src[j];
    if (double && s === '\\') {
      const e = src[j + 1];
      if (isBreak(e)) {
        // escaped line break: joins lines, adds nothing to the value
        j += e === '\r' && src[j + 2] === '\n' ? 3 : 2;
        while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
        continue;
      }
      const hex = e === undefined ? undefined : HEX_ESCAPES[e];
      if (hex !== undefined) {
        const code = Number.parseInt(src.slice(j + 2, j + 2 + hex), 16);
        const decoded = Number.isNaN(code) ? '' : String.fromCodePoint(code);
        if (decoded && value.startsWith(decoded, i)) {
          for (let k = 0; k < decoded.length; k++) {
            starts[i + k] = j;
            ends[i + k] = j + 2 + hex;
          }
          i += decoded.length;
          j += 2 + hex;
          continue;
        }
        return null;
      }
      if (e !== undefined && SIMPLE_ESCAPES[e] === v) {
        starts[i] = j;
        ends[i] = j + 2;
        i++;
        j += 2;
        continue;
      }
      return null;
    }
    if (v === s) {
      starts[i] = j;
      ends[i] = j + 1;
      i++;
      j++;
      continue;
    }
    if ((v === '\n' || v === ' ') && isBreak(s)) {
      // a line break, kept or folded to a space
      const len = s === '\r' && src[j + 1] === '\n' ? 2 : 1;
      starts[i] = j;
      ends[i] = j + len;
      i++;
      j += len;
      continue;
    }
    j++; // source-only character: indentation, quote, escaped quote's twin, trailing space
  }
  return { starts, ends };
}

/** Build the lazy map for a scalar node whose offsets index into `src`. */
export function scalarMap(src: string, node: Scalar): ScalarMap {
  const [start, valueEnd] = node.range ?? [0, 0];
  const whole: Span = { start, end: valueEnd };
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  let table: { starts: Int32Array; ends: Int32Array } | null | undefined;
  return {
    span(a, b) {
      if (table === undefined) {
        table = align(
          value,
          src,
          contentStart(src, start, node.type),
          valueEnd,
          node.type === Scalar.QUOTE_DOUBLE,
        );
      }
      if (!table || a < 0 || b > value.length || a >= b) {
        if (table && a === b && a <= value.length) {
          const at =
            a < value.length
              ? table.starts[a]
              : value.length
                ? table.ends[value.length - 1]
                : whole.start;
          return { start: at, end: at };
        }
        return whole;
      }
      return { start: table.starts[a], end: table.ends[b - 1] };
    },
  };
}
