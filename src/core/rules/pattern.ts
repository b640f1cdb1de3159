import type { LintRule } from '../rule';
import { severityOf, type Guidelines, type ProjectPattern } from '../guidelines';
import { fieldScalars, fieldSet } from './support/content-fields';

/** Most problems one pattern reports in one field: a pattern that matches everywhere is one mistake. */
const MAX_MATCHES = 100;

/** A pattern's message with a link to its handbook section ("#tone" resolves against the guidelines' handbook). */
export function patternMessage(p: ProjectPattern, g: Pick<Guidelines, 'handbook'>): string {
  if (!p.handbook) return p.message;
  const link = p.handbook.startsWith('#') && g.handbook ? `${g.handbook}${p.handbook}` : p.handbook;
  return `${p.message} (handbook: ${link})`;
}

/**
 * The guidelines' own rules: each pattern's regex over its fields, reported under the
 * pattern's id. Project regexes run only in trusted workspaces (the host sets `trusted`),
 * and only on the host's linear-time engine, so no pattern can hang a lint.
 */
export const pattern: LintRule = {
  meta: {
    id: 'pattern',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: false,
    description: "Text matches one of the guidelines' own patterns.",
  },
  checkPair(ctx) {
    const g = ctx.guidelines;
    const engine = ctx.services.regex;
    if (!g.trusted || !g.patterns.length || !engine) return;
    for (const p of g.patterns) {
      if (!p.regex) continue;
      const severity = severityOf(g, p.id, p.severity);
      if (severity === 'off') continue;
      // The guidelines refused what RE2 cannot express; an odd leftover the engine refuses is skipped.
      const re = engine.compile(p.regex.source, p.regex.flags);
      if (typeof re === 'string') continue;
      const message = patternMessage(p, g);
      for (const s of fieldScalars(ctx, fieldSet(p.fields))) {
        re.scan(s.text, MAX_MATCHES, (start, end) => {
          ctx.report({
            ...ctx.span(s.node, start, end),
            rule: p.id,
            severity,
            message,
          });
        });
      }
    }
  },
};
