/**
 * The `sft` command line: `sft <command> [options] [paths]`. Usage mistakes print one line
 * and exit 2; a bug prints a short "internal error" line first, then the stack.
 */
import { parseCommandArgs, didYouMean, UsageError } from './args';
import { EXIT, type Command, type Io } from './command';
import { lintCommand } from './commands/lint';
import { coverageCommand } from './commands/coverage';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { VERSION } from './meta';
import { escapeControls } from '../core/text/escape';
import { tuneForOneShotRun } from './jit';

const COMMANDS: readonly Command[] = [lintCommand, coverageCommand, exportCommand, importCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: sft <command> [options] [paths...]

SFT Studio: lint, measure, export and import supervised fine-tuning pairs (*.sft.yaml).

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also: sft <command> --help)
  -v, --version  show the version

Docs: docs/cli.md
`;
}

/**
 * Standard error only ever carries messages, and many quote user text (paths, ids, notes):
 * its control characters are shown visibly, line breaks kept. Standard output is left to
 * each format, since an export there must be exact.
 */
function withSafeErrors(io: Io): Io {
  return { ...io, err: (text) => io.err(safeLines(text)) };
}

/** Control characters shown visibly, line breaks kept. */
function safeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** Run the CLI with argv (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = withSafeErrors(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.help : mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const hint = didYouMean(
        name,
        COMMANDS.map((c) => c.name),
      );
      const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
      throw new UsageError(`${what}${hint ? ` (did you mean ${hint}?)` : ''}; see sft --help`);
    }
    const args = parseCommandArgs(rest, command.options);
    if (args.values.help) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sft: ${e.message}\n`);
      return EXIT.usage;
    }
    io.err(
      `sft: internal error (a bug in sft, not in your files): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    if (e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT.usage;
  }
}

/** Write to a stream; the process exits by `exitCode`, so buffered output is flushed first. */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
  };
}

if (require.main === module) {
  tuneForOneShotRun();
  const io: Io = {
    cwd: process.cwd(),
    out: writer(process.stdout),
    err: writer(process.stderr),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  // A closed pipe (`sft lint | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const what = e instanceof Error ? (e.stack ?? e.message) : String(e);
      process.stderr.write(`sft: internal error: ${safeLines(what)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
