/**
 * The one writer of new pairs: Insert Pair's template, a pair added by the pair editor and
 * every pair an import writes come from `writePair`, as YAML text in the file's layout and,
 * for a template, as a snippet whose tab stops run through the annotations to ask for, then
 * the texts. Values are written as every other edit writes them: plain where safe for any
 * YAML reader, else quoted; texts of several lines as blocks (in the file's text styles).
 */
import { TEXT_FIELDS } from '../annotations';
import { yamlScalar } from './scalar-write';
import { DEFAULT_TEXT_STYLES, writeNewText, type TextStyles } from './text-write';

/** An in-context example or a review note. */
export type PairItem = {
  readonly [K in 'input' | 'output' | 'by' | 'note' | 'resolved']?: string | boolean;
};

/** A value a new pair holds: a text, a number or boolean, a list of words, or a list of examples or review notes. */
export type PairValue = string | number | boolean | readonly string[] | readonly PairItem[];

/** One entry of a new pair: a value, or (in a template) a choice, a free value or an empty text to fill in. */
export type PairEntry =
  | { key: string; kind: 'value'; value: PairValue }
  | { key: string; kind: 'choice'; values: readonly string[]; list?: boolean }
  | { key: string; kind: 'free' }
  | { key: string; kind: 'text' };

/** How a pair is laid out: the `-` column, keys some columns after it, texts in the file's styles. */
export interface PairLayout {
  /** Column of the `-`. */
  indent: number;
  /** Columns from the `-` to the keys (2 for `- id:`). */
  keyOffset: number;
  eol: string;
  texts?: TextStyles;
}

/** Lists written on one line, `[a, b]`: short lists of words. */
const FLOW_LISTS = new Set(['traits', 'labels', 'tags']);

const snippetText = (s: string): string => s.replace(/[\\$}]/g, '\\$&');
const snippetChoice = (s: string): string => s.replace(/[\\$},|]/g, '\\$&');

/** Lines of text and of snippet, built side by side. */
class Lines {
  readonly text: string[] = [];
  readonly snippet: string[] = [];
  /** The same literal lines in both. */
  both(...lines: string[]): void {
    this.text.push(...lines);
    this.snippet.push(...lines.map(snippetText));
  }
  /** A literal start, then different ends. */
  split(lead: string, text: string, snippet: string): void {
    this.text.push(lead + text);
    this.snippet.push(snippetText(lead) + snippet);
  }
  /** A line of the snippet alone (a tab stop's place, which the plain text leaves out). */
  snippetOnly(line: string): void {
    this.snippet.push(line);
  }
}

/** The lines of a value under `lead` (`    key:`, or `  - key:`), its key at column `col`. */
function writeValue(
  out: Lines,
  lead: string,
  key: string,
  value: PairValue,
  col: number,
  layout: PairLayout,
): void {
  if (typeof value === 'string') {
    // Texts in the file's styles; ids, annotations and notes plain where safe.
    const styles = (TEXT_FIELDS as readonly string[]).includes(key)
      ? (layout.texts ?? DEFAULT_TEXT_STYLES)
      : DEFAULT_TEXT_STYLES;
    const source = writeNewText(value, styles, {
      inFlow: false,
      indent: col,
      col: col + 2,
      eol: layout.eol,
    });
    out.both(...`${lead} ${source}`.split(layout.eol));
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out.both(`${lead} ${String(value)}`);
  } else if (!value.length) {
    out.both(`${lead} []`);
  } else if (value.every((v): v is string => typeof v === 'string')) {
    if (FLOW_LISTS.has(key)) out.both(`${lead} [${value.map((v) => yamlScalar(v)).join(', ')}]`);
    else out.both(lead, ...value.map((v) => `${' '.repeat(col + 2)}- ${yamlScalar(v, false)}`));
  } else {
    out.both(lead);
    for (const item of value) {
      const entries = Object.entries(item).filter(
        (e): e is [string, string | boolean] => e[1] !== undefined,
      );
      entries.forEach(([k, v], i) => {
        const itemLead =
          i === 0
            ? `${' '.repeat(col + 2)}- ${yamlScalar(k)}:`
            : `${' '.repeat(col + 4)}${yamlScalar(k)}:`;
        writeValue(out, itemLead, k, v, col + 4, layout);
      });
    }
  }
}

/**
 * A new pair as plain text and as a snippet (choices at their first value, texts empty: an
 * empty `|` block in the text, a caret line in the snippet); both end with a line break. Tab stops: the choices and free values in the order written,
 * then each empty text; the response's is also where the snippet ends.
 */
export function writePair(
  entries: readonly PairEntry[],
  layout: PairLayout,
): { snippet: string; text: string } {
  const col = layout.indent + layout.keyOffset;
  const keyPad = ' '.repeat(col);
  const asked = entries.filter((f) => f.kind === 'choice' || f.kind === 'free');
  let stop = 0;
  const stopOf = new Map<PairEntry, number>(asked.map((f) => [f, ++stop]));
  const out = new Lines();
  entries.forEach((f, i) => {
    const lead = `${i === 0 ? `${' '.repeat(layout.indent)}-${' '.repeat(layout.keyOffset - 1)}` : keyPad}${yamlScalar(f.key)}:`;
    if (f.kind === 'value') writeValue(out, lead, f.key, f.value, col, layout);
    else if (f.kind === 'choice') {
      const values = f.values.map((v) => yamlScalar(v, f.list));
      const choice = `\${${stopOf.get(f)}|${values.map(snippetChoice).join(',')}|}`;
      out.split(`${lead} `, f.list ? `[${values[0]}]` : values[0], f.list ? `[${choice}]` : choice);
    } else if (f.kind === 'free') {
      out.split(lead, '', ` \${${stopOf.get(f)}}`);
    } else {
      // An empty block: the plain text has no body line (a line of spaces would be kept as
      // the writer's own); the snippet has one, indented, for its tab stop to stand on.
      out.both(`${lead} |`);
      out.snippetOnly(`${snippetText(keyPad)}  \${${++stop}}${f.key === 'response' ? '$0' : ''}`);
    }
  });
  return {
    snippet: out.snippet.join(layout.eol) + layout.eol,
    text: out.text.join(layout.eol) + layout.eol,
  };
}

/** A pair's entries from a record of values, in `order` (keys not in it after, in their own order), absent values left out. */
export function valueEntries(
  values: Readonly<Record<string, PairValue | undefined>>,
  order: readonly string[],
): PairEntry[] {
  const keys = [
    ...order.filter((k) => k in values),
    ...Object.keys(values).filter((k) => !order.includes(k)),
  ];
  return keys.flatMap((key) => {
    const value = values[key];
    return value === undefined ? [] : [{ key, kind: 'value' as const, value }];
  });
}
