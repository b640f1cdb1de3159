/**
 * The default human output: problems grouped per file, each line starting with a
 * clickable `file:line:col`, columns aligned within a file, and a summary line. File
 * names, messages and rule ids (a guidelines pattern's id is user text) are printed with
 * their control characters shown visibly, so they cannot drive the terminal.
 */
import { plural, thousands } from '../../core/plural';
import { escapeControls } from '../../core/text/escape';
import { tally, type FileProblems } from '../report';

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
} as const;

/**
 * A message repeated this often in one file has one cause (a default missing for every pair,
 * a pasted source): the file's block ends with a line that says so, so it is acted on once.
 */
const SHARED_CAUSE = 10;

/** `N × message  rule` for each message a file repeats at least SHARED_CAUSE times, most first. */
function sharedCauses(problems: FileProblems['problems']): Array<[number, string, string]> {
  const groups = new Map<string, [number, string, string]>();
  for (const p of problems) {
    const key = `${p.rule}\u0000${p.message}`;
    const g = groups.get(key);
    if (g) g[0]++;
    else groups.set(key, [1, p.message, p.rule]);
  }
  return [...groups.values()].filter((g) => g[0] >= SHARED_CAUSE).sort((a, b) => b[0] - a[0]);
}

/** Render problems; `color` adds ANSI colours (for terminals). */
export function formatStylish(
  files: readonly FileProblems[],
  opts: { color: boolean; fileCount: number },
): string {
  const paint = (code: string, s: string): string =>
    opts.color ? `${code}${s}${COLORS.reset}` : s;
  const out: string[] = [];
  for (const f of files) {
    if (!f.problems.length) continue;
    const file = escapeControls(f.file);
    const places = f.problems.map((p) => `${file}:${p.line}:${p.column}`);
    const messages = f.problems.map((p) => escapeControls(p.message));
    const placeWidth = Math.max(...places.map((s) => s.length));
    const sevWidth = Math.max(...f.problems.map((p) => p.severity.length));
    const msgWidth = Math.max(...messages.map((s) => s.length));
    out.push(paint(COLORS.bold, file));
    f.problems.forEach((p, i) => {
      const sev = paint(COLORS[p.severity], p.severity.padEnd(sevWidth));
      out.push(
        `  ${places[i].padEnd(placeWidth)}  ${sev}  ${messages[i].padEnd(msgWidth)}  ${paint(COLORS.dim, escapeControls(p.rule))}`,
      );
    });
    for (const [n, message, rule] of sharedCauses(f.problems))
      out.push(
        paint(
          COLORS.bold,
          `  ${thousands(n)} × the same problem in this file: ${escapeControls(message)}  ${escapeControls(rule)}`,
        ),
      );
    out.push('');
  }
  const t = tally(files);
  const total = t.errors + t.warnings + t.infos;
  const summary = `${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}) in ${plural(opts.fileCount, 'file')}`;
  out.push(total ? paint(t.errors ? COLORS.error : COLORS.warning, summary) : summary);
  return out.join('\n') + '\n';
}
