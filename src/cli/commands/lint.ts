/** `sft lint`: lint files and folders, print stylish, JSON or SARIF, exit non-zero for CI. */
import { RULE_METAS } from '../../core/rules/index';
import { intOption, stringOption, UsageError } from '../args';
import { describeFix, fixFiles } from '../fix';
import { EXIT, type Command } from '../command';
import { readTextFile } from '../../node/files';
import { displayPath, lintWorkspace, type LintedFile } from '../load';
import type { LineIndex } from '../../core/text/lines';
import { plural } from '../../core/plural';
import { escapeControls } from '../../core/text/escape';
import { placeProblems, tally, type FileProblems } from '../report';
import { formatStylish } from '../format/stylish';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { DOCS_BASE, VERSION } from '../meta';

const FORMATS = ['stylish', 'json', 'sarif'] as const;

/** Description of the CLI's own file-level rule, for SARIF. */
const UNREADABLE =
  'The file could not be read as UTF-8 text (binary, too large, or not permitted).';

/** What a file's problems are placed in: the lines the pass kept, else the text (read only when there are problems). */
function linesOf(f: LintedFile): LineIndex | string {
  if (f.lines) return f.lines;
  const read = f.readable && f.problems.length ? readTextFile(f.abs) : undefined;
  return read?.ok ? read.text : '';
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Lint .sft.yaml files against their guidelines',
  help: `Usage: sft lint [options] [paths or globs...]

Lint .sft.yaml files (default: the current folder). Folders are searched for *.sft.yaml,
skipping node_modules and .git; a glob keeps only *.sft.yaml matches; a file named
explicitly is linted whatever its name. Each file uses the nearest sft.guidelines.yaml
in its folder or a parent (or the built-in defaults); that file's own problems are
reported too.

Options:
  -f, --format <name>     stylish (default), json or sarif
  -g, --guidelines <file> use this guidelines file for every file
      --max-warnings <n>  exit 1 when there are more than n warnings
  -q, --quiet             report errors only
      --fix               apply the preferred fixes (as the editor's "Fix all"), write
                          the files that change, say what was fixed, then report what is left
      --fix-dry-run       say what --fix would fix, write nothing (the report is of the
                          files as they are)
  -h, --help              show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage or internal error.

Files over 32 MB, binary files and files that cannot be read are reported as an
"unreadable-file" error for that file; the other files are still linted.
`,
  options: {
    format: { type: 'string', short: 'f', choices: FORMATS },
    guidelines: { type: 'string', short: 'g' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const format = stringOption(values.format) ?? 'stylish';
    const maxWarnings = intOption(values['max-warnings'], 'max-warnings');
    const dryRun = values['fix-dry-run'] === true;
    if (values.fix && dryRun) throw new UsageError('--fix and --fix-dry-run go one at a time');
    let unwritten = false;
    if (values.fix || dryRun) {
      const fixes = await fixFiles(positionals, {
        cwd: io.cwd,
        guidelines: stringOption(values.guidelines),
        dryRun,
      });
      // Beside JSON or SARIF on standard output, the summary goes to standard error.
      const say = format === 'stylish' ? io.out : io.err;
      for (const f of fixes) say(`${escapeControls(describeFix(f, dryRun))}\n`);
      if (format === 'stylish' && fixes.length) say('\n');
      unwritten = fixes.some((f) => f.error);
    }
    const ws = await lintWorkspace(positionals, {
      cwd: io.cwd,
      guidelines: stringOption(values.guidelines),
    });
    for (const note of ws.notes) io.err(`sft: ${note}\n`);
    const placed: FileProblems[] = [
      ...ws.guidelinesFiles
        .filter((g) => g.problems.length)
        .map((g) => placeProblems(displayPath(io.cwd, g.path), g.text, g.problems)),
      ...ws.files.map((f) => placeProblems(f.path, linesOf(f), f.problems)),
    ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const counts = tally(placed);
    const shown = values.quiet
      ? placed.map((f) => ({ ...f, problems: f.problems.filter((p) => p.severity === 'error') }))
      : placed;
    if (format === 'json') io.out(formatJson(shown));
    else if (format === 'sarif') {
      const extraRules = new Map<string, string>([['unreadable-file', UNREADABLE]]);
      for (const f of ws.files)
        for (const p of f.guidelines.patterns) extraRules.set(p.id, p.message);
      io.out(
        formatSarif(shown, {
          version: VERSION,
          docsBase: DOCS_BASE,
          rules: RULE_METAS,
          extraRules,
        }),
      );
    } else io.out(formatStylish(shown, { color: io.color, fileCount: ws.files.length }));
    const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
    if (tooManyWarnings && format === 'stylish')
      io.err(
        `sft: ${plural(counts.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`,
      );
    if (unwritten) return EXIT.usage;
    return counts.errors > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
  },
};
