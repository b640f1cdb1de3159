/**
 * One unit of the workspace pass: read a file, parse it, index it (and lint it when asked),
 * packed for the trip back to the main thread. Runs in index workers and, when workers are
 * unavailable, in the main thread.
 */
import { readFileSync } from 'node:fs';
import { parseSft } from '../core/parse/parse';
import type { FileLinter } from '../core/lint';
import { defaultGuidelines, loadGuidelines, type Guidelines } from '../core/guidelines';
import { indexFile } from '../core/workspace/index-file';
import { NUM_HASHES } from '../core/workspace/minhash';
import type { IndexedFile } from '../core/workspace/types';
import type { Problem } from '../core/types';
import type { TextServices } from '../core/services';
import { lineStarts } from '../core/text/lines';
import { stderrLintLog } from './lint-log';
import type { FilePart, GuidelinesSource, IndexJob, IndexJobResult, LineStarts } from './pass-protocol';

// The lint rules are required on first use only (esbuild keeps a required module's
// initialisation inside the call), so a pass that only indexes never initialises them.
function newLinter(g: Guidelines, services: TextServices): FileLinter {
  const { FileLinter: Linter } = require('../core/lint') as typeof import('../core/lint');
  return new Linter(g, services, { log: stderrLintLog });
}

/** Loaded guidelines (and a linter for them) by path and text, so each is parsed once per thread. */
export class GuidelinesCache {
  private readonly cache = new Map<string, { guidelines: Guidelines; linter?: FileLinter }>();

  /** @param services what the linters count tokens and detect languages with. */
  constructor(private readonly services: TextServices) {}

  private entry(src: GuidelinesSource | undefined, trusted: boolean): { guidelines: Guidelines; linter?: FileLinter } {
    const key = src ? `${trusted ? 1 : 0}\0${src.path}\0${src.text}` : `${trusted ? 1 : 0}\0`;
    let e = this.cache.get(key);
    if (!e) {
      const guidelines = src ? loadGuidelines(src.text, src.path).guidelines : defaultGuidelines();
      guidelines.trusted = trusted;
      e = { guidelines };
      this.cache.set(key, e);
    }
    return e;
  }

  /** The guidelines for a source text. */
  get(src: GuidelinesSource | undefined, trusted: boolean): Guidelines {
    return this.entry(src, trusted).guidelines;
  }

  /** A file linter for a source text. */
  linter(src: GuidelinesSource | undefined, trusted: boolean): FileLinter {
    const e = this.entry(src, trusted);
    e.linter ??= newLinter(e.guidelines, this.services);
    return e.linter;
  }
}

/** What a job yields before packing. */
export interface IndexJobOutput {
  entry: IndexedFile;
  problems?: Problem[];
  lines?: LineStarts;
  error?: string;
}

/** The pairs [from, to) that part `index` of `of` covers among `count` pairs. */
export function partRange(count: number, part: FilePart | undefined): { from: number; to: number } {
  if (!part) return { from: 0, to: count };
  return { from: Math.floor((count * part.index) / part.of), to: Math.floor((count * (part.index + 1)) / part.of) };
}

/** Run a job; never throws on user content (an unreadable file comes back with `error`). */
export function runIndexJob(job: IndexJob, cache: GuidelinesCache): IndexJobOutput {
  let text: string;
  try {
    text = readFileSync(job.path, 'utf8');
  } catch (e) {
    return { entry: { file: job.file, pairs: [] }, error: (e as Error).message };
  }
  const guidelines = cache.get(job.guidelines, job.trusted);
  const model = parseSft(text);
  const range = partRange(model.pairs.length, job.part);
  const index = (): IndexedFile => indexFile(job.file, model, guidelines, undefined, job.counts, job.part && range);
  if (!job.lint) return { entry: index() };
  const first = !job.part || job.part.index === 0;
  // Lint first: the index takes the counts the rules memoised on each pair.
  const { problems } = cache.linter(job.guidelines, job.trusted).lintModel(model, job.part && { ...range, fileRules: first });
  const out: IndexJobOutput = { entry: index(), problems };
  if (first) out.lines = { starts: lineStarts(text), length: text.length };
  return out;
}

/**
 * Join the outputs of a split file's parts, in part order, into the output of the whole
 * file: pairs in order, problems by position, the first error.
 */
export function joinParts(parts: readonly IndexJobOutput[]): IndexJobOutput {
  const failed = parts.find((p) => p.error !== undefined);
  if (failed) return failed;
  const out: IndexJobOutput = { entry: { file: parts[0].entry.file, pairs: parts.flatMap((p) => p.entry.pairs) } };
  if (parts.some((p) => p.problems)) {
    out.problems = parts.flatMap((p) => p.problems ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
  }
  if (parts[0].lines) out.lines = parts[0].lines;
  return out;
}

/** Pack an output for postMessage: the pairs' signatures move into one buffer (the pairs lose theirs). */
export function packResult(id: number, out: IndexJobOutput): IndexJobResult {
  const { entry } = out;
  const sigSlot = new Int32Array(entry.pairs.length).fill(-1);
  let n = 0;
  entry.pairs.forEach((p, i) => { if (p.signature) sigSlot[i] = n++; });
  const signatures = new Uint16Array(n * NUM_HASHES);
  entry.pairs.forEach((p, i) => {
    if (!p.signature) return;
    signatures.set(p.signature, sigSlot[i] * NUM_HASHES);
    delete p.signature;
  });
  const result: IndexJobResult = { id, file: entry.file, pairs: entry.pairs, signatures, sigSlot };
  if (out.problems) result.problems = out.problems;
  if (out.lines) result.lines = out.lines;
  if (out.error !== undefined) result.error = out.error;
  return result;
}

/** Give the pairs of a result views into its signature buffer. */
export function unpackSignatures(result: IndexJobResult): IndexedFile {
  const { pairs, signatures, sigSlot } = result;
  for (let i = 0; i < pairs.length; i++) {
    const slot = sigSlot[i];
    if (slot >= 0) pairs[i].signature = signatures.subarray(slot * NUM_HASHES, (slot + 1) * NUM_HASHES);
  }
  return { file: result.file, pairs };
}
