/**
 * The CLI's workspace pass: read, parse and index every file on worker threads (two by
 * default: the work is CPU-bound and each worker holds one file at a time, which keeps peak
 * memory low), building one WorkspaceIndex in the main thread. Falls back to the main
 * thread when workers are unavailable.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Guidelines } from '../core/guidelines';
import type { Problem } from '../core/types';
import { WorkspaceIndex } from '../core/workspace/index';
import { GuidelinesCache, runIndexJob, unpackSignatures } from './index-job';
import type { GuidelinesSource, IndexJob, IndexJobResult, LineStarts } from './pass-protocol';
import { nodeTextServices } from './text-services';

export type { GuidelinesSource } from './pass-protocol';

/** Options of a workspace pass. */
export interface WorkspacePassOptions {
  /** The guidelines text that applies to a file (undefined: the built-in defaults). Called once per file, in the main thread. */
  guidelinesFor?: (path: string) => GuidelinesSource | undefined;
  /** The file's key in the index (default: the path as given). */
  keyOf?: (path: string) => string;
  /** Also lint each file in its worker and return the problems. */
  lint?: boolean;
  /**
   * Count each pair's words (default true): coverage needs the counts, the workspace rules do
   * not, so a pass that only lints saves counting the pairs no rule counted.
   */
  counts?: boolean;
  /** Whether the guidelines' regex patterns may run (default true: the CLI runs on the user's own files). */
  trusted?: boolean;
  /** Worker threads to use (default: 2, at most the machine's cores); 0 runs in the main thread. */
  workers?: number;
  /** The bundled worker script (default: index-worker.js next to this bundle). */
  workerPath?: string;
  /** Heap limits per worker (default: workerLimits() of the largest file). */
  workerLimits?: { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb?: number };
  /** Add to this index instead of a new one. */
  index?: WorkspaceIndex;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
  /** Stops handing out files; files already being indexed finish. */
  signal?: AbortSignal;
}

/** What a pass produced. */
export interface WorkspacePassResult {
  index: WorkspaceIndex;
  /** The guidelines each file was indexed with (by index key), for problemsFor and coverage. */
  guidelinesFor(file: string): Guidelines;
  /** File linter problems per file key, when `lint` was set. */
  lintProblems: Map<string, Problem[]>;
  /** Line starts of each linted file, to place its problems without reading it again. */
  lines: Map<string, LineStarts>;
  /** Files that could not be read, with why. */
  errors: { file: string; message: string }[];
  /** Worker threads used (0: ran in the main thread). */
  workers: number;
  /** Whether the signal stopped the pass before every file was indexed. */
  cancelled: boolean;
}

/**
 * Heap limits of each worker. A worker holds one file's text and parse tree at a time, but
 * left alone V8 lets its heap grow far past that before collecting. A small young generation
 * and an old-generation cap sized from the largest file (parsing a file peaks at ~15x its
 * size: two-byte text, CST, document, model) make it collect sooner. A file too big for the
 * cap crashes its worker (out of memory) and is indexed in the main thread instead, so the
 * cap costs speed on such a file, never results.
 */
export function workerLimits(largestFileBytes: number): {
  maxYoungGenerationSizeMb: number;
  maxOldGenerationSizeMb: number;
} {
  const mb = largestFileBytes / 1048576;
  return {
    maxYoungGenerationSizeMb: 8,
    maxOldGenerationSizeMb: Math.min(4096, Math.max(64, Math.ceil(48 + 16 * mb))),
  };
}

function largestFile(paths: readonly string[]): number {
  let max = 0;
  for (const p of paths) {
    try {
      max = Math.max(max, statSync(p).size);
    } catch {
      /* unreadable: reported when indexed */
    }
  }
  return max;
}

interface PassState {
  jobs: IndexJob[];
  next: number;
  done: number;
  result: WorkspacePassResult;
  opts: WorkspacePassOptions;
  limits: WorkspacePassOptions['workerLimits'];
}

