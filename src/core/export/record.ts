/**
 * The format-neutral record every export format is written from and every import format
 * is read into: one pair with its effective annotations (own value, else the file's
 * defaults) and its texts. Reading never expands aliases and never throws.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { LIST_DEFAULT_KEYS, SCALAR_DEFAULT_KEYS } from '../annotations';
import { effectiveField } from '../fields';
import type { PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';

/** An in-context example. */
export interface ExampleRecord {
  input: string;
  output: string;
}

/** A reviewer note. */
export interface ReviewRecord {
  by: string;
  note: string;
  resolved?: boolean;
}

/** One pair, format-neutral. Absent fields are left out, never null. */
export interface PairRecord {
  id?: string;
  task?: string;
  prompt_type?: string;
  response_type?: string;
  domain?: string;
  language?: string;
  traits?: string[];
  status?: string;
  /** The declared bucket only; the counted one depends on the guidelines. */
  prompt_length?: string;
  author?: string;
  reviewer?: string;
  system?: string;
  context?: string;
  examples?: ExampleRecord[];
  labels?: string[];
  prompt: string;
  response: string;
  review?: ReviewRecord[];
  tags?: string[];
  /** The file the pair came from, relative to where the export ran. */
  file?: string;
}

/** Every key of a record, in the order the plain JSONL format writes them. */
export const RECORD_KEYS = [
  'id',
  'task',
  'prompt_type',
  'response_type',
  'domain',
  'language',
  'traits',
  'status',
  'prompt_length',
  'author',
  'reviewer',
  'system',
  'context',
  'examples',
  'labels',
  'prompt',
  'response',
  'review',
  'tags',
  'file',
] as const satisfies readonly (keyof PairRecord)[];

/**
 * A text field as training data wants it: without the final newline a block scalar (`|`,
 * `>`, `|+`) gives its last line. Everything else (edge spaces, tabs, NBSP, U+3000, blank
 * lines, the extra newlines a `|+` keeps) is data and kept as written.
 */
export function cleanText(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * A scalar's value as the writer wrote it: a plain `3.10`, `0x10`, `007` or `yes` is the
 * text written, not the number or boolean YAML resolves it to (which would export as
 * `3.1`, `16`, `7`, `true`). Null (`~`, `null`, nothing) stays absent.
 */
function writtenText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}

/** The written strings of a list of scalars (flow or block); undefined when not a list. */
function writtenList(node: Node | null | undefined): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  return isSeq(node)
    ? (node.items as (Node | null)[]).map(writtenText).filter((t) => t !== undefined)
    : undefined;
}

function textOf(node: Node | null | undefined): string | undefined {
  const t = writtenText(node);
  if (t === undefined) return undefined;
  const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  return block ? cleanText(t) : t;
}

function examplesOf(node: Node | null | undefined): ExampleRecord[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: ExampleRecord[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) continue;
    const input = textOf(item.get('input', true) as Node | undefined);
    const output = textOf(item.get('output', true) as Node | undefined);
    if (input !== undefined && output !== undefined) out.push({ input, output });
  }
  return out;
}

function reviewOf(node: Node | null | undefined): ReviewRecord[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: ReviewRecord[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) continue;
    const by = writtenText(item.get('by', true) as Node | undefined);
    const note = textOf(item.get('note', true) as Node | undefined);
    if (by === undefined || note === undefined) continue;
    const resolvedNode = item.get('resolved', true) as Node | undefined;
    const r: ReviewRecord = { by, note };
    if (isScalar(resolvedNode) && typeof resolvedNode.value === 'boolean')
      r.resolved = resolvedNode.value;
    out.push(r);
  }
  return out;
}

/**
 * The record of one pair, or undefined when it has no prompt or no response text (a
 * pair that is not yet a demonstration).
 */
export function pairRecord(
  model: SftFileModel,
  pair: PairModel,
  file?: string,
): PairRecord | undefined {
  const own = (key: string): Node | null | undefined => pair.fields.get(key)?.value;
  const eff = (key: string): Node | null | undefined => effectiveField(model, pair, key)?.value;
  const prompt = textOf(own('prompt'));
  const response = textOf(own('response'));
  if (prompt === undefined || response === undefined) return undefined;
  const r: PairRecord = { prompt, response };
  const id = writtenText(own('id'));
  if (id !== undefined) r.id = id;
  for (const key of SCALAR_DEFAULT_KEYS) {
    const v = writtenText(eff(key));
    if (v !== undefined) r[key] = v;
  }
  for (const key of LIST_DEFAULT_KEYS) {
    const v = writtenList(eff(key));
    if (v !== undefined) r[key] = v;
  }
  const declared = writtenText(own('prompt_length'));
  if (declared !== undefined) r.prompt_length = declared;
  const system = textOf(own('system'));
  if (system) r.system = system;
  const context = textOf(own('context'));
  if (context) r.context = context;
  const examples = examplesOf(own('examples'));
  if (examples?.length) r.examples = examples;
  const labels = writtenList(own('labels'));
  if (labels) r.labels = labels;
  const review = reviewOf(own('review'));
  if (review?.length) r.review = review;
  if (file !== undefined) r.file = file;
  return orderKeys(r);
}

/** The same record with its keys in {@link RECORD_KEYS} order (stable JSON). */
export function orderKeys(r: PairRecord): PairRecord {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_KEYS) if (r[key] !== undefined) out[key] = r[key];
  return out as unknown as PairRecord;
}

/** One source file for an export. */
export interface SourceFile {
  /** Path as it should appear in `file` (relative, `/`). */
  path: string;
  model: SftFileModel;
}

/** What collecting records came to. */
export interface CollectedRecords {
  records: PairRecord[];
  /** One line per pair left out for having no prompt or response. */
  skipped: string[];
}

/** Records of every pair of the files, in file order, optionally only some statuses. */
export function collectRecords(
  files: readonly SourceFile[],
  opts: { statuses?: readonly string[] } = {},
): CollectedRecords {
  const records: PairRecord[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    for (const pair of f.model.pairs) {
      const r = pairRecord(f.model, pair, f.path);
      if (!r) {
        skipped.push(
          `${f.path}: pair ${pair.id ?? `#${pair.index + 1}`} has no prompt or response text; left out`,
        );
        continue;
      }
      if (opts.statuses && !opts.statuses.includes(r.status ?? '')) continue;
      records.push(r);
    }
  }
  return { records, skipped };
}
