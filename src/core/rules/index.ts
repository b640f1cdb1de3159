/**
 * The rule registry: every lint rule, in the order and groups of SPEC section 3. Each rule
 * lives in its own file in this folder; what rules share lives in `support/`.
 */
import type { LintRule } from '../rule';
import type { RuleMeta } from '../types';
import { WORKSPACE_RULE_METAS } from '../workspace/rule-metas';
// Structure
import { yamlSyntax } from './yaml-syntax';
import { noAliases } from './no-aliases';
import { schema } from './schema';
import { unknownKey } from './unknown-key';
import { missingId } from './missing-id';
// Annotations
import { missingAnnotation } from './missing-annotation';
import { invalidValue } from './invalid-value';
import { lengthMismatch } from './length-mismatch';
import { responseTypeMismatch } from './response-type-mismatch';
import { disallowedDomain } from './disallowed-domain';
import { disallowedLanguage } from './disallowed-language';
// Task shape
import { contextRequired } from './context-required';
import { examplesRequired } from './examples-required';
import { continuationAnchor } from './continuation-anchor';
import { classificationLabels } from './classification-labels';
import { chainOfThoughtSteps } from './chain-of-thought-steps';
import { summaryShorter } from './summary-shorter';
import { groundedAnswer } from './grounded-answer';
import { summaryGrounding } from './summary-grounding';
// Helpful, honest, harmless: what a pair says, then how its text is written
import { emptyField } from './empty-field';
import { placeholder } from './placeholder';
import { bannedPhrase } from './banned-phrase';
import { harmfulTerm } from './harmful-term';
import { pattern } from './pattern';
import { pii } from './pii';
import { repetition } from './repetition';
import { formatting } from './formatting';
import { invisibleCharacter } from './invisible-character';
import { responseLength } from './response-length';
import { languageMismatch } from './language-mismatch';
// QA
import { reviewOpen } from './review-open';
import { statusInvalid } from './status-invalid';
// Reported by the engine or the hosts, not by a check of their own
import { SILENCE_META } from './silence';
import { UNREADABLE_FILE_META } from './unreadable-file';
import { INTERNAL_META } from './internal';

/** Rules the file linter runs. */
export const LINT_RULES: readonly LintRule[] = [
  yamlSyntax,
  noAliases,
  schema,
  unknownKey,
  missingId,
  missingAnnotation,
  invalidValue,
  lengthMismatch,
  responseTypeMismatch,
  disallowedDomain,
  disallowedLanguage,
  contextRequired,
  examplesRequired,
  continuationAnchor,
  classificationLabels,
  chainOfThoughtSteps,
  summaryShorter,
  groundedAnswer,
  summaryGrounding,
  emptyField,
  placeholder,
  bannedPhrase,
  harmfulTerm,
  pattern,
  pii,
  repetition,
  formatting,
  invisibleCharacter,
  responseLength,
  languageMismatch,
  reviewOpen,
  statusInvalid,
];

/** Every rule's description, file and workspace rules alike. */
export const RULE_METAS: readonly RuleMeta[] = [
  ...LINT_RULES.map((r) => r.meta),
  ...WORKSPACE_RULE_METAS,
  SILENCE_META,
  UNREADABLE_FILE_META,
  INTERNAL_META,
];

export const ALL_RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((m) => m.id));
