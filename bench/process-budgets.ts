/**
 * The whole-process budgets of `npm run bench`: `sft lint` (dist/cli.js) as a user runs it,
 * each next to its yardstick in the same run (bench/process.ts).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Line } from './bench';
import { paired, type Paired } from './process';

const CLI = join(__dirname, '../../dist/cli.js');
const PARSE_ONLY = join(__dirname, 'parse-only.js');

/** Inputs of the whole-process figures. */
export interface ProcessInputs {
  lintFile: string;
  /** The 20-file multilingual workspace. */
  workspace: string;
  /** A real-text corpus folder (scripts/real-corpus.mjs), when given. */
  real?: string;
  runs: number;
  /** Where the empty file is written. */
  scratch: string;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;
const mb = (n: number): string => `${n.toFixed(0)} MB`;
const x = (n: number): string => `${n.toFixed(2)}x`;

function folderMB(dir: string): number {
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith('.sft.yaml'))
      .reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1048576
  );
}

/** A workspace lint next to parsing its files: CPU ratio and peak RSS against their budgets. */
function workspaceLines(label: string, dir: string, p: Paired): Line[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sft.yaml')).length;
  return [
    {
      name: `sft lint ${label} (${files} files, ${folderMB(dir).toFixed(1)} MB): CPU ${ms(p.a.cpuMs)} vs parseDocument process ${ms(p.b.cpuMs)} (wall ${x(p.ratio.wall)})`,
      value: x(p.ratio.cpu),
      budget: '<= 1.5x',
      pass: p.ratio.cpu <= 1.5,
    },
    {
      name: `sft lint ${label}: peak RSS (parseDocument process ${mb(p.b.peakMB)})`,
      value: mb(p.a.peakMB),
      budget: '<= 250 MB',
      pass: p.a.peakMB <= 250,
    },
  ];
}

/** Measure every whole-process figure; the lines for the table and the figures for results.json. */
export function processLines(inputs: ProcessInputs): {
  lines: Line[];
  results: Record<string, Paired>;
} {
  const empty = join(inputs.scratch, 'empty.sft.yaml');
  writeFileSync(empty, '');
  const n = inputs.runs;
  const results: Record<string, Paired> = {};
  results.empty = paired([CLI, 'lint', empty], ['-e', '0'], n);
  results.file = paired([CLI, 'lint', inputs.lintFile], [PARSE_ONLY, inputs.lintFile], n);
  results.workspace = paired(
    [CLI, 'lint', inputs.workspace],
    [PARSE_ONLY, inputs.workspace],
    Math.max(3, n - 2),
  );
  if (inputs.real)
    results.real = paired(
      [CLI, 'lint', inputs.real],
      [PARSE_ONLY, inputs.real],
      Math.max(3, n - 2),
    );
  const { empty: e, file: f } = results;
  const lines: Line[] = [
    {
      name: `sft lint of an empty file, whole process: wall (node -e 0: ${ms(e.b.wallMs)})`,
      value: ms(e.a.wallMs),
      budget: '<= 150 ms',
      pass: e.a.wallMs <= 150,
    },
    {
      name: `sft lint of an empty file, whole process: peak RSS (node -e 0: ${mb(e.b.peakMB)})`,
      value: mb(e.a.peakMB),
      budget: '<= 70 MB',
      pass: e.a.peakMB <= 70,
    },
    {
      name: `sft lint ${(statSync(inputs.lintFile).size / 1048576).toFixed(1)} MB file (${ms(f.a.wallMs)}) vs parseDocument process (${ms(f.b.wallMs)}), wall (CPU ${x(f.ratio.cpu)})`,
      value: x(f.ratio.wall),
      budget: '<= 1.3x',
      pass: f.ratio.wall <= 1.3,
    },
    ...workspaceLines('multilingual workspace', inputs.workspace, results.workspace),
  ];
  if (inputs.real && results.real)
    lines.push(...workspaceLines('real-text corpus', inputs.real, results.real));
  return { lines, results };
}
