/** Descriptions of the rules that run over the workspace index rather than one file. */
import type { RuleMeta } from '../types';

export const WORKSPACE_RULE_METAS: readonly RuleMeta[] = [];
