import type { Scalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import type { Fix } from '../types';
import { anchorSpan, annotationValue, trimmedSpan } from './support/content-fields';
import { pairHome } from '../edit/scalar-site';
import { textFix } from '../edit/scalar-fix';
import { editDistance } from '../suggest';

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
function replaceFix(
  ctx: PairContext,
  node: Scalar,
  text: string,
  label: string,
  preferred = true,
): Fix | undefined {
  const a = text.length - text.trimStart().length;
  const b = text.trimEnd().length;
  return textFix(
    pairHome(ctx.pair),
    node,
    a,
    Math.max(a, b),
    label,
    `Change to "${label}"`,
    preferred,
  );
}

/**
 * The one label the answer misspells ("Confucious" for "Confucius"): within a quarter of its
 * length in edits (at least 1, at most 3), and nearer than every other label.
 */
function nearMiss(loose: string, labels: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(loose.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const l of labels) {
    const d = editDistance(loose, looseKey(l));
    if (d < bestDistance) [best, bestDistance, tie] = [l, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** The label a prose answer opens with ("Yes, the thread contains hate speech."). */
function openingLabel(loose: string, labels: readonly string[]): string | undefined {
  return labels
    .filter((l) => looseKey(l) && loose.startsWith(`${looseKey(l)} `))
    .sort((a, b) => b.length - a.length)[0];
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
    const same = loose ? labels.find((l) => looseKey(l) === loose) : undefined;
    const misspelt = loose && same === undefined ? nearMiss(loose, labels) : undefined;
    // Prose is read from its start only: a label opens the answer or it does not.
    const opening =
      same === undefined && misspelt === undefined
        ? openingLabel(looseKey(response.text.trimStart().slice(0, longest + 2)) + ' ', labels)
        : undefined;
    const label = same ?? misspelt ?? opening;
    const fix =
      label === undefined
        ? undefined
        : replaceFix(ctx, response.node, response.text, label, same !== undefined);
    const shown = response.text.trim().slice(0, 80).replace(/\s+/g, ' ');
    const quoted = `"${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}"`;
    ctx.report({
      ...trimmedSpan(ctx, response.node, response.text),
      message:
        opening !== undefined
          ? `The response ${quoted} answers in prose where a label was asked for: answer "${opening}" alone (labels: ${labels.join(', ')}).`
          : `The response ${quoted} is not one of the labels: ${labels.join(', ')}.${misspelt === undefined ? '' : ` Did you mean "${misspelt}"?`}`,
      fixes: fix ? [fix] : undefined,
    });
  },
};
