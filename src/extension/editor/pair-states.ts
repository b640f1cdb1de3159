/**
 * What the pair editor shows of a file: each pair as a list row (id, effective task, prompt
 * type and status, bucket, problem count), the pair the card shows whole as a PairState
 * (texts, annotations, counts, its problems placed at their fields), and the diff between two
 * renderings that a push carries. The offset-free part of a state is kept in the pair's memo,
 * which an incremental re-parse shares between unchanged pairs; given the rendering before, a
 * pair whose memo, place and problems are the same keeps its row and signature as they were,
 * so a keystroke renders one pair, not 5,000.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { ANNOTATION_KEYS } from '../../core/annotations';
import { pairCounts } from '../../core/counts';
import type { Guidelines } from '../../core/guidelines';
import { pairRef } from '../../core/edit/intent';
import { scalarText, stringList, type PairModel } from '../../core/parse/model';
import { pairRange, pairView } from '../../core/parse/pair-view';
import type { SftFileModel } from '../../core/parse/parse';
import type { Problem } from '../../core/types';
import type { PairRow, PairState, ProblemState, UpdateMessage } from '../../shared/editor-protocol';

type Content = Pick<
  PairState,
  'texts' | 'keepsSpace' | 'annotations' | 'examples' | 'labels' | 'tags' | 'review'
>;

const CONTENT = 'editor:content';
const NONE: readonly Problem[] = [];
const TEXTS = ['system', 'context', 'prompt', 'response'];

/** One pair as rendered: its row, its signature, and what says it is still current. */
interface Rendered {
  row: PairRow;
  /**
   * The pair's content hash and row: with its problems, all its card shows. Made when first
   * compared (a pair taken over is the same object, and is not compared).
   */
  sig?: string;
  contentHash: () => number;
  /** The pair's memo (shared by an incremental re-parse while the pair is unchanged). */
  memo?: unknown;
  /** Its problems (document offsets) and where it starts: with the memo, all a state depends on. */
  problems: readonly Problem[];
  start: number;
}

/** The file as the pair editor shows it. */
export interface Rendering {
  model: SftFileModel;
  order: string[];
  pairs: Map<string, Rendered>;
  fileProblems: ProblemState[];
}

/**
 * Every pair's row, its problems grouped by pair. A pair of `before` with the same memo,
 * place and problems is taken over as it was.
 */
export function renderFile(
  model: SftFileModel,
  problems: readonly Problem[],
  g: Pick<Guidelines, 'length'>,
  before?: Rendering,
): Rendering {
  const ranges = model.pairs.map(pairRange);
  const byPair: Problem[][] = [];
  const fileProblems: ProblemState[] = [];
  for (const p of problems) {
    const i = pairIndexAt(ranges, p.start);
    if (i === undefined) fileProblems.push(problemState(p));
    else (byPair[i] ??= []).push(p);
  }
  const order: string[] = [];
  const pairs = new Map<string, Rendered>();
  for (const pair of model.pairs) {
    const ref = pairRef(model, pair);
    const key = 'id' in ref ? ref.id : `#${pair.index}`;
    const own = byPair[pair.index] ?? NONE;
    const start = ranges[pair.index].start;
    const was = before?.pairs.get(key);
    order.push(key);
    if (
      was?.memo === pair.memo &&
      was.row.index === pair.index &&
      sameRef(was.row.ref, ref) &&
      sameProblems(was, own, start)
    ) {
      // Taken over as the same object (a push compares it no further), at its new place.
      was.problems = own;
      was.start = start;
      pairs.set(key, was);
      continue;
    }
    const view = pairView(model, pair);
    const counts = pairCounts(pair, g);
    const row: PairRow = {
      key,
      ref,
      index: pair.index,
      id: pair.id,
      task: view.annotations.task,
      promptType: view.annotations.prompt_type,
      status: view.annotations.status,
      bucket: counts.bucket,
      problemCount: own.length,
    };
    pairs.set(key, {
      row,
      contentHash: () => view.contentHash,
      memo: pair.memo,
      problems: own,
      start,
    });
  }
  return { model, order, pairs, fileProblems };
}

/**
 * A pair whole, as the card shows it: its content (memoised on the pair), counts and its
 * problems placed at their fields. Undefined when the rendering has no such pair.
 */
export function pairState(
  r: Rendering,
  key: string,
  g: Pick<Guidelines, 'length'>,
): PairState | undefined {
  const rendered = r.pairs.get(key);
  if (!rendered) return undefined;
  const pair = r.model.pairs[rendered.row.index];
  const view = pairView(r.model, pair);
  const fieldAt = (offset: number) =>
    view.fields.find((f) => offset >= f.entryRange.start && offset <= f.entryRange.end)?.key;
  const counts = pairCounts(pair, g);
  const content = contentOf(pair);
  let inherited: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(view.annotations))
    if (value !== undefined && content.annotations[key] === undefined)
      (inherited ??= {})[key] = value;
  return {
    ...rendered.row,
    ...content,
    inherited,
    promptWords: counts.promptWords,
    responseWords: counts.responseWords,
    problems: rendered.problems.map((p) => ({ ...problemState(p), field: fieldAt(p.start) })),
  };
}

