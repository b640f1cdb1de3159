import * as z from 'zod/mini';
import type { LintRule, PairContext } from '../rule';
import { DEFAULT_ALLOWED_DOUBLES, findRepeats, type Repeat } from '../text/repeats';
import { FIELD_NAMES, fieldScalars, fieldsOption } from './support/content-fields';
import { pairHome } from '../edit/scalar-site';
import { fixList, textFix } from '../edit/scalar-fix';

/** What the model is trained to write; a prompt or context quotes its sources as printed. */
const DEFAULT_FIELDS = ['response'];
const fieldsFor = new WeakMap<object, ReadonlySet<string>>();

/** The fields to read: `rules: { repetition: { fields: [...] } }`, else the response. */
function fields(ctx: PairContext): ReadonlySet<string> {
  let f = fieldsFor.get(ctx.options);
  if (!f) fieldsFor.set(ctx.options, (f = fieldsOption(ctx.options.fields, DEFAULT_FIELDS)));
  return f;
}

/**
 * Findings of one field that carry a quick fix: later ones are reported without one. Each fix
 * is checked against the whole field (it must read back as the text asked for), so a fix on
 * every finding would make a field full of repeats cost its size squared; fix-all applies one
 * fix per field and pass anyway, and a fixed finding brings the next one's fix. @usedBy tests
 */
export const MAX_FIXES_PER_FIELD = 20;
const DEFAULT_ALLOWED = new Set(DEFAULT_ALLOWED_DOUBLES);

function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const MESSAGES: Record<Repeat['kind'], (r: Repeat, field: string) => string> = {
  doubled: (r, f) => `Doubled word "${r.unit}" in ${f}.`,
  loop: (r, f) =>
    `"${clip(r.unit)}" repeats ${r.copies} times in a row in ${f}: a generation loop.`,
  sentence: (r, f) => `This sentence already appears earlier in ${f}: "${clip(r.unit)}".`,
  line: (r, f) => `This line already appears earlier in ${f}: "${clip(r.unit)}".`,
};

const FIX_TITLES: Record<Repeat['kind'], string> = {
  doubled: 'Remove the doubled word',
  loop: 'Keep one copy of the repeated words',
  sentence: 'Remove the repeated sentence',
  line: 'Remove the repeated line',
};

/** The words whose doubling is allowed: `rules: { repetition: { allow: [...] } }` replaces the defaults. */
function allowedDoubles(ctx: PairContext): ReadonlySet<string> {
  const allow = ctx.options.allow;
  return Array.isArray(allow)
    ? new Set(allow.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase()))
    : DEFAULT_ALLOWED;
}

/**
 * Repeated text teaches a model to repeat itself: doubled words, repeated sentences and
 * lines, and above all generation loops (the same words over and over), which are the
 * classic sign of a degenerate model output pasted into a demonstration.
 */
export const repetition: LintRule = {
  meta: {
    id: 'repetition',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'Doubled words, repeated sentences or lines, and generation loops in the response.',
    options: () => ({
      allow: z.optional(z.array(z.string())),
      fields: z.optional(z.array(z.enum(FIELD_NAMES))),
    }),
  },
  checkPair(ctx) {
    let allowed: ReadonlySet<string> | undefined;
    for (const s of fieldScalars(ctx, fields(ctx))) {
      if (s.text.length < 3) continue;
      allowed ??= allowedDoubles(ctx);
      let fixes = 0;
      for (const r of findRepeats(s.text, allowed)) {
        const span = ctx.span(s.node, r.start, r.end);
        const fix =
          r.remove && fixes++ < MAX_FIXES_PER_FIELD
            ? textFix(
                pairHome(ctx.pair),
                s.node,
                r.remove.start,
                r.remove.end,
                '',
                FIX_TITLES[r.kind],
                r.kind === 'doubled',
              )
            : undefined;
        ctx.report({
          ...span,
          message: MESSAGES[r.kind](r, s.name),
          fixes: fixList(fix),
        });
      }
    }
  },
};
