import type { Problem, ReportedSeverity, RuleMeta, Span } from '../types';

/**
 * `internal` is reported by the lint engine itself (see `FileLinter` in lint.ts) when a rule
 * throws: one problem at the pair or file the rule was checking, naming the rule, in place of
 * whatever that rule had reported there. The other rules still run. It has no check of its
 * own; this is its description for docs, SARIF and settings.
 */
export const INTERNAL_META: RuleMeta = {
  id: 'internal',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: false,
  description:
    'A rule failed while checking this pair or file (a bug in SFT Studio); the other rules still ran.',
};

/** What a thrown value says, in one line. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || (error instanceof Error ? error.name : 'unknown error');
}

/** The one problem that stands for a rule that threw while checking `what` ("this pair", "this file"). */
export function internalProblem(
  rule: string,
  error: unknown,
  what: string,
  at: Span,
  severity: ReportedSeverity,
  pairId?: string,
): Problem {
  const p: Problem = {
    rule: INTERNAL_META.id,
    severity,
    start: at.start,
    end: at.end,
    message: `The ${rule} rule failed on ${what} and was skipped (${errorText(error)}). The other rules still ran. This is a bug in SFT Studio; the SFT Studio log has the details.`,
  };
  if (pairId !== undefined) p.pairId = pairId;
  return p;
}
