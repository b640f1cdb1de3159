/** The guard of the fuzz suites: a job that hangs or eats memory is reported, never hangs the suite. */
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { REAL_PAIRS } from './bad-input-gen';
import { BoundedRunner } from './bounded-runner';

describe('fuzz: the bounded runner', function () {
  this.timeout(60_000);

  it('stops a job that hangs and one that runs out of heap, reports each, and runs the next job', async () => {
    const runner = new BoundedRunner({ timeMs: 1_000, heapMb: 64, workers: 1 });
    const bytes = new TextEncoder().encode(REAL_PAIRS[0]);
    try {
      const started = performance.now();
      const hang = await runner.run({ kind: 'hang' });
      const memory = await runner.run({ kind: 'memory' });
      const after = await runner.run({ kind: 'pairs', bytes });
      const again = await runner.run({ kind: 'pairs', bytes });
      assert.equal(hang.verdict, 'hang', hang.why);
      assert.match(hang.why!, /^(used more than 1000 ms of CPU|took more than \d+ ms)$/);
      assert.ok(hang.ms >= 1_000 && hang.ms < 20_000, `${hang.ms} ms`);
      assert.equal(memory.verdict, 'memory', memory.why);
      assert.equal(memory.why, 'ran out of 64 MB of heap');
      assert.equal(after.verdict, 'ok', after.why);
      assert.equal(again.verdict, 'ok', again.why);
      assert.ok(after.heapMb > 0 && after.heapMb < 64, `${after.heapMb} MB`);
      assert.ok(performance.now() - started < 50_000);
    } finally {
      await runner.close();
    }
  });
});
