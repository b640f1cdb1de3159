import type { LintRule } from '../rule';

/** YAML the parser cannot read: reported where the parser stopped; the rest still lints. */
export const yamlSyntax: LintRule = {
  meta: {
    id: 'yaml-syntax',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: 'The file is not valid YAML at this place.',
  },
  checkFile(ctx) {
    for (const s of ctx.file.syntax)
      ctx.report({
        start: s.start,
        end: s.end,
        message: s.message,
        severity: s.warning ? 'warning' : undefined,
      });
  },
  checkPair(ctx) {
    for (const s of ctx.pair.syntax)
      ctx.report({
        start: s.start,
        end: s.end,
        message: s.message,
        severity: s.warning ? 'warning' : undefined,
      });
  },
};
