/**
 * Bad input, fuzzed: every hostile pairs file and guidelines file (bad-input-gen.ts) gets
 * problems at places in the text, or a one-line message from `sft`; never a crash (an
 * exception out of core's parse, lint or index, a rule that throws, or `sft` exiting with a
 * stack trace) and never a hang. Limits per input, measured here and reported as failures:
 * {@link CORE_LIMIT_MS} in core (one parse, lint and index), {@link CLI_LIMIT_MS} for one
 * `sft` run (the process is stopped then). Inputs are at most a few megabytes.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { defaultGuidelines, type Guidelines } from '../../../src/core/guidelines';
import { loadGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { RULE_METAS } from '../../../src/core/rules/index';
import type { Problem } from '../../../src/core/types';
import { indexFile } from '../../../src/core/workspace/index';
import { CLI, ensureBuilt, tempDir } from '../cli/run-cli';
import { services } from '../helpers';
import {
  badGuidelinesFile,
  badPairsFile,
  KNOWN_SKIPS,
  REAL_PAIRS,
  type BadInput,
} from './bad-input-gen';
import { reportTally, SCALE, SEED, tally } from './budget';

/** Most milliseconds one input may take in core (parse, lint and index) before it counts as a hang. */
const CORE_LIMIT_MS = Number(process.env.SFT_FUZZ_LIMIT_MS ?? 10_000);
/** Most milliseconds one `sft` run may take before it is stopped and counted as a hang. */
const CLI_LIMIT_MS = 30_000;

const CORE_RUNS = Math.round(300 * SCALE);
const GUIDELINE_RUNS = Math.round(100 * SCALE);
const CLI_RUNS = Math.round(8 * SCALE);

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);

/** Why the problems are not at places in the text, or undefined. */
function misplaced(problems: readonly Problem[], text: string): string | undefined {
  const bad = problems.find(
    (p) => !(p.start >= 0 && p.start <= p.end && p.end <= text.length) || !p.message,
  );
  return (
    bad && `problem ${bad.rule} at [${bad.start}, ${bad.end}) of ${text.length}: ${bad.message}`
  );
}

/** Lint and index a text; why that broke a promise, or undefined. Counts crashes and hangs. */
function coreCheck(
  input: BadInput,
  guidelines: Guidelines,
  text = decode(input.bytes),
): string | undefined {
  const thrown: string[] = [];
  const linter = new FileLinter(guidelines, services, {
    log: (message, error) => thrown.push(`${message}: ${String(error)}`),
  });
  const started = performance.now();
  let why: string | undefined;
  try {
    const result = linter.lint(text);
    indexFile('fuzz.sft.yaml', result.model, guidelines);
    why =
      misplaced(result.problems, text) ??
      (thrown.length ? `a rule threw: ${thrown[0]}` : undefined);
  } catch (e) {
    why = `threw: ${(e as Error).stack ?? String(e)}`;
  }
  const ms = performance.now() - started;
  tally.slowestMs = Math.max(tally.slowestMs, Math.round(ms));
  if (why) tally.crashes++;
  else if (ms > CORE_LIMIT_MS) {
    tally.hangs++;
    why = `took ${Math.round(ms)} ms (limit ${CORE_LIMIT_MS})`;
  }
  return why && `${input.kind}: ${why}`;
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

/** Run a property over hostile inputs, skipping (and counting) the kinds on KNOWN_SKIPS. */
function fuzz(
  arb: fc.Arbitrary<BadInput>,
  runs: number,
  seed: number,
  check: (i: BadInput) => string | undefined,
): void {
  fc.assert(
    fc.property(arb, (input) => {
      if (KNOWN_SKIPS.has(input.kind)) {
        tally.skipped++;
        return true;
      }
      const why = check(input);
      if (why) throw new Error(why.slice(0, 3_000));
      return true;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
}

describe('fuzz: bad input', function () {
  this.timeout(Math.max(120_000, (CORE_RUNS + GUIDELINE_RUNS) * 200 + CLI_RUNS * 20_000));
  after(reportTally);
  const defaults = defaultGuidelines();

  it(`core parses, lints and indexes hostile pairs files with problems at places (${CORE_RUNS} inputs, seed ${SEED})`, () => {
    fuzz(badPairsFile, CORE_RUNS, SEED, (input) => {
      tally.coreInputs++;
      return coreCheck(input, defaults);
    });
  });

  it(`core loads hostile guidelines files and lints with them (${GUIDELINE_RUNS} inputs, seed ${SEED})`, () => {
    fuzz(badGuidelinesFile, GUIDELINE_RUNS, SEED + 1, (input) => {
      tally.guidelineInputs++;
      const text = decode(input.bytes);
      let loaded;
      try {
        loaded = loadGuidelines(text, 'sft.guidelines.yaml', RULE_METAS);
      } catch (e) {
        tally.crashes++;
        return `${input.kind}: loading threw: ${(e as Error).stack}`;
      }
      return misplaced(loaded.problems, text) ?? coreCheck(input, loaded.guidelines, REAL_PAIRS[0]);
    });
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
