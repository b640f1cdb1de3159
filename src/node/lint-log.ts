import type { LintLog } from '../core/lint';

/**
 * The CLI's lint log: a rule that threw goes to stderr with its stack, so `sft lint` output
 * on stdout (json, SARIF) stays clean. Index workers write to the same stderr.
 */
export const stderrLintLog: LintLog = (message, error) => {
  process.stderr.write(
    `sft: ${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
};
