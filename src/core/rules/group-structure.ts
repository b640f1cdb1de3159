/** The structure rules of SPEC section 3. */
import type { LintRule } from '../rule';
import { yamlSyntax } from './yaml-syntax';
import { noAliases } from './no-aliases';

export const STRUCTURE_RULES: readonly LintRule[] = [yamlSyntax, noAliases];
