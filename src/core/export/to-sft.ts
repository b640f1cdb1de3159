/**
 * Records back into a `.sft.yaml` text, each pair written by the one pair writer that Insert
 * Pair and the pair editor use too: multi-line text as `|` blocks, everything else quoted
 * only where a YAML reader could misread it, short lists in flow style, a blank line between pairs.
 */
import { PAIR_KEYS } from '../annotations';
import { valueEntries, writePair } from '../edit/pair-writer';
import { DEFAULT_TEXT_STYLES, writeNewText } from '../edit/text-write';
import { ID_PATTERN } from '../schema';
import type { PairRecord } from './record';

/** Options for {@link recordsToSft}. */
export interface ToSftOptions {
  /** Prefix of generated ids: `prefix-0001`, ... */
  idPrefix: string;
  /** A comment for the top of the file (where the pairs came from). */
  comment?: string;
}

/** Ids for records that lack one, skipping ids already taken. */
function assignIds(records: readonly PairRecord[], prefix: string): string[] {
  const taken = new Set(records.map((r) => r.id).filter((id): id is string => id !== undefined));
  let n = 0;
  return records.map((r) => {
    if (r.id !== undefined) return r.id;
    let id: string;
    do id = `${prefix}-${String(++n).padStart(4, '0')}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  });
}

/**
 * A text as the pair writer is given it: a text ending in a line break that the writer
 * puts in a block scalar gets one more, since the export leaves out the final newline of a
 * block (record.ts). Export then gives the text back byte for byte.
 */
function blockSafe(text: string): string {
  if (!text.endsWith('\n')) return text;
  const more = `${text}\n`;
  const written = writeNewText(more, DEFAULT_TEXT_STYLES, {
    inFlow: false,
    indent: 4,
    col: 6,
    eol: '\n',
  });
  return /^[|>]/.test(written) ? more : text;
}

/** The record with every text field ready for the pair writer ({@link blockSafe}). */
function forWriter(r: PairRecord): PairRecord {
  const out: PairRecord = { ...r, prompt: blockSafe(r.prompt), response: blockSafe(r.response) };
  if (r.system !== undefined) out.system = blockSafe(r.system);
  if (r.context !== undefined) out.context = blockSafe(r.context);
  if (r.examples)
    out.examples = r.examples.map((e) => ({
      input: blockSafe(e.input),
      output: blockSafe(e.output),
    }));
  if (r.review) out.review = r.review.map((n) => ({ ...n, note: blockSafe(n.note) }));
  return out;
}

/** Whether an id prefix makes valid ids. */
export function isValidIdPrefix(prefix: string): boolean {
  return ID_PATTERN.test(`${prefix}-0001`);
}

/** A `.sft.yaml` text holding the records, ids generated where missing. */
export function recordsToSft(records: readonly PairRecord[], opts: ToSftOptions): string {
  const ids = assignIds(records, opts.idPrefix);
  const head = opts.comment
    ? `${opts.comment
        .split(/\r?\n/)
        .map((l) => `# ${l}`)
        .join('\n')}\n\n`
    : '';
  if (!records.length) return `${head}sft: 1\npairs: []\n`;
  const layout = { indent: 2, keyOffset: 2, eol: '\n' };
  // The format's key order, as Insert Pair writes a new pair too; `file` is where an export found it, not a field.
  const pairs = records.map(
    ({ file: _file, ...r }, i) =>
      writePair(valueEntries({ ...forWriter(r), id: ids[i] }, PAIR_KEYS), layout).text,
  );
  return `${head}sft: 1\npairs:\n${pairs.join('\n')}`;
}
