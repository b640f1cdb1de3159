/**
 * Plain JSONL: one record per line with every annotation and field (see record.ts), the
 * lossless format. Keys are written in a fixed order; absent fields are left out.
 */
import {
  orderKeys,
  RECORD_KEYS,
  type ExampleRecord,
  type PairRecord,
  type ReviewRecord,
} from './record';
import { noteUnknownKeys, objectLines, stringOf, stringsOf, type ImportResult } from './read';

/** Write records as plain JSONL. */
export function writeJsonl(records: readonly PairRecord[]): string {
  return records.map((r) => JSON.stringify(orderKeys(r)) + '\n').join('');
}

const STRING_KEYS = [
  'id',
  'task',
  'prompt_type',
  'response_type',
  'domain',
  'language',
  'status',
  'prompt_length',
  'author',
  'reviewer',
  'system',
  'context',
  'file',
] as const;
const LIST_KEYS = ['traits', 'labels', 'tags'] as const;

function examplesOf(v: unknown): ExampleRecord[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: ExampleRecord[] = [];
  for (const e of v as unknown[]) {
    const o = e as Record<string, unknown> | null;
    const input = stringOf(o?.input);
    const output = stringOf(o?.output);
    if (input === undefined || output === undefined) return undefined;
    out.push({ input, output });
  }
  return out;
}

function reviewOf(v: unknown): ReviewRecord[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: ReviewRecord[] = [];
  for (const e of v as unknown[]) {
    const o = e as Record<string, unknown> | null;
    const by = stringOf(o?.by);
    const note = stringOf(o?.note);
    if (
      by === undefined ||
      note === undefined ||
      (o?.resolved !== undefined && typeof o.resolved !== 'boolean')
    )
      return undefined;
    const r: ReviewRecord = { by, note };
    if (typeof o?.resolved === 'boolean') r.resolved = o.resolved;
    out.push(r);
  }
  return out;
}

/** Read plain JSONL; a field of the wrong type is dropped with a problem, the rest kept. */
export function readJsonl(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectLines(text, result.problems)) {
    const prompt = stringOf(value.prompt);
    const response = stringOf(value.response);
    if (prompt === undefined || response === undefined) {
      result.problems.push(`${where}: needs "prompt" and "response" strings; skipped`);
      continue;
    }
    const r: PairRecord = { prompt, response };
    const drop = (key: string): void => {
      result.problems.push(`${where}: "${key}" has the wrong type; left out`);
    };
    for (const key of STRING_KEYS) {
      if (value[key] === undefined || value[key] === null) continue;
      const s = stringOf(value[key]);
      if (s === undefined) drop(key);
      else r[key] = s;
    }
    for (const key of LIST_KEYS) {
      if (value[key] === undefined || value[key] === null) continue;
      const list = stringsOf(value[key]);
      if (list === undefined) drop(key);
      else r[key] = list;
    }
    if (value.examples !== undefined && value.examples !== null) {
      const ex = examplesOf(value.examples);
      if (ex) r.examples = ex;
      else drop('examples');
    }
    if (value.review !== undefined && value.review !== null) {
      const rv = reviewOf(value.review);
      if (rv) r.review = rv;
      else drop('review');
    }
    noteUnknownKeys(where, value, RECORD_KEYS, result.problems);
    result.records.push(orderKeys(r));
  }
  return result;
}
