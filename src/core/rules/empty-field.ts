import { isMap, isScalar, isSeq, type Node, type Pair as YamlPair } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import { TEXT_FIELDS } from '../annotations';
import type { Span } from '../types';

const BLANK = /^\s*$/;

/** A value that says nothing: absent after the colon, `null`, or whitespace only. */
function isBlank(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (!isScalar(node)) return false;
  return (
    node.value === null ||
    node.value === undefined ||
    (typeof node.value === 'string' && BLANK.test(node.value))
  );
}

function isEmptyList(node: Node | null | undefined): boolean {
  return (
    !node || (isScalar(node) && node.value === null) || (isSeq(node) && node.items.length === 0)
  );
}

/** The span without the line breaks a block scalar's range ends with (`response: |` and nothing under it). */
function trimEnd(src: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(src[end - 1])) end--;
  return { start: span.start, end };
}

function entrySpan(src: string, item: YamlPair<unknown, unknown>, fallback: Span): Span {
  const key = item.key as Node | null;
  const value = item.value as Node | null;
  const start = key?.range?.[0] ?? fallback.start;
  const end =
    value?.range && value.range[1] > start ? value.range[1] : (key?.range?.[1] ?? fallback.end);
  return trimEnd(src, { start, end });
}

function checkExamples(ctx: PairContext): void {
  const field = ctx.pair.fields.get('examples');
  if (!field) return;
  if (isEmptyList(field.value)) {
    ctx.report({
      ...trimEnd(ctx.pair.src, field.span),
      message: '`examples` is empty: add at least one input and output, or remove the key.',
    });
    return;
  }
  if (!isSeq(field.value)) return;
  for (const ex of field.value.items as (Node | null)[]) {
    if (!isMap(ex)) continue;
    for (const item of ex.items) {
      if (!isScalar(item.key) || (item.key.value !== 'input' && item.key.value !== 'output'))
        continue;
      if (isBlank(item.value as Node | null))
        ctx.report({
          ...entrySpan(ctx.pair.src, item, field.span),
          message: `An example's \`${String(item.key.value)}\` is empty.`,
        });
    }
  }
}

function checkLabels(ctx: PairContext): void {
  const field = ctx.pair.fields.get('labels');
  if (!field) return;
  if (isEmptyList(field.value)) {
    ctx.report({
      ...trimEnd(ctx.pair.src, field.span),
      message: '`labels` is empty: list the labels the answer chooses from.',
    });
    return;
  }
  if (!isSeq(field.value)) return;
  for (const it of field.value.items as (Node | null)[]) {
    if (isScalar(it) && isBlank(it) && it.range)
      ctx.report({ start: it.range[0], end: it.range[1], message: 'A label is empty.' });
  }
}

/** A text field, example or label list that is there but says nothing. */
export const emptyField: LintRule = {
  meta: {
    id: 'empty-field',
    category: 'hhh',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A text field, example or label list is present but empty.',
  },
  checkPair(ctx) {
    for (const key of TEXT_FIELDS) {
      const field = ctx.pair.fields.get(key);
      if (field && isBlank(field.value))
        ctx.report({
          ...trimEnd(ctx.pair.src, field.span),
          message: `\`${key}\` is empty${key === 'system' || key === 'context' ? ': write it, or remove the key' : ''}.`,
        });
    }
    checkExamples(ctx);
    checkLabels(ctx);
  },
};
