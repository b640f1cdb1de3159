/**
 * `npm run bench`: the performance budgets of SFT Studio, measured in one run over a
 * deterministic generated corpus, as the median of several iterations.
 *
 *   cold lint of a 4 MB file vs yaml.parseDocument alone        <= 1.3x
 *   re-lint after a one-character edit vs cold lint              <= 3%
 *   workspace pass over 100,000 pairs in 100 files vs parsing    <= 1.5x (both cores)
 *   peak RSS of the workspace pass (main thread + workers)       <= 400 MB
 *
 * Whole processes (bench/process.ts: A and B in turn, medians of several runs):
 *   `sft lint` of an empty file                                  <= 150 ms wall, <= 70 MB peak
 *   `sft lint` of the 4 MB file vs a process that only parses it <= 1.3x wall
 *   `sft lint` of the 20-file, 6 MB multilingual workspace vs a
 *     process that only parses its files                         <= 1.5x CPU, <= 250 MB peak
 *   the same on a real-text corpus, with --real DIR (scripts/real-corpus.mjs writes one)
 *
 * The workspace pass and its baseline each run in a fresh child process, so one does not
 * warm or bloat the heap of the other and the child's peak RSS (peak-rss.ts) is the pass's own peak
 * (worker threads share their process's RSS).
 *
 * Options: --iterations N (default 5 for lint, 3 for the pass), --runs N (whole-process
 * pairs, default 7), --only lint|pass|process, --real DIR, --corpus DIR (default: a folder
 * in the OS temp dir, generated once per corpus version).
 * --vscode (or SFT_BENCH_VSCODE=1): then the editor budgets, `npm run bench:vscode` (bench/vscode.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { peakRssKb } from './peak-rss';
import { FileLinter } from '../src/core/lint';
import { loadGuidelines } from '../src/core/guidelines';
import { computeCoverage } from '../src/core/coverage';
import { runWorkspacePass } from '../src/node/pass';
import { nodeTextServices } from '../src/node/text-services';
import type { Problem, TextEdit } from '../src/core/types';
import {
  BENCH_GUIDELINES,
  CORPUS_DIR,
  CORPUS_VERSION,
  CorpusGenerator,
  lintFileIn,
  multilingualIn,
} from './corpus';
import { MultilingualGenerator } from './corpus-multilingual';
import { processLines } from './process-budgets';

const FILES = 100;
const PAIRS_PER_FILE = 1000;
const SEED = 20240601;
/** The cold-lint file: pairs written like the corpus's, enough of them for at least 4 MiB. */
const LINT_FILE_PAIRS = 1200;
const LINT_FILE_MIN_BYTES = 4 * 1048576;
/** The multilingual workspace: 20 files of 300 KB (6 MB); bump the version when its files change. */
const MULTILINGUAL_VERSION = 1;
const MULTILINGUAL_FILES = 20;
const MULTILINGUAL_FILE_BYTES = 300 * 1024;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Write the corpus once; later runs reuse it (the same seed gives the same bytes). The
 * cold-lint file sits in a subfolder, outside the workspace pass.
 */
function ensureCorpus(dir: string): {
  files: string[];
  lintFile: string;
  planted: CorpusGenerator['planted'];
} {
  const marker = join(dir, `corpus-v${CORPUS_VERSION}.json`);
  const files = Array.from({ length: FILES }, (_, i) =>
    join(dir, `batch-${String(i).padStart(3, '0')}.sft.yaml`),
  );
  const lintFile = lintFileIn(dir);
  if (existsSync(marker))
    return {
      files,
      lintFile,
      planted: JSON.parse(readFileSync(marker, 'utf8')) as CorpusGenerator['planted'],
    };
  mkdirSync(join(dir, 'lint'), { recursive: true });
  process.stdout.write(`generating corpus in ${dir} ...`);
  const gen = new CorpusGenerator(SEED);
  files.forEach((f, i) =>
    writeFileSync(f, gen.file(`b${String(i).padStart(3, '0')}`, PAIRS_PER_FILE)),
  );
  writeFileSync(join(dir, 'sft.guidelines.yaml'), BENCH_GUIDELINES);
  writeFileSync(lintFile, new CorpusGenerator(SEED + 1).file('lint', LINT_FILE_PAIRS));
  writeFileSync(marker, JSON.stringify(gen.planted));
  process.stdout.write(' done\n');
  return { files, lintFile, planted: gen.planted };
}

