/**
 * "Fix all": which fixes apply, how fixes that meet are chosen between, and applying them
 * until nothing is left to fix. The editor's fix-all (quick fix and `source.fixAll` on
 * save) and `sft lint --fix` both call `fixAll`, so they change a file the same way.
 *
 * Like ESLint: each pass applies, in document order, the preferred fix of each problem
 * unless its scope meets the scope of a fix already chosen in that pass (each fix was made
 * for the text without the others); the rest wait for the next pass, after a fresh lint.
 * Passes are bounded, so two fixes that undo each other cannot loop.
 */
import type { Fix, Problem, Span, TextEdit } from '../types';
import { applyEdits, composeEdits, sortEdits, spansMeet } from './apply';

/**
 * Most lint-and-fix passes over one text.
 * @usedBy tests
 */
export const MAX_FIX_PASSES = 10;

/**
 * The fix a "fix all" applies for a problem: its preferred one.
 * @usedBy tests
 */
export function preferredFix(problem: Problem): Fix | undefined {
  return problem.fixes?.find((f) => f.preferred);
}

/** Whether any problem has a fix that fix-all would apply. */
export function hasPreferredFix(problems: readonly Problem[]): boolean {
  return problems.some((p) => preferredFix(p) !== undefined);
}

/** The span a fix was checked against: its scope, else the span of its edits. */
export function fixScope(fix: Fix): Span | undefined {
  if (fix.scope) return fix.scope;
  if (!fix.edits.length) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const e of fix.edits) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  return { start, end };
}

/** One pass of fix-all: the edits (document offsets, sorted, never overlapping) and the problems they fix. */
export interface FixPlan {
  edits: TextEdit[];
  fixed: Problem[];
}

/** Choose the preferred fixes of `problems` that can be applied together (see the module comment). */
export function planFixes(problems: readonly Problem[]): FixPlan {
  const taken: Span[] = [];
  const edits: TextEdit[] = [];
  const fixed: Problem[] = [];
  const ordered = [...problems].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const p of ordered) {
    const fix = preferredFix(p);
    const scope = fix && fixScope(fix);
    if (!fix || !scope || taken.some((t) => spansMeet(t, scope))) continue;
    taken.push(scope);
    edits.push(...fix.edits);
    fixed.push(p);
  }
  return { edits: sortEdits(edits), fixed };
}

/** What `fixAll` did to a text. */
export interface FixAllResult {
  /** The text with every applied fix. */
  text: string;
  /** The same change as edits on the original text (sorted, never overlapping): what an editor applies. */
  edits: TextEdit[];
  /** How many problems were fixed, by rule id, in the order first fixed. */
  fixedByRule: Map<string, number>;
  /** Passes that changed the text. */
  passes: number;
  /** The problems of the final text. */
  problems: readonly Problem[];
}

/** Problems the fixes must never add to: a fix that breaks the file is dropped, not applied. */
function syntaxErrors(problems: readonly Problem[]): number {
  let n = 0;
  for (const p of problems) if (p.rule === 'yaml-syntax' && p.severity === 'error') n++;
  return n;
}

/**
 * Apply the problems' preferred fixes to `text`, lint again with `lint`, and repeat until no
 * fix applies or `maxPasses` have run. `problems` are the text's problems when already at hand.
 */
export function fixAll(
  text: string,
  lint: (text: string) => readonly Problem[],
  opts: { problems?: readonly Problem[]; maxPasses?: number } = {},
): FixAllResult {
  let current = text;
  let problems = opts.problems ?? lint(text);
  let edits: TextEdit[] = [];
  const fixedByRule = new Map<string, number>();
  let passes = 0;
  while (passes < (opts.maxPasses ?? MAX_FIX_PASSES)) {
    const plan = planFixes(problems);
    if (!plan.edits.length) break;
    const next = applyEdits(current, plan.edits);
    if (next === current) break;
    const after = lint(next);
    // A safety net under the fixes' own checks: never save a file broken by a fix.
    if (syntaxErrors(after) > syntaxErrors(problems)) break;
    edits = composeEdits(text, edits, plan.edits);
    for (const p of plan.fixed) fixedByRule.set(p.rule, (fixedByRule.get(p.rule) ?? 0) + 1);
    current = next;
    problems = after;
    passes++;
  }
  return { text: current, edits, fixedByRule, passes, problems };
}