function accept(state: PassState, out: IndexJobResult): void {
  const { result } = state;
  if (out.error !== undefined) result.errors.push({ file: out.file, message: out.error });
  else result.index.setEntry(unpackSignatures(out));
  if (out.problems) result.lintProblems.set(out.file, out.problems);
  if (out.lines) result.lines.set(out.file, out.lines);
  state.done++;
  state.opts.onProgress?.(state.done, state.jobs.length);
}

function takeJob(state: PassState): IndexJob | undefined {
  if (state.opts.signal?.aborted) {
    state.result.cancelled = state.next < state.jobs.length;
    return undefined;
  }
  return state.next < state.jobs.length ? state.jobs[state.next++] : undefined;
}

/** Index in the main thread, yielding between files so the process stays responsive. */
async function runInProcess(
  state: PassState,
  cache: GuidelinesCache,
  first?: IndexJob,
): Promise<void> {
  for (let job = first ?? takeJob(state); job; job = takeJob(state)) {
    const out = runIndexJob(job, cache);
    if (out.error !== undefined) state.result.errors.push({ file: job.file, message: out.error });
    else state.result.index.setEntry(out.entry);
    if (out.problems) state.result.lintProblems.set(job.file, out.problems);
    if (out.lines) state.result.lines.set(job.file, out.lines);
    state.done++;
    state.opts.onProgress?.(state.done, state.jobs.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** One worker taking one job at a time; a crash sends its job (and the rest of its share) to the main thread. */
function runWorker(state: PassState, workerPath: string, cache: GuidelinesCache): Promise<void> {
  return new Promise((resolve) => {
    let current: IndexJob | undefined;
    let settled = false;
    // Required here: a pass in the main thread (most CLI runs) does not load worker_threads.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(workerPath, { resourceLimits: state.limits });
    const finish = (): void => {
      if (!settled) {
        settled = true;
        void worker.terminate();
        resolve();
      }
    };
    const feed = (): void => {
      current = takeJob(state);
      if (current) worker.postMessage(current);
      else finish();
    };
    worker.on('message', (out: IndexJobResult) => {
      current = undefined;
      accept(state, out);
      feed();
    });
    const fail = (): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      // Redo the lost job here; the other workers keep taking the rest.
      const lost = current;
      current = undefined;
      runInProcess(state, cache, lost).then(resolve, resolve);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    feed();
  });
}

/** Index files in parallel into a WorkspaceIndex. */
export async function runWorkspacePass(
  paths: readonly string[],
  opts: WorkspacePassOptions = {},
): Promise<WorkspacePassResult> {
  const trusted = opts.trusted ?? true;
  const cache = new GuidelinesCache(nodeTextServices());
  const sources = new Map<string, GuidelinesSource | undefined>();
  const jobs = paths.map((path, id): IndexJob => {
    const file = opts.keyOf ? opts.keyOf(path) : path;
    const guidelines = opts.guidelinesFor?.(path);
    sources.set(file, guidelines);
    const job: IndexJob = {
      id,
      path,
      file,
      lint: !!opts.lint,
      counts: opts.counts ?? true,
      trusted,
    };
    if (guidelines) job.guidelines = guidelines;
    return job;
  });
  const result: WorkspacePassResult = {
    index: opts.index ?? new WorkspaceIndex(),
    guidelinesFor: (file) => cache.get(sources.get(file), trusted),
    lintProblems: new Map(),
    lines: new Map(),
    errors: [],
    workers: 0,
    cancelled: false,
  };
  const state: PassState = { jobs, next: 0, done: 0, result, opts, limits: opts.workerLimits };
  const workerPath = opts.workerPath ?? join(__dirname, 'index-worker.js');
  const wanted = Math.min(opts.workers ?? 2, availableParallelism(), jobs.length);
  if (wanted > 0 && existsSync(workerPath)) {
    state.limits ??= workerLimits(largestFile(paths));
    result.workers = wanted;
    await Promise.all(Array.from({ length: wanted }, () => runWorker(state, workerPath, cache)));
  } else {
    await runInProcess(state, cache);
  }
  return result;
}
