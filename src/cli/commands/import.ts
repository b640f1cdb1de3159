/** `sft import`: OpenAI, Alpaca, ShareGPT or plain JSONL back into a `.sft.yaml` file. */
import { basename, resolve } from 'node:path';
import {
  EXPORT_FORMATS,
  importRecords,
  isValidIdPrefix,
  recordsToSft,
  type ExportFormat,
} from '../../core/export/index';
import { readTextFile } from '../../node/files';
import { stringOption, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { checkOutFile, writeOutFile, type OutOptions } from '../out-file';
import { plural } from '../../core/plural';

/** An id prefix from the output file's name (`batch-3.sft.yaml` → `batch-3`), else `pair`. */
function defaultPrefix(out: string | undefined): string {
  const stem = out
    ? basename(out)
        .replace(/\.sft\.ya?ml$|\.ya?ml$/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
    : '';
  return stem && isValidIdPrefix(stem) ? stem : 'pair';
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import OpenAI, Alpaca, ShareGPT or plain JSONL data into a .sft.yaml file',
  help: `Usage: sft import --format <name> [options] <input>

Turn training data back into a .sft.yaml file (the formats of sft export). Ids are kept
where the input has them (plain JSONL) and generated otherwise: <prefix>-0001, ...
Context and examples folded into a user message by sft export are unfolded again.
Records that cannot be read are skipped, each with a message, and the exit code is 1.

Options:
  -f, --format <name>   openai, alpaca, sharegpt or jsonl (required)
  -o, --out <file>      write to this .sft.yaml file (default: standard output);
                        an existing file is not overwritten without --force,
                        the input never, and a link to nothing is refused
      --id-prefix <p>   prefix of generated ids (default: the output file's name, or "pair")
      --force           overwrite --out when it exists
  -h, --help            show this help
`,
  options: {
    format: { type: 'string', short: 'f', choices: EXPORT_FORMATS },
    out: { type: 'string', short: 'o' },
    'id-prefix': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const format = stringOption(values.format) as ExportFormat | undefined;
    if (!format) throw new UsageError(`option --format is required (${EXPORT_FORMATS.join(', ')})`);
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length
          ? 'sft import takes one input file'
          : 'sft import needs an input file; see sft import --help',
      );
    const [input] = positionals;
    const out = stringOption(values.out);
    const prefix = stringOption(values['id-prefix']) ?? defaultPrefix(out);
    if (!isValidIdPrefix(prefix))
      throw new UsageError(
        `invalid --id-prefix "${prefix}": use letters, digits, ".", "_" and "-"`,
      );
    const outOptions: OutOptions = {
      inputs: [resolve(io.cwd, input)],
      overwrite: values.force === true,
      flag: '--force',
    };
    if (out !== undefined) checkOutFile(resolve(io.cwd, out), out, outOptions);
    const read = readTextFile(resolve(io.cwd, input));
    if (!read.ok) throw new UsageError(`cannot read ${input}: ${read.reason}`);
    const { records, problems } = importRecords(read.text, format);
    for (const p of problems) io.err(`sft: ${input}: ${p}\n`);
    if (!records.length) {
      io.err(`sft: ${input}: no ${format} records to import\n`);
      return EXIT.problems;
    }
    const text = recordsToSft(records, {
      idPrefix: prefix,
      comment: `Imported by sft import from ${basename(input)} (${format}).`,
    });
    if (out === undefined) io.out(text);
    else {
      writeOutFile(resolve(io.cwd, out), out, text, outOptions);
      io.err(`sft: imported ${plural(records.length, 'pair')} into ${out}\n`);
    }
    return problems.length ? EXIT.problems : EXIT.ok;
  },
};
