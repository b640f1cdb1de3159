/**
 * Bad input, fuzzed: every hostile pairs file and guidelines file (bad-input-gen.ts) gets
 * problems at places in the text, or a one-line message from `sft`; never a crash (an
 * exception out of core's parse, lint or index, a rule that throws, or `sft` exiting with a
 * stack trace) and never a hang. Core runs each input in a worker bounded in time and heap
 * (bounded-runner.ts, {@link FUZZ_LIMITS}): an input that runs past the time limit or out of
 * heap is stopped and counted as a hang or out of memory, and the suite goes on. One `sft`
 * run may take {@link CLI_LIMIT_MS} (the process is stopped then). Inputs are at most a few
 * megabytes.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CLI, ensureBuilt, tempDir } from '../cli/run-cli';
import {
  badGuidelinesFile,
  badPairsFile,
  KNOWN_SKIPS,
  REAL_PAIRS,
  type BadInput,
} from './bad-input-gen';
import { BoundedRunner, FUZZ_LIMITS, type CoreJob } from './bounded-runner';
import { reportTally, SCALE, SEED, tally } from './budget';

/** Most milliseconds one `sft` run may take before it is stopped and counted as a hang. */
const CLI_LIMIT_MS = 30_000;

const CORE_RUNS = Math.round(300 * SCALE);
const GUIDELINE_RUNS = Math.round(100 * SCALE);
const CLI_RUNS = Math.round(8 * SCALE);

/**
 * Run the inputs (skipping, and counting, the kinds on KNOWN_SKIPS) in bounded workers;
 * what broke, one line per input. Counts crashes, hangs, memory and the largest figures.
 */
async function runBounded(
  runner: BoundedRunner,
  inputs: readonly BadInput[],
  job: (input: BadInput) => CoreJob,
): Promise<string[]> {
  const run = inputs.filter((input) => !KNOWN_SKIPS.has(input.kind));
  tally.skipped += inputs.length - run.length;
  const outcomes = await Promise.all(run.map((input) => runner.run(job(input))));
  return outcomes.flatMap((o, i) => {
    tally.slowestMs = Math.max(tally.slowestMs, Math.round(o.ms));
    tally.slowestCpuMs = Math.max(tally.slowestCpuMs, o.cpuMs ?? 0);
    tally.maxHeapMb = Math.max(tally.maxHeapMb, Math.round(o.heapMb));
    if (o.verdict === 'ok') return [];
    if (o.verdict === 'crash') tally.crashes++;
    else if (o.verdict === 'hang') tally.hangs++;
    else tally.memory++;
    return [
      `${run[i].kind} (${run[i].bytes.length} bytes): ${o.verdict}: ${o.why}`.slice(0, 3_000),
    ];
  });
}

/** Why an `sft` run broke a promise (a stack trace, an internal error, a hang), or undefined. */
function cliCheck(kind: string, args: readonly string[], cwd: string): string | undefined {
  tally.cliInputs++;
  ensureBuilt();
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: CLI_LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  tally.slowestMs = Math.max(tally.slowestMs, Date.now() - started);
  if (r.status === null) {
    tally.hangs++;
    return `${kind}: sft ${args.join(' ')} did not end within ${CLI_LIMIT_MS} ms`;
  }
  if (/^\s+at /m.test(r.stderr) || /internal error/.test(r.stderr) || r.status > 2) {
    tally.crashes++;
    return `${kind}: sft ${args.join(' ')} exit ${r.status}: ${r.stderr.slice(0, 800)}`;
  }
  return undefined;
}

describe('fuzz: bad input', function () {
  this.timeout(Math.max(120_000, (CORE_RUNS + GUIDELINE_RUNS) * 200 + CLI_RUNS * 20_000));
  const runner = new BoundedRunner(FUZZ_LIMITS);
  tally.timeLimitMs = FUZZ_LIMITS.timeMs;
  tally.heapLimitMb = FUZZ_LIMITS.heapMb;
  after(() => runner.close());
  after(reportTally);

  it(`core parses, lints and indexes hostile pairs files with problems at places (${CORE_RUNS} inputs, seed ${SEED}; ${FUZZ_LIMITS.timeMs} ms and ${FUZZ_LIMITS.heapMb} MB of heap each)`, async () => {
    const inputs = fc.sample(badPairsFile, { numRuns: CORE_RUNS, seed: SEED });
    tally.coreInputs += inputs.filter((i) => !KNOWN_SKIPS.has(i.kind)).length;
    const failures = await runBounded(runner, inputs, (i) => ({ kind: 'pairs', bytes: i.bytes }));
    assert.deepEqual(failures, []);
  });

  it(`core loads hostile guidelines files and lints with them (${GUIDELINE_RUNS} inputs, seed ${SEED})`, async () => {
    const inputs = fc.sample(badGuidelinesFile, { numRuns: GUIDELINE_RUNS, seed: SEED + 1 });
    tally.guidelineInputs += inputs.filter((i) => !KNOWN_SKIPS.has(i.kind)).length;
    const failures = await runBounded(runner, inputs, (i) => ({
      kind: 'guidelines',
      bytes: i.bytes,
      pairs: REAL_PAIRS[0],
    }));
    assert.deepEqual(failures, []);
  });

  it(`sft lint, lint --fix and coverage end with problems or one line, never a stack trace (${CLI_RUNS} pairs and ${CLI_RUNS} guidelines files, seed ${SEED})`, () => {
    const { dir, cleanup } = tempDir();
    try {
      const pairs = fc.sample(badPairsFile, { numRuns: CLI_RUNS, seed: SEED + 2 });
      const guides = fc.sample(badGuidelinesFile, { numRuns: CLI_RUNS, seed: SEED + 3 });
      const failures: string[] = [];
      pairs.forEach((input, i) => {
        if (KNOWN_SKIPS.has(input.kind)) return void tally.skipped++;
        const file = `in-${i}.sft.yaml`;
        writeFileSync(join(dir, file), input.bytes);
        const why =
          cliCheck(input.kind, ['lint', file], dir) ??
          cliCheck(input.kind, ['lint', '--fix', file], dir);
        if (why) failures.push(why);
      });
      guides.forEach((input, i) => {
        if (KNOWN_SKIPS.has(input.kind)) return void tally.skipped++;
        const sub = join(dir, `g-${i}`);
        mkdirSync(sub);
        writeFileSync(join(sub, 'sft.guidelines.yaml'), input.bytes);
        writeFileSync(join(sub, 'a.sft.yaml'), REAL_PAIRS[i % REAL_PAIRS.length]);
        const why =
          cliCheck(input.kind, ['lint', sub], dir) ?? cliCheck(input.kind, ['coverage', sub], dir);
        if (why) failures.push(why);
      });
      assert.deepEqual(failures, []);
    } finally {
      cleanup();
    }
  });

  it('sft lint ends on a FIFO and on a link to /dev/zero named *.sft.yaml', function () {
    if (KNOWN_SKIPS.has('device-fifo')) {
      tally.skipped += 2;
      this.skip();
    }
    const { dir, cleanup } = tempDir();
    try {
      spawnSync('mkfifo', [join(dir, 'fifo.sft.yaml')]);
      symlinkSync('/dev/zero', join(dir, 'zero.sft.yaml'));
      const failures = [
        cliCheck('device-fifo', ['lint', 'fifo.sft.yaml'], dir),
        cliCheck('device-fifo', ['lint', '.'], dir),
      ];
      assert.deepEqual(failures.filter(Boolean), []);
    } finally {
      cleanup();
    }
  });
});
