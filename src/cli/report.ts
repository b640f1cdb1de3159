/** Problems with 1-based lines and columns: the form every lint output format starts from. */
import { LineIndex } from '../core/text/lines';
import type { Problem, ReportedSeverity } from '../core/types';

/** A problem placed in its file, 1-based; `endColumn` is exclusive (the column after the last character). */
export interface PlacedProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: ReportedSeverity;
  rule: string;
  message: string;
  fixable: boolean;
}

/** One file's placed problems. */
export interface FileProblems {
  file: string;
  problems: PlacedProblem[];
}

/** Place a file's problems (offsets into its text, or the text's lines) at 1-based lines and UTF-16 columns. */
export function placeProblems(
  file: string,
  text: string | LineIndex,
  problems: readonly Problem[],
): FileProblems {
  const lines = typeof text === 'string' ? new LineIndex(text) : text;
  return {
    file,
    problems: problems.map((p) => {
      const start = lines.positionAt(p.start);
      const end = lines.positionAt(Math.max(p.end, p.start));
      return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: p.severity,
        rule: p.rule,
        message: p.message,
        fixable: Boolean(p.fixes?.length),
      };
    }),
  };
}

/** Counts by severity. */
export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

/** Count problems by severity. */
export function tally(files: readonly FileProblems[]): Tally {
  const t: Tally = { errors: 0, warnings: 0, infos: 0 };
  for (const f of files)
    for (const p of f.problems) {
      if (p.severity === 'error') t.errors++;
      else if (p.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  return t;
}
