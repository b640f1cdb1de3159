/** HHH rules about what a pair says: empty fields, placeholders, banned phrases, harmful terms, project patterns. */
import type { LintRule } from '../rule';
import { emptyField } from './empty-field';
import { placeholder } from './placeholder';
import { bannedPhrase } from './banned-phrase';
import { harmfulTerm } from './harmful-term';
import { pattern } from './pattern';

export const HHH_CONTENT_RULES: readonly LintRule[] = [emptyField, placeholder, bannedPhrase, harmfulTerm, pattern];
