/**
 * Writing a text as YAML source in a chosen style (plain, quoted, a `|` or `>` block), read
 * back before it is used: a style that cannot hold the text gives way to the smallest safe
 * change (a block to the other block style, a plain or single-quoted scalar to double quotes).
 */
import { Scalar } from 'yaml';
import { readsAs, type ScalarContext } from './scalar-read';
import { doubleQuoted, plainSafe, singleQuoted } from './scalar-write';

/** A scalar style. */
export type TextStyle = Scalar.Type;

/** Block chomping: strip `-`, clip (none), keep `+`. */
export type Chomp = '' | '-' | '+';

/** Where a block goes: its parent's indentation, its content's column and the line ending. */
export interface BlockPlace extends ScalarContext {
  /** Column of the block's content lines. */
  col: number;
  eol: string;
}

/** Whether a style is a block style. */
function isBlockStyle(type: TextStyle | undefined): boolean {
  return type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED;
}

/** The chomping a value needs: none of its own final line breaks is `-`, one is clip, more is `+`. */
function chompFor(value: string): Chomp {
  const breaks = /\n*$/.exec(value)![0].length;
  return breaks === 0 ? '-' : breaks === 1 ? '' : '+';
}

/**
 * `value` as a block scalar (header, line break, content lines; no line break after the last
 * one), or undefined when the block would not read back as `value`. `folded` writes each
 * line break as a blank line, which a folded block reads back as one break.
 */
function writeBlock(
  value: string,
  folded: boolean,
  chomp: Chomp,
  place: BlockPlace,
): string | undefined {
  if (!value.replace(/\n+$/, '') || /\r/.test(value) || place.col <= place.indent) return undefined;
  const body = chomp !== '-' && value.endsWith('\n') ? value.slice(0, -1) : value;
  const lines = folded ? body.split('\n').flatMap((l, i) => (i ? ['', l] : [l])) : body.split('\n');
  // Content that starts with a space needs its indentation said, or the space is taken for indentation.
  const first = lines.find((l) => l !== '');
  const explicit = first !== undefined && /^[ \t]/.test(first) ? place.col - place.indent : 0;
  if (explicit > 9) return undefined;
  const pad = ' '.repeat(place.col);
  const header = `${folded ? '>' : '|'}${explicit || ''}${chomp}`;
  const source = `${header}${place.eol}${lines.map((l) => (l ? pad + l : '')).join(place.eol)}`;
  const type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  // Read back with the line break that ends the block's last line, as it will be written.
  return readsAs(`${source}${place.eol}`, type, value, place) ? source : undefined;
}

/** `value` as a one-line (flow) scalar of `type` that reads back as `value`, or undefined. */
function writeFlow(value: string, type: TextStyle, ctx: ScalarContext): string | undefined {
  if (type === Scalar.PLAIN) return plainSafe(value, ctx.inFlow) ? value : undefined;
  if (type === Scalar.QUOTE_SINGLE) return singleQuoted(value);
  return doubleQuoted(value);
}

/**
 * `value` written in `type` when that style holds it, else in the nearest style that does:
 * a block in the other block style, a one-line text plain (when the block is for many lines
 * only), else double-quoted, which holds any text.
 */
export function writeText(
  value: string,
  type: TextStyle,
  place: BlockPlace,
  chomp: Chomp = chompFor(value),
): string {
  if (isBlockStyle(type) && !place.inFlow) {
    const folded = type === Scalar.BLOCK_FOLDED;
    // The chomping first, then the block style: a text that needs another chomping keeps the style.
    for (const [f, c] of [
      [folded, chomp],
      [!folded, chomp],
      [folded, chompFor(value)],
      [!folded, chompFor(value)],
    ] as const) {
      const block = writeBlock(value, f, c, place);
      if (block !== undefined) return block;
    }
  }
  const flow = isBlockStyle(type) ? undefined : writeFlow(value, type, place);
  return flow ?? doubleQuoted(value);
}

/** A new text in the file's style for texts of its shape: `multi` for texts of several lines, `single` for one line. */
export interface TextStyles {
  single: TextStyle;
  multi: TextStyle;
}

/** What a file without texts to go by gets: plain where safe, `|` blocks for several lines. */
export const DEFAULT_TEXT_STYLES: TextStyles = {
  single: Scalar.PLAIN,
  multi: Scalar.BLOCK_LITERAL,
};

/** `value` as a new scalar in the file's styles. */
export function writeNewText(value: string, styles: TextStyles, place: BlockPlace): string {
  return writeText(value, /\n/.test(value) ? styles.multi : styles.single, place);
}
