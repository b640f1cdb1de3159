/** The qa rules of SPEC section 3. */
import type { LintRule } from '../rule';
import { reviewOpen } from './review-open';
import { statusInvalid } from './status-invalid';

export const QA_RULES: readonly LintRule[] = [reviewOpen, statusInvalid];
