/**
 * Load and lint the files a command names: discover, check that each is readable text,
 * resolve its guidelines, then run the parallel workspace pass (file linter in workers plus
 * the workspace index for duplicate-id and near-duplicate). Commands share this, so lint,
 * coverage and export agree on what a file's problems are.
 */
import { relative, basename } from 'node:path';
import { GUIDELINES_FILE, type Guidelines } from '../core/guidelines';
import { toSlash } from '../core/paths';
import { LineIndex } from '../core/text/lines';
import type { Problem } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace/index';
import { byPlace } from '../core/problem-order';
import { discoverFiles, probeListedFile } from '../node/files';
import { GuidelinesResolver, type GuidelinesFile } from '../node/guidelines';
import { runWorkspacePass } from '../node/pass';
import { UsageError } from './args';

/** One `.sft.yaml` file as a command sees it. */
export interface LintedFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the working folder, with `/`: what output shows, and the index key. */
  path: string;
  /** Whether the file was read and linted (false: its one problem says why not). */
  readable: boolean;
  guidelines: Guidelines;
  /** The guidelines file that applies (undefined: the built-in defaults). */
  guidelinesFile?: string;
  /** File, pair and workspace problems, document offsets, sorted. */
  problems: Problem[];
  /** The file's lines, to place its problems without reading it again (when it was linted). */
  lines?: LineIndex;
}

/** What loading came to. */
export interface LintedWorkspace {
  files: LintedFile[];
  /** Guidelines files that applied (or were named), with their own problems. */
  guidelinesFiles: GuidelinesFile[];
  /** One-line notes for stderr (skipped inputs). */
  notes: string[];
  /** The workspace index of every readable file, keyed by display path. */
  index: WorkspaceIndex;
}

/** Options shared by the commands that load files. */
export interface LoadOptions {
  cwd: string;
  /** `--guidelines`: one guidelines file for every file. */
  guidelines?: string;
  /** Run the file linter too (coverage needs only the index). */
  lint?: boolean;
  /** Count the pairs' words into the index (coverage; lint and export need only problems). */
  counts?: boolean;
}

/**
 * Below this many bytes of pairs the pass runs in the main thread. Each worker compiles its
 * bundle, warms up its own JIT and loads its own language tables: measured on two cores
 * (multilingual pairs), two workers took 1.45x the CPU and 1.5x the wall time of the main
 * thread alone on 24 MB, and 1.3x the CPU for the same wall time on 48 MB, where they kept
 * the peak RSS at 190 MB against 330 MB. Above this size memory decides.
 */
const WORKER_MIN_BYTES = 32 * 1048576;

/** Relative display path with `/`. */
export function displayPath(cwd: string, abs: string): string {
  return toSlash(relative(cwd, abs)) || '.';
}

/** The problem a file gets when it cannot be read as text. */
function unreadable(reason: string): Problem {
  return {
    rule: 'unreadable-file',
    severity: 'error',
    message: `Cannot lint this file: ${reason}.`,
    start: 0,
    end: 0,
  };
}

/** Discover, check, lint and index; throws {@link UsageError} for inputs that name nothing. */
export async function lintWorkspace(
  inputs: readonly string[],
  opts: LoadOptions,
): Promise<LintedWorkspace> {
  const resolver = new GuidelinesResolver(opts.guidelines);
  if (opts.guidelines) {
    const g = resolver.load(opts.guidelines);
    const failed = g.problems.find((p) => p.rule === 'unreadable-file');
    if (failed)
      throw new UsageError(
        `cannot read --guidelines ${opts.guidelines}: ${failed.message.replace(/^Cannot read the guidelines file: /, '').replace(/\.$/, '')}`,
      );
  }
  const discovery = await discoverFiles(inputs.length ? inputs : ['.'], opts.cwd);
  if (discovery.missing.length) {
    const [first] = discovery.missing;
    throw new UsageError(
      /[*?{[]/.test(first)
        ? `no .sft.yaml files match ${first}`
        : `no such file or directory: ${first}`,
    );
  }
  // A folder that cannot be listed would leave its pairs out of a lint or an export unseen.
  if (discovery.unreadable.length) throw new UsageError(discovery.unreadable[0]);
  const files: LintedFile[] = [];
  let bytes = 0;
  for (const abs of discovery.files) {
    // A guidelines file named on the command line is checked as one, not as pairs.
    if (basename(abs) === GUIDELINES_FILE) {
      resolver.load(abs);
      continue;
    }
    const gFile = resolver.fileFor(abs);
    const file: LintedFile = {
      abs,
      path: displayPath(opts.cwd, abs),
      readable: true,
      guidelines: gFile?.guidelines ?? resolver.forFile(abs),
      guidelinesFile: gFile?.path,
      problems: [],
    };
    // Checked here, before the pass: that it is a regular file, readable and within the size
    // limit. The pass reads it once and refuses binary content (a problem of the file, as here).
    const read = probeListedFile(abs);
    if (read.ok) bytes += read.size;
    else {
      file.readable = false;
      file.problems = [unreadable(read.reason)];
    }
    files.push(file);
  }
  const readable = files.filter((f) => f.readable);
  const byAbs = new Map(readable.map((f) => [f.abs, f]));
  const pass = await runWorkspacePass(
    readable.map((f) => f.abs),
    {
      keyOf: (abs) => byAbs.get(abs)!.path,
      guidelinesFor: (abs) => {
        const g = resolver.fileFor(abs);
        return g && g.text ? { path: toSlash(g.path), text: g.text } : undefined;
      },
      lint: opts.lint ?? true,
      counts: opts.counts ?? false,
      workers: bytes < WORKER_MIN_BYTES ? 0 : undefined,
    },
  );
  const failed = new Map(pass.errors.map((e) => [e.file, e.message]));
  for (const f of readable) {
    const error = failed.get(f.path);
    if (error !== undefined) {
      f.readable = false;
      f.problems = [unreadable(error.split('\n')[0])];
      continue;
    }
    f.guidelines = pass.guidelinesFor(f.path);
    const own = pass.lintProblems.get(f.path) ?? [];
    const workspace = pass.index.problemsFor(f.path, pass.guidelinesFor);
    f.problems = [...own, ...workspace].sort(byPlace);
    const lines = pass.lines.get(f.path);
    if (lines) f.lines = new LineIndex(lines.starts, lines.length);
  }
  return { files, guidelinesFiles: resolver.loaded(), notes: discovery.notes, index: pass.index };
}
