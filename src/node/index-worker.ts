/**
 * The index worker of the workspace pass (bundled to dist/index-worker.js): indexes one
 * file at a time and sends back only its IndexedFile, so a worker never holds more than one
 * file's text and parse tree. Its heap is kept small by the pass's resource limits, not by
 * forced collections (a full GC after each file cost ~45% more time for ~10 MB less RSS).
 */
import { parentPort } from 'node:worker_threads';
import { GuidelinesCache, packResult, runIndexJob } from './index-job';
import type { IndexJob } from './pass-protocol';
import { nodeTextServices } from './text-services';

const cache = new GuidelinesCache(nodeTextServices());

parentPort?.on('message', (job: IndexJob) => {
  const result = packResult(job.id, runIndexJob(job, cache));
  const transfer = [result.signatures.buffer as ArrayBuffer];
  if (result.lines) transfer.push(result.lines.starts.buffer as ArrayBuffer);
  parentPort!.postMessage(result, transfer);
});
