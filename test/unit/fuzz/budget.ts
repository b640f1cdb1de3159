/**
 * How long the fuzz and property suites run, and what they tried. `npm test` runs them with a
 * fixed seed and few runs; `npm run fuzz` sets SFT_FUZZ_RUNS (a multiplier), SFT_FUZZ_SEED and
 * SFT_FUZZ_REPORT (a file the totals are written to as JSON).
 */
import { writeFileSync } from 'node:fs';

/** Runs multiplier: 1 under `npm test`. */
export const SCALE = Number(process.env.SFT_FUZZ_RUNS ?? 1);
/** The seed every fuzz suite starts from. */
export const SEED = Number(process.env.SFT_FUZZ_SEED ?? 9_2026);

/** What the suites tried and found. */
export const tally = {
  /** Generated files that action sequences ran on. */
  files: 0,
  sequences: 0,
  actions: 0,
  /** Actions whose plan made edits. */
  edits: 0,
  /** Bad inputs given to core (parse, lint, index) and to `sft`. */
  coreInputs: 0,
  cliInputs: 0,
  guidelineInputs: 0,
  /** Inputs on the skip list (known bugs being fixed elsewhere). */
  skipped: 0,
  crashes: 0,
  /** Inputs stopped at the time limit, and inputs that ran out of heap (bounded-runner.ts). */
  hangs: 0,
  memory: 0,
  bytesLost: 0,
  /** The slowest single input, milliseconds. */
  slowestMs: 0,
  /** The most CPU time one core input used (Linux), milliseconds. */
  slowestCpuMs: 0,
  /** The most heap one core input had in use above what was live before it, MB. */
  maxHeapMb: 0,
  /** `sft lint` on a 100 MB file (refused): wall time and peak RSS (huge-file.test.ts). */
  hugeFile: undefined as { ms: number; rssMb: number } | undefined,
  /** `sft lint` and core on the largest file `sft` reads, under `npm run fuzz`. */
  largestFile: undefined as
    { cliMs: number; cliRssMb: number; coreMs: number; coreHeapMb: number } | undefined,
  /** The bounds each core input ran with (bounded-runner.ts). */
  timeLimitMs: 0,
  heapLimitMb: 0,
};

/** Write the totals where `npm run fuzz` reads them. */
export function reportTally(): void {
  const out = process.env.SFT_FUZZ_REPORT;
  if (out) writeFileSync(out, JSON.stringify({ seed: SEED, scale: SCALE, ...tally }));
}
