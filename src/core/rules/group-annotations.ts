/** The annotations rules of SPEC section 3. */
import type { LintRule } from '../rule';

export const ANNOTATION_RULES: readonly LintRule[] = [];