/** Whether `key`'s card differs between two renderings (or is in one only). */
export function cardChanged(before: Rendering | undefined, after: Rendering, key: string): boolean {
  return differs(before?.pairs.get(key), after.pairs.get(key));
}

function differs(a: Rendered | undefined, b: Rendered | undefined): boolean {
  if (a === b) return false;
  return !a || !b || sigOf(a) !== sigOf(b) || !sameProblems(a, b.problems, b.start);
}

function sigOf(r: Rendered): string {
  return (r.sig ??= signature(r.row, r.contentHash()));
}

/** Whether a pair has the same problems as when it was rendered, offsets from its start. */
function sameProblems(was: Rendered, own: readonly Problem[], start: number): boolean {
  const a = was.problems;
  if (a.length !== own.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = own[i];
    if (
      p.rule !== q.rule ||
      p.severity !== q.severity ||
      p.message !== q.message ||
      p.start - was.start !== q.start - start ||
      p.fixes?.length !== q.fixes?.length
    )
      return false;
  }
  return true;
}

/**
 * The keys of the pairs whose id or text (system, context, prompt, response, examples) holds
 * `query`, ignoring case, in file order.
 */
export function searchPairs(r: Rendering, query: string): string[] {
  const q = query.toLowerCase();
  if (!q) return [...r.order];
  return r.order.filter((key) => {
    const { row } = r.pairs.get(key)!;
    if ((row.id ?? '').toLowerCase().includes(q)) return true;
    const c = contentOf(r.model.pairs[row.index]);
    return (
      Object.values(c.texts).some((t) => t.toLowerCase().includes(q)) ||
      (c.examples ?? []).some(
        (e) => e.input.toLowerCase().includes(q) || e.output.toLowerCase().includes(q),
      )
    );
  });
}

/** What changed from `before` to `after`, as a push (without version and ack). */
export function diffRenderings(
  before: Rendering | undefined,
  after: Rendering,
): Pick<UpdateMessage, 'changed' | 'removed' | 'order' | 'fileProblems'> {
  const changed: PairRow[] = [];
  for (const [key, now] of after.pairs)
    if (!before || differs(before.pairs.get(key), now)) changed.push(now.row);
  const removed = before ? [...before.pairs.keys()].filter((k) => !after.pairs.has(k)) : [];
  const sameOrder =
    before !== undefined &&
    before.order.length === after.order.length &&
    before.order.every((k, i) => k === after.order[i]);
  const sameFile = JSON.stringify(before?.fileProblems) === JSON.stringify(after.fileProblems);
  return {
    changed,
    removed,
    order: sameOrder ? undefined : after.order,
    fileProblems: sameFile ? undefined : after.fileProblems,
  };
}

function sameRef(a: PairRow['ref'], b: PairRow['ref']): boolean {
  return 'id' in a ? 'id' in b && a.id === b.id : 'index' in b && a.index === b.index;
}

/** A pair's state changes when its text, place or effective annotations do (or its problems). */
function signature(row: PairRow, contentHash: number): string {
  return JSON.stringify([
    contentHash,
    row.index,
    row.ref,
    row.task,
    row.promptType,
    row.status,
    row.bucket,
  ]);
}

/** A problem as the webviews list it: rule, severity, message and the titles of its fixes. */
export function problemState(p: Problem): ProblemState {
  return {
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    fixes: (p.fixes ?? []).map((f) => f.title),
  };
}

/** The pair whose range holds the offset (binary search: ranges are in file order). */
export function pairIndexAt(
  ranges: readonly { start: number; end: number }[],
  offset: number,
): number | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return mid;
  }
  return undefined;
}

function contentOf(pair: PairModel): Content {
  const memo = pair.memo.get(CONTENT) as Content | undefined;
  if (memo) return memo;
  const texts: Record<string, string> = {};
  const keepsSpace: string[] = [];
  for (const k of TEXTS) {
    const node = pair.fields.get(k)?.value;
    const t = scalarText(node);
    if (t !== undefined) texts[k] = t;
    if (isScalar(node) && node.type !== Scalar.PLAIN) keepsSpace.push(k);
  }
  const annotations: Record<string, string | string[]> = {};
  for (const k of ANNOTATION_KEYS) {
    const node = pair.fields.get(k)?.value;
    const v = isSeq(node) ? stringList(node) : scalarText(node);
    if (v !== undefined) annotations[k] = v;
  }
  const examples = pair.fields.get('examples')?.value;
  const reviews = pair.fields.get('review')?.value;
  const out: Content = {
    texts,
    keepsSpace,
    annotations,
    examples: isSeq(examples)
      ? (examples.items as Node[]).filter(isMap).map((m) => ({
          input: scalarText(m.get('input', true) as Node | undefined) ?? '',
          output: scalarText(m.get('output', true) as Node | undefined) ?? '',
        }))
      : undefined,
    labels: stringList(pair.fields.get('labels')?.value),
    tags: stringList(pair.fields.get('tags')?.value),
    review: isSeq(reviews)
      ? (reviews.items as Node[]).filter(isMap).map((m) => ({
          by: scalarText(m.get('by', true) as Node | undefined) ?? '',
          note: scalarText(m.get('note', true) as Node | undefined) ?? '',
          resolved: scalarText(m.get('resolved', true) as Node | undefined) === 'true',
        }))
      : [],
  };
  pair.memo.set(CONTENT, out);
  return out;
}
