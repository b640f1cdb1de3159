/**
 * Whole-process figures: a command run as its own Node process, from spawn to exit, its
 * start-up included, always next to a yardstick process in the same run. Runs alternate
 * (A B A B ...), so a change in the machine's speed during the run moves both; each figure
 * is the median over the runs, and a ratio is the median of the ratios of each A B pair.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One run of a process. */
export interface ProcessRun {
  wallMs: number;
  /** User + system time of every thread of the process. */
  cpuMs: number;
  peakMB: number;
}

/** Medians of A, of B, and of the A/B ratios. */
export interface Paired {
  a: ProcessRun;
  b: ProcessRun;
  ratio: { wall: number; cpu: number };
  runs: { a: ProcessRun[]; b: ProcessRun[] };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const HOOK = join(__dirname, 'usage-hook.js');

/** Run `node <args>` once; its output is discarded. */
export function runNode(args: readonly string[], cwd?: string): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'sft-bench-run-'));
  const usage = join(dir, 'usage.jsonl');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', HOOK, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SFT_BENCH_USAGE: usage },
      maxBuffer: 1 << 24,
    });
    const wallMs = performance.now() - t0;
    if (r.error || (r.status !== 0 && r.status !== 1))
      throw new Error(
        `node ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr?.toString().slice(0, 500)}`,
      );
    const u = JSON.parse(readFileSync(usage, 'utf8').trim().split('\n').pop()!) as {
      cpuUs: number;
      maxRssKb: number;
    };
    return { wallMs, cpuMs: u.cpuUs / 1000, peakMB: u.maxRssKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakMB: median(runs.map((r) => r.peakMB)),
  };
}

/** `n` runs of A and of B in turn, after one unmeasured warm-up run of each (file cache). */
export function paired(a: readonly string[], b: readonly string[], n: number): Paired {
  runNode(a);
  runNode(b);
  const runs = { a: [] as ProcessRun[], b: [] as ProcessRun[] };
  for (let i = 0; i < n; i++) {
    runs.a.push(runNode(a));
    runs.b.push(runNode(b));
  }
  const ratios = runs.a.map((r, i) => ({
    wall: r.wallMs / runs.b[i].wallMs,
    cpu: r.cpuMs / runs.b[i].cpuMs,
  }));
  return {
    a: medianRun(runs.a),
    b: medianRun(runs.b),
    ratio: { wall: median(ratios.map((r) => r.wall)), cpu: median(ratios.map((r) => r.cpu)) },
    runs,
  };
}
