/**
 * Records back into a `.sft.yaml` text, built with the `yaml` Document API (never by string
 * concatenation): multi-line text as `|` block scalars, everything else quoted only where
 * YAML needs it, short lists in flow style, a blank line between pairs.
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit, type YAMLMap } from 'yaml';
import { PAIR_KEYS } from '../annotations';
import { ID_PATTERN } from '../schema';
import type { PairRecord } from './record';

const FLOW_LISTS = new Set(['traits', 'labels', 'tags']);

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
    do id = `${prefix}-${String(++n).padStart(4, '0')}`; while (taken.has(id));
    taken.add(id);
    return id;
  });
}

/** Whether an id prefix makes valid ids. */
export function isValidIdPrefix(prefix: string): boolean {
  return ID_PATTERN.test(`${prefix}-0001`);
}

/** A `.sft.yaml` text holding the records, ids generated where missing. */
export function recordsToSft(records: readonly PairRecord[], opts: ToSftOptions): string {
  const ids = assignIds(records, opts.idPrefix);
  const pairs = records.map((r, i) => {
    const entry: Record<string, unknown> = {};
    // The format's key order, as Insert Pair writes a new pair too.
    for (const key of PAIR_KEYS) {
      const value = key === 'id' ? ids[i] : r[key];
      if (value !== undefined) entry[key] = value;
    }
    return entry;
  });
  const doc = new Document({ sft: 1, pairs });
  if (opts.comment) doc.commentBefore = ` ${opts.comment}`;
  const seq = doc.get('pairs', true);
  if (isSeq(seq)) {
    seq.items.forEach((item, i) => {
      if (!isMap(item)) return;
      if (i > 0) item.spaceBefore = true;
      for (const p of (item as YAMLMap).items) {
        if (isScalar(p.key) && FLOW_LISTS.has(String(p.key.value)) && isSeq(p.value)) p.value.flow = true;
      }
    });
  }
  visit(doc, {
    Scalar(key, node) {
      // Values only (keys are plain words); multi-line strings read best as literal blocks.
      if (key === 'key' || typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
