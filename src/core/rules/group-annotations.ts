/** The annotations rules of SPEC section 3. */
import type { LintRule } from '../rule';
import { missingAnnotation } from './missing-annotation';
import { invalidValue } from './invalid-value';
import { lengthMismatch } from './length-mismatch';
import { responseTypeMismatch } from './response-type-mismatch';
import { disallowedDomain } from './disallowed-domain';
import { disallowedLanguage } from './disallowed-language';

export const ANNOTATION_RULES: readonly LintRule[] = [
  missingAnnotation, invalidValue, lengthMismatch, responseTypeMismatch, disallowedDomain, disallowedLanguage,
];
