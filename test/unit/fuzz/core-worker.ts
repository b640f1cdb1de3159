/**
 * The worker side of bounded-runner.ts: runs one core job at a time (lint and index a pairs
 * file; load a guidelines file and lint with it; or a probe that hangs or eats memory, to
 * prove the guard) and posts back what broke, how long it took and how much heap it used.
 * Built into dist-test/fuzz-worker.js next to the unit bundle.
 */
import { readlinkSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { defaultGuidelines, loadGuidelines, type Guidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { RULE_METAS } from '../../../src/core/rules/index';
import type { Problem } from '../../../src/core/types';
import { indexFile } from '../../../src/core/workspace/index';
import { nodeTextServices } from '../../../src/node/text-services';
import type { CoreJob, JobReply } from './bounded-runner';

const services = nodeTextServices();
const defaults = defaultGuidelines();

// A full collection before each job, so its heap figure starts from what is live.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

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

/** Lint and index a text; why that broke a promise, or undefined. */
function lintAndIndex(text: string, guidelines: Guidelines): string | undefined {
  const thrown: string[] = [];
  const linter = new FileLinter(guidelines, services, {
    log: (message, error) => thrown.push(`${message}: ${String(error)}`),
  });
  const result = linter.lint(text);
  indexFile('fuzz.sft.yaml', result.model, guidelines);
  return (
    misplaced(result.problems, text) ?? (thrown.length ? `a rule threw: ${thrown[0]}` : undefined)
  );
}

const hoard: unknown[] = [];

function run(job: CoreJob): string | undefined {
  switch (job.kind) {
    case 'pairs':
      return lintAndIndex(decode(job.bytes), defaults);
    case 'guidelines': {
      const text = decode(job.bytes);
      const loaded = loadGuidelines(text, 'sft.guidelines.yaml', RULE_METAS);
      return misplaced(loaded.problems, text) ?? lintAndIndex(job.pairs, loaded.guidelines);
    }
    case 'hang':
      for (;;);
    case 'memory':
      for (;;) hoard.push(new Array(1 << 20).fill(hoard.length));
  }
}

/** This thread's id in the system (Linux), so the runner can read its CPU time; or undefined. */
function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The most heap in use while a job ran, above what was live before it: the larger of what it
 * left and what was in use just before each collection during it.
 */
function peakHeapMb(before: number, gcs: GCProfiler): number {
  let peak = getHeapStatistics().used_heap_size;
  for (const g of gcs.stop().statistics)
    peak = Math.max(peak, g.beforeGC.heapStatistics.usedHeapSize);
  return Math.max(0, peak - before) / 1048576;
}

parentPort!.on('message', (job: CoreJob) => {
  gc();
  const before = getHeapStatistics().used_heap_size;
  const gcs = new GCProfiler();
  gcs.start();
  const started = performance.now();
  let why: string | undefined;
  try {
    why = run(job);
  } catch (e) {
    why = `threw: ${(e as Error).stack ?? String(e)}`;
  }
  const reply: JobReply = { why, ms: performance.now() - started, heapMb: peakHeapMb(before, gcs) };
  parentPort!.postMessage(reply);
});

// Load what every lint needs (the token counter's and the language detector's data) before
// the first job, and say so (with the thread's id): the runner starts a job's clock only then.
lintAndIndex(
  'sft: 1\npairs:\n  - id: warm-1\n    prompt: Why is the sky blue on a clear day?\n    response: Air scatters blue light more than red.\n',
  defaults,
);
parentPort!.postMessage({ tid: threadId() });