/** The multilingual workspace: 20 files of about 300 KB, written once (its own version marker). */
function ensureMultilingual(dir: string): string {
  const ws = multilingualIn(dir);
  const marker = join(ws, `multilingual-v${MULTILINGUAL_VERSION}.json`);
  if (existsSync(marker)) return ws;
  mkdirSync(ws, { recursive: true });
  const gen = new MultilingualGenerator(SEED + 2);
  for (let i = 0; i < MULTILINGUAL_FILES; i++)
    writeFileSync(
      join(ws, `set-${String(i).padStart(2, '0')}.sft.yaml`),
      gen.fileOfSize(`m${String(i).padStart(2, '0')}`, MULTILINGUAL_FILE_BYTES),
    );
  writeFileSync(join(ws, 'sft.guidelines.yaml'), BENCH_GUIDELINES);
  writeFileSync(marker, JSON.stringify(gen.planted));
  return ws;
}

/** CPU time of the whole process, every thread (contention on a shared machine does not inflate it). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Child mode: one workspace pass (index + coverage + workspace rules), figures on stdout. */
async function childPass(dir: string): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sft.yaml'))
    .sort()
    .map((f) => join(dir, f));
  const gsrc = {
    path: join(dir, 'sft.guidelines.yaml'),
    text: readFileSync(join(dir, 'sft.guidelines.yaml'), 'utf8'),
  };
  let sampled = 0;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 25);
  const t0 = performance.now();
  const res = await runWorkspacePass(files, {
    guidelinesFor: () => gsrc,
    workerPath: join(__dirname, 'index-worker.js'),
  });
  const t1 = performance.now();
  let duplicateIds = 0;
  let nearDuplicates = 0;
  for (const f of res.index.files()) {
    for (const p of res.index.problemsFor(f, res.guidelinesFor)) {
      if (p.rule === 'duplicate-id') duplicateIds++;
      else nearDuplicates++;
    }
  }
  const t2 = performance.now();
  const coverage = computeCoverage(res.index.pairs(), res.guidelinesFor(files[0]));
  const t3 = performance.now();
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const out = {
    ms: t3 - t0,
    indexMs: t1 - t0,
    rulesMs: t2 - t1,
    coverageMs: t3 - t2,
    cpuMs: cpuMs(),
    maxRssMB: peakRssKb() / 1024,
    sampledRssMB: sampled / 1048576,
    heapUsedMB: process.memoryUsage().heapUsed / 1048576,
    pairs: res.index.size,
    workers: res.workers,
    duplicateIds,
    nearDuplicates,
    verifiedCandidates: res.index.verifiedCandidates,
    tasksCovered: `${coverage.tasks.covered}/${coverage.tasks.total}`,
    errors: res.errors.length,
  };
  process.stdout.write(JSON.stringify(out));
}

/** Child mode: the baseline, reading and `yaml.parseDocument` of every file, one thread. */
function childParse(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sft.yaml'))
    .sort()
    .map((f) => join(dir, f));
  const t0 = performance.now();
  let items = 0;
  for (const f of files) {
    const doc = parseDocument(readFileSync(f, 'utf8'));
    items += doc.errors.length;
  }
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: cpuMs(),
      maxRssMB: peakRssKb() / 1024,
      errors: items,
    }),
  );
}

function runChild<T>(mode: string, dir: string): T {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out) as T;
}

