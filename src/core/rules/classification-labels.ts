import type { Scalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import type { Fix } from '../types';
import { anchorSpan, annotationValue, trimmedSpan } from './support/content-fields';
import { pairHome } from '../edit/scalar-site';
import { textFix } from '../edit/scalar-fix';

/** How the response must match a label: trimmed, any case, a trailing period allowed. */
function matchKey(text: string): string {
  return text.trim().replace(/\.$/, '').trim().toLowerCase();
}

/** Looser: punctuation, `_`, `-` and spacing ignored too ("Very positive!" ~ "very_positive"). */
function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Replace the response's text (without its surrounding spaces) with the label, keeping the YAML valid. */
function replaceFix(ctx: PairContext, node: Scalar, text: string, label: string): Fix | undefined {
  const a = text.length - text.trimStart().length;
  const b = text.trimEnd().length;
  return textFix(pairHome(ctx.pair), node, a, Math.max(a, b), label, `Change to "${label}"`);
}

/** closed_classification lists its labels, and the response is one of them. */
export const classificationLabels: LintRule = {
  meta: {
    id: 'classification-labels',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'A closed_classification pair lists its labels and the response is one of them.',
  },
  checkPair(ctx) {
    if (annotationValue(ctx, 'task') !== 'closed_classification') return;
    const labels = (ctx.annotation('labels').list ?? []).map((l) => l.trim()).filter((l) => l);
    if (!ctx.pair.fields.get('labels') || !labels.length) {
      ctx.report({
        ...anchorSpan(ctx, 'task'),
        message:
          'A closed_classification pair lists the labels the answer chooses from under `labels`.',
      });
      return;
    }
    const response = ctx.text('response');
    if (!response || !response.text.trim()) return;
    // A response much longer than every label is prose: no need to normalise all of it.
    const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
    const short = response.text.trim().length <= longest * 2 + 16;
    const key = short ? matchKey(response.text) : undefined;
    if (key !== undefined && labels.some((l) => matchKey(l) === key)) return;
    const loose = short ? looseKey(response.text) : '';
    const near = loose ? labels.find((l) => looseKey(l) === loose) : undefined;
    const fix =
      near === undefined ? undefined : replaceFix(ctx, response.node, response.text, near);
    const shown = response.text.trim().slice(0, 80).replace(/\s+/g, ' ');
    ctx.report({
      ...trimmedSpan(ctx, response.node, response.text),
      message: `The response "${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}" is not one of the labels: ${labels.join(', ')}.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};
