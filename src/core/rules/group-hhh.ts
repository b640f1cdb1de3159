/** The helpful, honest, harmless rules of SPEC section 3. */
import type { LintRule } from '../rule';
import { HHH_CONTENT_RULES } from './group-hhh-content';
import { HHH_TEXT_RULES } from './group-hhh-text';

export const HHH_RULES: readonly LintRule[] = [...HHH_CONTENT_RULES, ...HHH_TEXT_RULES];
