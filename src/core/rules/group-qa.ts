/** The qa rules of SPEC section 3. */
import type { LintRule } from '../rule';

export const QA_RULES: readonly LintRule[] = [];
