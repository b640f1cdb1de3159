/**
 * JSON Schemas generated from the zod schemas (for the YAML extension's `yamlValidation`
 * and other tools). `schemas/*.json` are written from this by `npm run schemas`; a unit
 * test fails when the committed files are stale.
 */
import * as z from 'zod/mini';
import { schemas } from './schema';
import { RULE_METAS } from './rules/index';
import { rulesSchema } from './rules/support/rule-settings';

/**
 * File name → JSON Schema text, as committed under `schemas/`.
 * @usedBy scripts tests
 */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodMiniType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) }, null, 2)}\n`;
  const guidelines = schemas().guidelines;
  // `rules:` as each rule declares its options; the guidelines schema itself leaves them to the
  // rules (a narrower schema of the same key, hence the cast).
  const rules = { rules: z.optional(rulesSchema(RULE_METAS)) } as unknown as Pick<
    typeof guidelines.shape,
    'rules'
  >;
  return {
    'sft.schema.json': render(schemas().sftFile, 'SFT Studio pairs file (*.sft.yaml)'),
    'sft-guidelines.schema.json': render(
      z.safeExtend(guidelines, rules),
      'SFT Studio guidelines (sft.guidelines.yaml)',
    ),
  };
}
