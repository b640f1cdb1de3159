/**
 * The settings a guidelines file gives a rule under `rules:`: a severity, or a map of
 * `severity` and the options the rule declares (`RuleMeta.options`). Built from the rules'
 * own declarations on first use, so a lint that reads no guidelines file never builds them.
 */
import * as z from 'zod/mini';
import type { RuleMeta } from '../../types';

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
const built = new WeakMap<RuleMeta, z.ZodMiniObject>();

/** The schema of a rule's options (everything in its map but `severity`). */
export function optionsSchema(meta: RuleMeta): z.ZodMiniObject {
  let s = built.get(meta);
  if (!s) {
    s = z.strictObject(meta.options?.() ?? {});
    built.set(meta, s);
  }
  return s;
}

/** One rule's setting; without a rule (a project pattern's id), a severity alone. */
function settingSchema(severity: z.ZodMiniType, meta?: RuleMeta) {
  return z.union([
    severity,
    z.strictObject({ severity: z.optional(severity), ...(meta ? optionsSchema(meta).shape : {}) }),
  ]);
}

/**
 * `rules:` with every rule's own setting; any other id takes a severity (a project pattern's
 * id, which the guidelines' `patterns` define). For the generated JSON Schema.
 */
export function rulesSchema(metas: readonly RuleMeta[]) {
  const severity = z.enum(SEVERITIES);
  const plain = settingSchema(severity);
  const shape = Object.fromEntries(
    metas.map((m) => [m.id, z.optional(m.options ? settingSchema(severity, m) : plain)]),
  );
  return z
    .catchall(z.strictObject(shape), plain)
    .check(
      z.describe("Severity (and options) per rule id; a project pattern's id takes a severity."),
    );
}

/**
 * The options a rule runs with: the guidelines' when the rule's schema takes them, else none,
 * so a bad setting falls back to the rule's defaults instead of reaching the rule.
 */
export function ruleOptions(
  meta: RuleMeta,
  given: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, unknown>> {
  if (!given || !Object.keys(given).length) return {};
  return optionsSchema(meta).safeParse(given).success ? given : {};
}
