/** The hhh rules of SPEC section 3. */
import type { LintRule } from '../rule';

export const HHH_RULES: readonly LintRule[] = [];
