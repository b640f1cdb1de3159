/** `sft export`: pairs to OpenAI chat JSONL, Alpaca JSON, ShareGPT JSON or plain JSONL. */
import { resolve } from 'node:path';
import { STATUSES } from '../../core/annotations';
import {
  collectRecords,
  exportRecords,
  EXPORT_FORMATS,
  type ExportFormat,
  type SourceFile,
} from '../../core/export/index';
import { blocksExport } from '../../core/export/blocking';
import { parseSft } from '../../core/parse/parse';
import { readTextFile } from '../../node/files';
import { didYouMean, stringOption, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { lintWorkspace } from '../load';
import { checkOutFile, writeOutFile, type OutOptions } from '../out-file';
import { plural } from '../../core/plural';

const STATUS_VALUES = STATUSES.map((s) => s.value);

/** `--status a,b` as a checked list. */
function parseStatuses(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of list) {
    if (STATUS_VALUES.includes(s)) continue;
    const hint = didYouMean(s, STATUS_VALUES);
    throw new UsageError(
      `invalid status "${s}" for --status${hint ? ` (did you mean ${hint}?)` : ''}; expected ${STATUS_VALUES.join(', ')}`,
    );
  }
  if (!list.length) throw new UsageError('option --status needs at least one status');
  return list;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export pairs as OpenAI, Alpaca, ShareGPT or plain JSONL training data',
  help: `Usage: sft export --format <name> [options] [paths or globs...]

Export the pairs of .sft.yaml files (default: the current folder) as training data:
  openai    OpenAI chat JSONL: {"messages": [system?, user, assistant]} per line
  alpaca    Alpaca JSON: [{instruction, input, output, system?}]
  sharegpt  ShareGPT JSON: [{conversations: [{from: system|human|gpt, value}]}]
  jsonl     plain JSONL with every annotation and field (id, task, ..., prompt,
            response, context, examples, labels, review, tags, file)

Context and in-context examples are folded into the user message (and examples into
Alpaca's instruction) in a fixed layout of <context> and <examples> tags; see docs/cli.md.
Annotations set in a file's defaults apply to each pair. Pairs without a prompt or a
response are left out with a note.

The export is refused (exit 1) while the pairs being exported have error-level
problems; run sft lint to see them, or pass --force.

Options:
  -f, --format <name>     openai, alpaca, sharegpt or jsonl (required)
  -s, --status <list>     only pairs with these statuses, comma-separated (e.g. approved)
  -o, --out <file>        write to this file instead of standard output; never over
                          an input, and an existing file only with --overwrite
  -g, --guidelines <file> use this guidelines file for every file
      --force             export even when errors remain
      --overwrite         replace --out when it exists
  -h, --help              show this help
`,
  options: {
    format: { type: 'string', short: 'f', choices: EXPORT_FORMATS },
    status: { type: 'string', short: 's' },
    out: { type: 'string', short: 'o' },
    guidelines: { type: 'string', short: 'g' },
    force: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const format = stringOption(values.format) as ExportFormat | undefined;
    if (!format) throw new UsageError(`option --format is required (${EXPORT_FORMATS.join(', ')})`);
    const statuses = parseStatuses(stringOption(values.status));
    const ws = await lintWorkspace(positionals, {
      cwd: io.cwd,
      guidelines: stringOption(values.guidelines),
    });
    for (const note of ws.notes) io.err(`sft: ${note}\n`);
    const out = stringOption(values.out);
    const outAbs = out === undefined ? undefined : resolve(io.cwd, out);
    const outOptions: OutOptions = {
      inputs: [...ws.files.map((f) => f.abs), ...ws.guidelinesFiles.map((g) => g.path)],
      overwrite: values.overwrite === true,
      flag: '--overwrite',
    };
    // Before anything else is said: a refused --out is the one line the user needs.
    if (out !== undefined) checkOutFile(outAbs!, out, outOptions);
    const sources: SourceFile[] = [];
    let errors = 0;
    const errorFiles = new Set<string>();
    for (const f of ws.files) {
      const read = f.readable ? readTextFile(f.abs) : undefined;
      const model = read?.ok ? parseSft(read.text) : undefined;
      if (model) sources.push({ path: f.path, model });
      for (const p of f.problems) {
        if (!blocksExport(p, model, statuses)) continue;
        errors++;
        errorFiles.add(f.path);
      }
    }
    for (const g of ws.guidelinesFiles)
      if (g.problems.some((p) => p.severity === 'error')) {
        errors++;
        errorFiles.add(g.path);
      }
    if (errors && !values.force) {
      io.err(
        `sft: export refused: ${plural(errors, 'error')} in ${plural(errorFiles.size, 'file')} (run sft lint to see them, or pass --force)\n`,
      );
      return EXIT.problems;
    }
    const { records, skipped } = collectRecords(sources, { statuses });
    for (const s of skipped) io.err(`sft: ${s}\n`);
    const text = exportRecords(records, format);
    if (out === undefined) {
      io.out(text);
      return EXIT.ok;
    }
    writeOutFile(outAbs!, out, text, outOptions);
    io.err(
      `sft: exported ${plural(records.length, 'pair')} to ${out}${errors ? ` (with ${plural(errors, 'error')}, --force)` : ''}\n`,
    );
    return EXIT.ok;
  },
};
