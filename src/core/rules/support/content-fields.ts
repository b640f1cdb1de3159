/**
 * Shared plumbing for the task-shape, content and text rules: which scalars a field name
 * covers (text fields, example inputs and outputs, labels), and where to point a problem about
 * a pair when the value at fault is not the pair's own (an annotation from `defaults`
 * lives in document offsets, which a pair rule must never report in).
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { PairContext } from '../../rule';
import { TEXT_FIELDS } from '../../annotations';
import { annotationText } from './node-shape';
import type { Span } from '../../types';

/** One scalar a rule scans, with the field it belongs to. */
export interface FieldScalar {
  /** `system`, `context`, `prompt`, `response`, `examples.input`, `examples.output` or `labels`. */
  field: string;
  /** The scalar's place for a message: the field, or `examples[0].input` for one example's input. */
  name: string;
  node: Scalar;
  /** The scalar's resolved text. */
  text: string;
}

/** Field names a rule or guideline entry may list; `examples` means inputs and outputs. */
export const CONTENT_FIELDS = [
  'system',
  'context',
  'prompt',
  'response',
  'examples',
  'examples.input',
  'examples.output',
  'labels',
] as const;

/** Every field name `fieldSet` takes: the content fields, and `input` and `output` for an example's. */
export const FIELD_NAMES: [string, ...string[]] = [...CONTENT_FIELDS, 'input', 'output'];

function textOf(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? node.value : String(node.value);
}

/** Normalises field names from guidelines (`input`, `examples.input`, `examples`). */
export function fieldSet(fields: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    if (f === 'examples') {
      out.add('examples.input');
      out.add('examples.output');
    } else if (f === 'input' || f === 'output') out.add(`examples.${f}`);
    else out.add(f);
  }
  return out;
}

/**
 * The fields a rule's `fields` option names (a list of FIELD_NAMES, already checked against
 * the rule's schema), else `fallback`; normalised by `fieldSet`.
 */
export function fieldsOption(value: unknown, fallback: readonly string[]): Set<string> {
  return fieldSet(
    Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : fallback,
  );
}

const ALL_FIELDS = fieldSet(CONTENT_FIELDS);
const ALL_SCALARS = 'content-fields:all';

/**
 * The scalars of the pair that `fields` (normalised by `fieldSet`) cover, in source order: a
 * text field's value, each example's input and output, each label. A key given twice counts
 * once (the first, as the parser's `fields` keeps it). The pair's scalars are collected once
 * (memoised on the pair, which an edit replaces) and shared by the rules that read them: do
 * not change the list.
 */
export function fieldScalars(
  ctx: PairContext,
  fields: ReadonlySet<string>,
): readonly FieldScalar[] {
  let all = ctx.pair.memo.get(ALL_SCALARS) as FieldScalar[] | undefined;
  if (!all) {
    all = collectScalars(ctx, ALL_FIELDS);
    ctx.pair.memo.set(ALL_SCALARS, all);
  }
  let covers = coversAll.get(fields);
  if (covers === undefined) {
    covers = [...ALL_FIELDS].every((f) => fields.has(f));
    coversAll.set(fields, covers);
  }
  return covers ? all : all.filter((s) => fields.has(s.field));
}

/** Whether a rule's field set covers every field (the sets are the rules' own, made once). */
const coversAll = new WeakMap<ReadonlySet<string>, boolean>();

function collectScalars(ctx: PairContext, fields: ReadonlySet<string>): FieldScalar[] {
  const out: FieldScalar[] = [];
  for (const entry of ctx.pair.entries) {
    const key = entry.key;
    if (ctx.pair.fields.get(key) !== entry) continue;
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      if (!fields.has(key)) continue;
      const text = textOf(entry.value);
      if (text !== undefined)
        out.push({ field: key, name: key, node: entry.value as Scalar, text });
    } else if (key === 'examples' && isSeq(entry.value)) {
      if (!fields.has('examples.input') && !fields.has('examples.output')) continue;
      (entry.value.items as (Node | null)[]).forEach((ex, i) => {
        if (isMap(ex)) exampleScalars(ex, i, fields, out);
      });
    } else if (key === 'labels' && fields.has('labels')) {
      const items = isSeq(entry.value) ? (entry.value.items as (Node | null)[]) : [entry.value];
      for (const it of items) {
        const text = textOf(it);
        if (text !== undefined)
          out.push({ field: 'labels', name: 'labels', node: it as Scalar, text });
      }
    }
  }
  return out;
}

/** The input and output of the `i`th example, as `fields` asks for them. */
function exampleScalars(
  ex: YAMLMap,
  i: number,
  fields: ReadonlySet<string>,
  out: FieldScalar[],
): void {
  for (const item of ex.items) {
    if (!isScalar(item.key)) continue;
    const part = String(item.key.value);
    const field = `examples.${part}`;
    const text = textOf(item.value as Node | null);
    if (fields.has(field) && text !== undefined)
      out.push({ field, name: `examples[${i}].${part}`, node: item.value as Scalar, text });
  }
}

/** A field name as a writer reads it in a message. */
export function fieldLabel(field: string): string {
  return field === 'examples.input'
    ? 'an example input'
    : field === 'examples.output'
      ? 'an example output'
      : field === 'labels'
        ? 'a label'
        : `the ${field}`;
}

/** Span of the text without its leading and trailing whitespace (the whole value when blank). */
export function trimmedSpan(ctx: PairContext, node: Scalar, text: string): Span {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b)
    return node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
  return ctx.span(node, a, b);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000;
}

/**
 * Where to point a problem about the pair as a whole: the pair's own value of `key` when it
 * has one, else the first of its `prompt` key, `id` value or first key. Never a `defaults`
 * node (document offsets, not this pair's).
 */
export function anchorSpan(ctx: PairContext, key?: string): Span {
  const own = key ? ctx.pair.fields.get(key) : undefined;
  if (own?.value?.range) return { start: own.value.range[0], end: own.value.range[1] };
  if (own) return own.span;
  const prompt = ctx.pair.fields.get('prompt');
  if (prompt) return { start: prompt.keyNode.range![0], end: prompt.keyNode.range![1] };
  const id = ctx.pair.fields.get('id');
  if (id?.value?.range) return { start: id.value.range[0], end: id.value.range[1] };
  const first = ctx.pair.entries[0];
  if (first) return { start: first.keyNode.range![0], end: first.keyNode.range![1] };
  const at = ctx.pair.node?.range?.[0] ?? ctx.pair.slice.start;
  return { start: at, end: at };
}

/** The effective value of an annotation, trimmed; '' when absent. */
export function annotationValue(ctx: PairContext, key: string): string {
  return (annotationText(ctx, key) ?? '').trim();
}
