/**
 * A 100 MB pairs file: `sft lint` refuses it at once with one line (the CLI reads files up
 * to 32 MB, MAX_FILE_BYTES in src/node/files.ts), in bounded time and peak RSS. Under
 * `npm run fuzz` (SFT_FUZZ_RUNS above 1) also a file just under that limit, through
 * `sft lint` and through core in a bounded worker, with the figures in the tally. Files are
 * generated in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, tempDir } from '../cli/run-cli';
import { writeHugePairsFile } from './bad-input-gen';
import { BoundedRunner } from './bounded-runner';
import { SCALE, tally } from './budget';

const MB = 1024 * 1024;

/** `sft lint` on a file in `dir`: what it printed, its exit code, wall time and peak RSS. */
function lintMeasured(dir: string, file: string) {
  ensureBuilt();
  // The child writes its own peak RSS as it exits: no tool outside Node needed.
  const probe = join(dir, 'peak-rss.cjs');
  writeFileSync(
    probe,
    // VmHWM, not resourceUsage().maxRSS: Linux keeps the parent's (mocha's) peak in maxRSS
    // across fork and exec (see bench/peak-rss.ts).
    "const fs = require('fs');\n" +
      "process.on('exit', () => {\n" +
      '  let kb = process.resourceUsage().maxRSS;\n' +
      "  try { kb = Number(/^VmHWM:\\s+(\\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}\n" +
      '  fs.writeSync(2, `\\npeak-rss-kb ${kb}\\n`);\n' +
      '});\n',
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--require', probe, CLI, 'lint', file], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 300_000,
    maxBuffer: 64 * MB,
  });
  const rssMb = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started, rssMb };
}

describe('fuzz: a 100 MB file', function () {
  this.timeout(600_000);
  const { dir, cleanup } = tempDir();
  after(cleanup);

  it('sft lint refuses it at once with one line, within 10 s and 200 MB of RSS', () => {
    writeHugePairsFile(join(dir, 'huge.sft.yaml'), 100 * MB);
    const r = lintMeasured(dir, 'huge.sft.yaml');
    tally.hugeFile = { ms: r.ms, rssMb: Math.round(r.rssMb) };
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stdout,
      /huge\.sft\.yaml:1:1 {2}error {2}Cannot lint this file: file is too large \(100\.\d MB; the limit is 32\.0 MB\)\. {2}unreadable-file\n/,
    );
    assert.ok(r.ms < 10_000, `${r.ms} ms`);
    assert.ok(r.rssMb < 200, `${r.rssMb} MB`);
  });

  it('the largest file sft reads: sft lint and core finish within bounds (npm run fuzz)', async function () {
    if (SCALE <= 1) this.skip();
    const file = join(dir, 'largest.sft.yaml');
    writeHugePairsFile(file, 31 * MB); // just under the 32 MB the CLI reads
    const cli = lintMeasured(dir, 'largest.sft.yaml');
    assert.ok(cli.code === 0 || cli.code === 1, cli.stderr.slice(0, 2_000));
    const runner = new BoundedRunner({ timeMs: 300_000, heapMb: 6_144, workers: 1 });
    try {
      const core = await runner.run({ kind: 'pairs', bytes: readFileSync(file) });
      tally.largestFile = {
        cliMs: cli.ms,
        cliRssMb: Math.round(cli.rssMb),
        coreMs: Math.round(core.ms),
        coreHeapMb: Math.round(core.heapMb),
      };
      assert.equal(core.verdict, 'ok', core.why);
    } finally {
      await runner.close();
    }
  });
});
