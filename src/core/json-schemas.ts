/**
 * JSON Schemas generated from the zod schemas (for the YAML extension's `yamlValidation`
 * and other tools). `schemas/*.json` are written from this by `npm run schemas`; a unit
 * test fails when the committed files are stale.
 */
import * as z from 'zod/mini';
import { schemas } from './schema';

/**
 * File name → JSON Schema text, as committed under `schemas/`.
 * @usedBy scripts tests
 */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodMiniType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) }, null, 2)}\n`;
  return {
    'sft.schema.json': render(schemas().sftFile, 'SFT Studio pairs file (*.sft.yaml)'),
    'sft-guidelines.schema.json': render(schemas().guidelines, 'SFT Studio guidelines (sft.guidelines.yaml)'),
  };
}
