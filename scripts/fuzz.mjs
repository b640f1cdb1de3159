// `npm run fuzz`: the fuzz and property suites, longer than `npm test` runs them.
//   SFT_FUZZ_RUNS   how many times the `npm test` counts (default 25)
//   SFT_FUZZ_SEED   the seed (default: a new one, printed, so a failure can be run again)
// Prints what was tried: inputs, action sequences, crashes, hangs, inputs out of memory and
// bytes lost, and the slowest input and the most heap one used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Mocha from 'mocha';

const scale = Number(process.env.SFT_FUZZ_RUNS ?? 25);
const seed = Number(process.env.SFT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const dir = mkdtempSync(join(tmpdir(), 'sft-fuzz-'));
const report = join(dir, 'tally.json');
Object.assign(process.env, {
  SFT_FUZZ_RUNS: String(scale),
  SFT_FUZZ_SEED: String(seed),
  SFT_FUZZ_REPORT: report,
  SFT_PROPERTY_RUNS: String(50 * scale),
  SFT_PROPERTY_SEED: String(seed),
});

for (const args of [['esbuild.mjs'], ['esbuild.mjs', '--tests']]) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`fuzz: seed ${seed}, ${scale} × the npm test runs`);
const mocha = new Mocha({
  reporter: 'spec',
  timeout: 0,
  grep: /^(fuzz:|planEdits \(property\)|fixes \(property\))/,
});
mocha.addFile('dist-test/unit.js');
await mocha.loadFilesAsync();
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
});

const t = JSON.parse(readFileSync(report, 'utf8'));
rmSync(dir, { recursive: true, force: true });
console.log(`
fuzz, seed ${t.seed}:
  no data loss:  ${t.sequences} action sequences (${t.actions} actions, ${t.edits} made edits) over ${t.files} generated files
  bad input:     ${t.coreInputs} pairs files and ${t.guidelineInputs} guidelines files in core, ${t.cliInputs} sft runs
  skipped:       ${t.skipped} inputs of kinds on the known-bug skip list (test/unit/fuzz/bad-input-gen.ts)
  each core input in a worker bounded to ${t.timeLimitMs} ms of CPU and ${t.heapLimitMb} MB of heap
  crashes ${t.crashes}, hangs ${t.hangs}, out of memory ${t.memory}, bytes lost ${t.bytesLost}
  slowest input ${t.slowestMs} ms (core: ${t.slowestCpuMs} ms of CPU); most heap one core input used ${t.maxHeapMb} MB
  100 MB file:   sft lint refuses it in ${t.hugeFile?.ms} ms, peak RSS ${t.hugeFile?.rssMb} MB${
    t.largestFile
      ? `
  largest file sft reads: sft lint ${t.largestFile.cliMs} ms, peak RSS ${t.largestFile.cliRssMb} MB; core ${t.largestFile.coreMs} ms, ${t.largestFile.coreHeapMb} MB of heap`
      : ''
  }
  ${stats.passes} passed, ${stats.failures} failed`);
process.exit(stats.failures ? 1 : 0);
