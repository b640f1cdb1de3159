/**
 * The yardstick process of the whole-process budgets: reads each `.sft.yaml` file it is
 * given (a folder: the files directly in it) and runs `yaml` `parseDocument` on it, one at a
 * time in one thread, nothing else. Bundled with yaml as the CLI is, so both processes pay
 * for loading their code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

let errors = 0;
for (const input of process.argv.slice(2)) {
  const files = statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((f) => f.endsWith('.sft.yaml'))
        .sort()
        .map((f) => join(input, f))
    : [input];
  for (const file of files) errors += parseDocument(readFileSync(file, 'utf8')).errors.length;
}
process.stdout.write(`${errors} errors\n`);
