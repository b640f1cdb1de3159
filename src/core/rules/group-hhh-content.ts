/** HHH rules about what a pair says: empty fields, placeholders, banned phrases, harmful terms, project patterns. */
import type { LintRule } from '../rule';

export const HHH_CONTENT_RULES: readonly LintRule[] = [];
