/** What a CLI command is, and what it writes to. */
import type { OptionSpecs, ParsedArgs } from './args';

/** The outside world a command sees, so tests and main() can supply it. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout takes ANSI colours. */
  color: boolean;
}

/** One `sft <name>` command. */
export interface Command {
  name: string;
  /** One line for `sft --help`. */
  summary: string;
  /** The full `sft <name> --help` text. */
  help: string;
  options: OptionSpecs;
  /** Returns the exit code. Throws UsageError for usage mistakes. */
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Exit codes: 0 clean, 1 problems (or a refused export), 2 usage or internal error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
