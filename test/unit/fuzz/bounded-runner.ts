/**
 * Runs core jobs in worker threads, each job bounded in time and heap: a job that runs past
 * its time limit has its worker stopped and is reported as a hang; one that runs out of heap
 * loses its worker and is reported as out of memory. Either way the suite goes on, with a
 * fresh worker. Workers are reused from job to job (a small pool), since starting one costs
 * more than most jobs. The worker side is core-worker.ts, built as dist-test/fuzz-worker.js.
 *
 * The limit is on the worker thread's own CPU time where the system shows it (Linux: its
 * /proc stat), so a machine busy with other work does not turn a slow input into a "hang";
 * wall-clock time is capped too, at {@link WALL_FACTOR} times the limit (and is the limit
 * itself where thread CPU time cannot be read).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** One job for a worker; `hang` and `memory` are probes that prove the guard. */
export type CoreJob =
  | { kind: 'pairs'; bytes: Uint8Array }
  | { kind: 'guidelines'; bytes: Uint8Array; pairs: string }
  | { kind: 'hang' }
  | { kind: 'memory' };

/** What a worker says about a job it finished. */
export interface JobReply {
  /** Why the job broke a promise of core's (a throw, a misplaced problem), or undefined. */
  why?: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** Most heap the job had in use above what was live before it, in MB. */
  heapMb: number;
}

/** How a job ended. */
export interface Outcome extends JobReply {
  verdict: 'ok' | 'crash' | 'hang' | 'memory';
  /** CPU milliseconds of the worker thread, when the system shows them. */
  cpuMs?: number;
}

/** Bounds per job, and how many workers run at once. */
export interface Limits {
  /** CPU time of the worker thread (wall-clock time where that cannot be read). */
  timeMs: number;
  /** The worker's old-generation heap cap (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  workers: number;
}

/** The bounds the fuzz suites run core inputs with; SFT_FUZZ_LIMIT_MS and SFT_FUZZ_HEAP_MB change them. */
export const FUZZ_LIMITS: Limits = {
  timeMs: Number(process.env.SFT_FUZZ_LIMIT_MS ?? 10_000),
  heapMb: Number(process.env.SFT_FUZZ_HEAP_MB ?? 512),
  workers: Math.min(2, availableParallelism()),
};

/** Wall-clock time a job may take, as a multiple of the CPU time limit. */
const WALL_FACTOR = 6;
/** How often a running job's CPU time is looked at. */
const POLL_MS = 100;

/** dist-test/fuzz-worker.js, next to the unit bundle this file is built into. */
const WORKER = join(__dirname, 'fuzz-worker.js');

/** CPU milliseconds a thread has used (Linux), or undefined. */
function threadCpuMs(tid: number | undefined): number | undefined {
  if (tid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state is the 3rd, utime and stime the 14th and 15th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return undefined;
  }
}

/** A pool of bounded workers; {@link close} it when done. */
export class BoundedRunner {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  /** Each worker's thread id, where the system shows it. */
  private readonly tids = new Map<Worker, number | undefined>();
  private live = 0;

  constructor(readonly limits: Limits) {}

  /** Run one job in a worker within the limits. */
  async run(job: CoreJob): Promise<Outcome> {
    const worker = await this.take();
    const tid = this.tids.get(worker);
    const cpuAtStart = threadCpuMs(tid);
    const { timeMs, heapMb } = this.limits;
    const wallMs = cpuAtStart === undefined ? timeMs : timeMs * WALL_FACTOR;
    return new Promise((resolve) => {
      const started = performance.now();
      const cpu = () => {
        const now = threadCpuMs(tid);
        return now === undefined || cpuAtStart === undefined ? undefined : now - cpuAtStart;
      };
      const end = (outcome: Omit<Outcome, 'ms' | 'cpuMs'>, reusable: boolean): void => {
        clearInterval(poll);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        const measured = { ms: performance.now() - started, cpuMs: cpu() };
        if (reusable) this.give(worker);
        else this.lose(worker);
        resolve({ ...measured, ...outcome });
      };
      const onMessage = (r: JobReply) => end({ ...r, verdict: r.why ? 'crash' : 'ok' }, true);
      const onError = (e: Error & { code?: string }) =>
        end(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { verdict: 'memory', why: `ran out of ${heapMb} MB of heap`, heapMb }
            : { verdict: 'crash', why: `the worker failed: ${e.stack ?? String(e)}`, heapMb: 0 },
          false,
        );
      const onExit = (code: number) =>
        end({ verdict: 'crash', why: `the worker exited (${code})`, heapMb: 0 }, false);
      const poll = setInterval(() => {
        const used = cpu();
        if (used !== undefined && used > timeMs)
          end({ verdict: 'hang', why: `used more than ${timeMs} ms of CPU`, heapMb: 0 }, false);
        else if (performance.now() - started > wallMs)
          end({ verdict: 'hang', why: `took more than ${wallMs} ms`, heapMb: 0 }, false);
      }, POLL_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  /** An idle worker, a new one when there is room, else the next one given back. */
  private take(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.live < this.limits.workers) return this.start();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** A worker that hung or died is stopped; whoever waits for one gets a new one. */
  private lose(w: Worker): void {
    this.live--;
    this.tids.delete(w);
    void w.terminate();
    const next = this.waiting.shift();
    if (next) void this.start().then(next);
  }

  /** A new worker, once it has loaded core and warmed up (so no job pays for that). */
  private start(): Promise<Worker> {
    this.live++;
    const w = new Worker(WORKER, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.heapMb,
        maxYoungGenerationSizeMb: 16,
        // As deep as the main thread's stack: core must not lean on a deeper one.
        stackSizeMb: 1,
      },
    });
    return new Promise((resolve, reject) => {
      w.once('error', reject).once('message', (ready: { tid?: number }) => {
        w.off('error', reject);
        this.tids.set(w, ready.tid);
        resolve(w);
      });
    });
  }
}
