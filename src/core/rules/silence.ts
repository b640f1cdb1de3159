import type { RuleMeta } from '../types';

/**
 * `silence` is reported by the lint engine itself (see `applySilences` in lint.ts): a
 * `# sft-ignore` comment that names no rule, an unknown rule, or gives no reason. It has
 * no check of its own; this is its description for docs, SARIF and settings. A misspelt
 * rule id gets a did-you-mean and a fix that corrects it.
 */
export const SILENCE_META: RuleMeta = {
  id: 'silence',
  category: 'qa',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A silence comment names known rules and says why.',
};
