/** The structure rules of SPEC section 3. */
import type { LintRule } from '../rule';
import { yamlSyntax } from './yaml-syntax';
import { noAliases } from './no-aliases';
import { schema } from './schema';
import { unknownKey } from './unknown-key';
import { missingId } from './missing-id';

export const STRUCTURE_RULES: readonly LintRule[] = [yamlSyntax, noAliases, schema, unknownKey, missingId];
