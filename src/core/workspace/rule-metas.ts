/** Descriptions of the rules that run over the workspace index rather than one file. */
import * as z from 'zod/mini';
import type { RuleMeta } from '../types';

/** An id used by more than one pair, in any file of the workspace. */
export const DUPLICATE_ID_META: RuleMeta = {
  id: 'duplicate-id',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: false,
  description: 'Every pair id is unique across the workspace.',
};

/** A prompt nearly the same as another pair's prompt, anywhere in the workspace. */
export const NEAR_DUPLICATE_META: RuleMeta = {
  id: 'near-duplicate',
  category: 'hhh',
  defaultSeverity: 'warning',
  fixable: false,
  description: "A prompt is not nearly the same as another pair's prompt.",
  options: () => ({ threshold: z.optional(z.number().check(z.gte(0), z.lte(1))) }),
};

export const WORKSPACE_RULE_METAS: readonly RuleMeta[] = [DUPLICATE_ID_META, NEAR_DUPLICATE_META];