/** An offset inside the prompt text of the pair in the middle of the file. */
function editPoint(text: string): number {
  const mid = text.indexOf('\n  - id:', text.length >> 1);
  const prompt = text.indexOf('\n    prompt: |\n', mid);
  return text.indexOf('\n', prompt + 16) - 3;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  const key = (p: Problem): string =>
    `${p.rule}|${p.severity}|${p.start}|${p.end}|${p.message}|${p.pairId ?? ''}|${JSON.stringify(p.fixes ?? [])}`;
  return a.length === b.length && a.every((p, i) => key(p) === key(b[i]));
}

export interface Line {
  name: string;
  value: string;
  budget: string;
  pass: boolean;
}

/** What a `--child pass` run prints. */
interface PassFigures {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  pairs: number;
  workers: number;
  [more: string]: unknown;
}

async function main(): Promise<void> {
  const dir = arg('--corpus') ?? CORPUS_DIR;
  const only = arg('--only');
  const { lintFile, planted } = ensureCorpus(dir);
  const guidelines = loadGuidelines(BENCH_GUIDELINES, join(dir, 'sft.guidelines.yaml')).guidelines;
  const lines: Line[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    corpus: dir,
    planted,
  };

  if (!only || only === 'lint') {
    const iterations = Number(arg('--iterations') ?? 5);
    const text = readFileSync(lintFile, 'utf8');
    if (Buffer.byteLength(text) < LINT_FILE_MIN_BYTES)
      throw new Error(`the cold-lint file is under 4 MiB: ${lintFile}`);
    // Warm both paths once so JIT state is comparable.
    const services = nodeTextServices();
    parseDocument(text);
    new FileLinter(guidelines, services).lint(text);
    const parseMs: number[] = [];
    const lintMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      gc();
      let t = performance.now();
      parseDocument(text);
      parseMs.push(performance.now() - t);
      gc();
      t = performance.now();
      new FileLinter(guidelines, services).lint(text);
      lintMs.push(performance.now() - t);
    }
    const lintRatio = median(lintMs) / median(parseMs);
    const linter = new FileLinter(guidelines, services);
    const prev = linter.lint(text);
    const at = editPoint(text);
    const edit: TextEdit = { start: at, end: at + 1, newText: text[at] === 'x' ? 'y' : 'x' };
    const newText = text.slice(0, at) + edit.newText + text.slice(at + 1);
    const updateMs: number[] = [];
    let updated = linter.update(prev, [edit], newText);
    for (let i = 0; i < Math.max(iterations, 9); i++) {
      gc();
      const t = performance.now();
      updated = linter.update(prev, [edit], newText);
      updateMs.push(performance.now() - t);
    }
    const full = new FileLinter(guidelines, services).lint(newText);
    const equal = sameProblems(updated.problems, full.problems);
    const pct = (median(updateMs) / median(lintMs)) * 100;
    Object.assign(results, {
      lintFileMB: text.length / 1048576,
      lintFilePairs: prev.model.pairs.length,
      lintProblems: prev.problems.length,
      parseMs: median(parseMs),
      lintMs: median(lintMs),
      lintRatio,
      updateMs: median(updateMs),
      updatePercent: pct,
      updateEqualsFullLint: equal,
    });
    lines.push(
      {
        name: `cold lint ${(text.length / 1048576).toFixed(1)} MB (${median(lintMs).toFixed(0)} ms) vs parseDocument (${median(parseMs).toFixed(0)} ms)`,
        value: `${lintRatio.toFixed(2)}x`,
        budget: '<= 1.3x',
        pass: lintRatio <= 1.3,
      },
      {
        name: `re-lint after 1-char edit (${median(updateMs).toFixed(2)} ms), same problems as full lint: ${equal}`,
        value: `${pct.toFixed(2)}%`,
        budget: '<= 3%',
        pass: pct <= 3 && equal,
      },
    );
  }

  if (!only || only === 'pass') {
    const iterations = Number(arg('--iterations') ?? 3);
    const passes: PassFigures[] = [];
    const parses: { ms: number; cpuMs: number; maxRssMB: number }[] = [];
    for (let i = 0; i < iterations; i++) {
      parses.push(runChild<{ ms: number; cpuMs: number; maxRssMB: number }>('parse', dir));
      passes.push(runChild<PassFigures>('pass', dir));
    }
    const passMs = median(passes.map((p) => p.ms));
    const baseMs = median(parses.map((p) => p.ms));
    const peak = Math.max(...passes.map((p) => p.maxRssMB));
    const ratio = passMs / baseMs;
    const last = passes[passes.length - 1];
    // Best-of ratio too: on a shared machine other processes slow the two-core pass more than
    // the one-core baseline, and the minimum is the least disturbed measurement of each.
    const bestRatio = Math.min(...passes.map((p) => p.ms)) / Math.min(...parses.map((p) => p.ms));
    // CPU time (all threads) of the pass over that of the baseline: the work done, whatever the load.
    const cpuRatio = median(passes.map((p) => p.cpuMs)) / median(parses.map((p) => p.cpuMs));
    Object.assign(results, {
      passMs,
      passParseMs: baseMs,
      passRatio: ratio,
      passBestRatio: bestRatio,
      passCpuRatio: cpuRatio,
      passPeakRssMB: peak,
      parseBaselinePeakRssMB: Math.max(...parses.map((p) => p.maxRssMB)),
      passDetail: last,
      passRuns: passes,
      parseRuns: parses,
    });
    lines.push(
      {
        name: `workspace pass ${last.pairs} pairs/${FILES} files, ${last.workers} workers (${(passMs / 1000).toFixed(1)} s) vs parseDocument 1 thread (${(baseMs / 1000).toFixed(1)} s)`,
        value: `${ratio.toFixed(2)}x`,
        budget: '<= 1.5x',
        pass: ratio <= 1.5,
      },
      {
        name: `workspace pass peak RSS (process VmHWM, workers included)`,
        value: `${peak.toFixed(0)} MB`,
        budget: '<= 400 MB',
        pass: peak <= 400,
      },
    );
  }

  if (!only || only === 'process') {
    const figures = processLines({
      lintFile,
      workspace: ensureMultilingual(dir),
      real: arg('--real'),
      runs: Number(arg('--runs') ?? 7),
      scratch: dir,
    });
    lines.push(...figures.lines);
    results.process = figures.results;
  }

  const width = Math.max(...lines.map((l) => l.name.length));
  console.log(
    `\n${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'budget'.padEnd(9)}  result`,
  );
  for (const l of lines)
    console.log(
      `${l.name.padEnd(width)}  ${l.value.padStart(9)}  ${l.budget.padEnd(9)}  ${l.pass ? 'PASS' : 'FAIL'}`,
    );
  if (results.passDetail) {
    console.log(
      `\npass runs (ms, peak RSS MB): ${JSON.stringify((results.passRuns as { ms: number; maxRssMB: number }[]).map((p) => [Math.round(p.ms), Math.round(p.maxRssMB)]))}; parse runs (ms): ${JSON.stringify((results.parseRuns as { ms: number }[]).map((p) => Math.round(p.ms)))}; best-of ratio ${(results.passBestRatio as number).toFixed(2)}x; CPU-time ratio (all threads) ${(results.passCpuRatio as number).toFixed(2)}x`,
    );
    console.log('pass detail:', JSON.stringify(results.passDetail));
  }
  results.lines = lines;
  mkdirSync(join(__dirname), { recursive: true });
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\nwritten ${join(__dirname, 'results.json')}`);
}

if (process.argv[2] === '--child') {
  const [, , , mode, dir] = process.argv;
  if (mode === 'pass')
    childPass(dir).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  else childParse(dir);
} else {
  main()
    .then(editorBudgets)
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}

/** `npm run bench -- --vscode` (or SFT_BENCH_VSCODE=1): the editor budgets next, in a real extension host. */
function editorBudgets(): void {
  if (!process.argv.includes('--vscode') && process.env.SFT_BENCH_VSCODE !== '1') return;
  const run = spawnSync('npm', ['run', 'bench:vscode'], {
    cwd: join(__dirname, '../..'),
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
