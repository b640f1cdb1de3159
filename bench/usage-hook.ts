/**
 * Preloaded (`node --require`) into each process the whole-process bench measures: at exit
 * it writes the process's own CPU time (every thread) and peak RSS to $SFT_BENCH_USAGE, in
 * microseconds and kilobytes, which a parent cannot read back from a reaped child.
 */
import { appendFileSync } from 'node:fs';
import { peakRssKb } from './peak-rss';

const out = process.env.SFT_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(
      out,
      `${JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: peakRssKb() })}\n`,
    );
  });
}
