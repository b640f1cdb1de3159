/**
 * Every lint rule. Rules are grouped as in SPEC section 3; each group file lists its rules,
 * one rule per file.
 */
import type { LintRule } from '../rule';
import type { RuleMeta } from '../types';
import { STRUCTURE_RULES } from './group-structure';
import { ANNOTATION_RULES } from './group-annotations';
import { TASK_SHAPE_RULES } from './group-task-shape';
import { HHH_RULES } from './group-hhh';
import { QA_RULES } from './group-qa';
import { WORKSPACE_RULE_METAS } from '../workspace/rule-metas';
import { SILENCE_META } from './silence';
import { UNREADABLE_FILE_META } from './unreadable-file';

/** Rules the file linter runs. */
export const LINT_RULES: readonly LintRule[] = [...STRUCTURE_RULES, ...ANNOTATION_RULES, ...TASK_SHAPE_RULES, ...HHH_RULES, ...QA_RULES];

/** Every rule's description, file and workspace rules alike. */
export const RULE_METAS: readonly RuleMeta[] = [...LINT_RULES.map((r) => r.meta), ...WORKSPACE_RULE_METAS, SILENCE_META, UNREADABLE_FILE_META];

export const ALL_RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((m) => m.id));
