/** Machine output: one flat JSON array of problems, in file then position order. */
import { jsonForTerminal } from '../../core/text/escape';
import type { FileProblems, PlacedProblem } from '../report';

/** Render problems as a JSON array of {file, line, column, endLine, endColumn, severity, rule, message, fixable}. */
export function formatJson(files: readonly FileProblems[]): string {
  const all: PlacedProblem[] = files.flatMap((f) => f.problems);
  const keys = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message'];
  return jsonForTerminal(JSON.stringify(all, [...keys, 'fixable'], 2)) + '\n';
}
