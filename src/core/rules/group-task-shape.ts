/** The task-shape rules of SPEC section 3. */
import type { LintRule } from '../rule';

export const TASK_SHAPE_RULES: readonly LintRule[] = [];
