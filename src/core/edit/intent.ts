/**
 * What a writer (or a tool acting for one) asks to change in a pairs file. Every surface
 * (quick fixes, fix-all, `sft lint --fix`, the annotation picker, Insert Pair, Generate Ids,
 * import, the pair editor) says what it wants as an intent; `planEdits` turns it into the
 * smallest document edits that keep the text's own style.
 */
import type { PairModel } from '../parse/model';
import { pairsStep, type SftFileModel } from '../parse/parse';
import type { Fix, Problem } from '../types';
import type { PairEntry } from './pair-writer';

/** A pair by its id; by its index only where it has no id (or shares it within the file). */
export type PairRef = { id: string } | { index: number };

/** The value of a field: a text, a list of words, or (`undefined`) no field at all. */
export type FieldValue = string | readonly string[] | undefined;

/** Lint a text (for fix-all's passes). */
export type LintText = (text: string) => readonly Problem[];

/** Every kind of change. */
export type EditIntent =
  /** Give a field a text (kept in the field's style: a `|` block stays a block), a list, or remove it (`undefined`). */
  | { kind: 'setField'; pair: PairRef; key: string; value: FieldValue }
  /** Give an annotation a value: a word, or a list for traits and tags. */
  | { kind: 'setAnnotation'; pair: PairRef; key: string; value: string | readonly string[] }
  /** Set (or, with `undefined`, remove) an annotation in the file's `defaults`. */
  | { kind: 'setDefault'; key: string; value: FieldValue }
  /**
   * Add a pair after `after` (else after the pair holding `offset`, else last), written by
   * the one pair serializer in the file's layout.
   */
  | { kind: 'addPair'; entries: readonly PairEntry[]; after?: PairRef; offset?: number }
  /** A copy of a pair right after it, with a new id (given, else the next free one in the file). */
  | { kind: 'duplicatePair'; pair: PairRef; id?: string }
  | { kind: 'removePair'; pair: PairRef }
  /** Move a pair (with the comment lines that lead it) to position `to` of the list. */
  | { kind: 'movePair'; pair: PairRef; to: number }
  /** Add an in-context example (input, then output) at the end of the pair's `examples`. */
  | { kind: 'addExample'; pair: PairRef; input: string; output: string }
  /** Give example `index`'s `input` or `output` a text (kept in its style). */
  | { kind: 'setExample'; pair: PairRef; index: number; key: 'input' | 'output'; value: string }
  /** Remove example `index` (its lines; the last one takes `examples:` with it). */
  | { kind: 'removeExample'; pair: PairRef; index: number }
  /** Add a note to the end of the pair's `review` list. */
  | { kind: 'addReviewNote'; pair: PairRef; by: string; note: string }
  /** Mark review note `note` (its index in the list) `resolved: true`, or `false`. */
  | { kind: 'resolveReviewNote'; pair: PairRef; note: number; resolved?: boolean }
  /** `# sft-ignore rule: reason` in the pair. */
  | { kind: 'silence'; pair: PairRef; rules: string | readonly string[]; reason: string }
  /** One quick fix (`fix`), or every problem's preferred fix as fix-all applies them (passes re-lint with `lint`). */
  | { kind: 'applyFixes'; fix: Fix }
  | { kind: 'applyFixes'; problems: readonly Problem[]; lint?: LintText };

/** The intent of one kind. */
export type IntentOf<K extends EditIntent['kind']> = Extract<EditIntent, { kind: K }>;

/**
 * How many pairs carry each id, per pairs list (a model's list is not changed once parsed).
 * The pair editor asks for the ref of every pair of a file on each push: counting the file
 * for each pair made that quadratic (5,000 pairs, 25 million comparisons per keystroke).
 */
interface IdCounts {
  length: number;
  counts: Map<string, number>;
}
const idCounts = new WeakMap<readonly PairModel[], IdCounts>();

function pairsWithId(model: SftFileModel, id: string): number {
  let known = idCounts.get(model.pairs);
  if (known?.length !== model.pairs.length) {
    known = carriedCounts(model.pairs) ?? countIds(model.pairs);
    idCounts.set(model.pairs, known);
  }
  return known.counts.get(id) ?? 0;
}

function countIds(pairs: readonly PairModel[]): IdCounts {
  const counts = new Map<string, number>();
  for (const p of pairs) if (p.id !== undefined) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  return { length: pairs.length, counts };
}

/**
 * After an edit of one pair, the counts of the list before it with that pair's id counted
 * again: per keystroke, one pair rather than the file's 5,000. The list before gives its
 * counts up (it counts afresh, should it be asked again).
 */
function carriedCounts(pairs: readonly PairModel[]): IdCounts | undefined {
  const step = pairsStep(pairs);
  const known = step && idCounts.get(step.from);
  if (!step || !known || known.length !== pairs.length) return undefined;
  idCounts.delete(step.from);
  const was = step.from[step.index].id;
  const now = pairs[step.index].id;
  if (was !== now) {
    if (was !== undefined) {
      const n = known.counts.get(was)! - 1;
      if (n) known.counts.set(was, n);
      else known.counts.delete(was);
    }
    if (now !== undefined) known.counts.set(now, (known.counts.get(now) ?? 0) + 1);
  }
  return known;
}

/** How to address a pair: its id when that names it alone in the file, else its index. */
export function pairRef(model: SftFileModel, pair: PairModel): PairRef {
  const { id } = pair;
  if (id !== undefined && pairsWithId(model, id) === 1) return { id };
  return { index: pair.index };
}

/** The pair a reference names, if any (an id shared by several pairs names none). */
export function resolvePair(model: SftFileModel, ref: PairRef): PairModel | undefined {
  if ('index' in ref) return model.pairs[ref.index];
  if (pairsWithId(model, ref.id) !== 1) return undefined;
  return model.pairs.find((p) => p.id === ref.id);
}
