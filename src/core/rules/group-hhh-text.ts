/** HHH rules about how a text is written: PII, repetition, formatting, length, language. */
import type { LintRule } from '../rule';

export const HHH_TEXT_RULES: readonly LintRule[] = [];
