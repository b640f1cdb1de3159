/**
 * One unit of the workspace pass: read a file, parse it, index it (and lint it when asked),
 * packed for the trip back to the main thread. Runs in index workers and, when workers are
 * unavailable, in the main thread.
 */
import { parseSft } from '../core/parse/parse';
import type { FileLinter } from '../core/lint';
import { defaultGuidelines, loadGuidelines, type Guidelines } from '../core/guidelines';
import { indexFile } from '../core/workspace/index-file';
import { NUM_HASHES } from '../core/workspace/minhash';
import type { IndexedFile } from '../core/workspace/types';
import type { Problem } from '../core/types';
import type { TextServices } from '../core/services';
import { LineIndex, lineStarts } from '../core/text/lines';
import { readListedFile } from './files';
import { stderrLintLog } from './lint-log';
import type { GuidelinesSource, IndexJob, IndexJobResult, LineStarts } from './pass-protocol';

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

  private entry(
    src: GuidelinesSource | undefined,
    trusted: boolean,
  ): { guidelines: Guidelines; linter?: FileLinter } {
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

/** Run a job; never throws on user content (an unreadable file comes back with `error`). */
export function runIndexJob(job: IndexJob, cache: GuidelinesCache): IndexJobOutput {
  // Read as the CLI checked it before the pass (bounded, regular files only): the file may
  // have changed or gone since.
  const read = readListedFile(job.path);
  if (!read.ok) return { entry: { file: job.file, pairs: [] }, error: read.reason };
  const { text } = read;
  const guidelines = cache.get(job.guidelines, job.trusted);
  if (!job.lint)
    return {
      entry: indexFile(job.file, parseSft(text), guidelines, {
        counts: job.counts,
        updatable: false,
      }),
    };
  const linted = cache.linter(job.guidelines, job.trusted).lint(text);
  // One pass over the text's line breaks, for the index's places and the problems' lines.
  const starts = lineStarts(text);
  const lines = new LineIndex(starts, text.length);
  return {
    entry: indexFile(job.file, linted.model, guidelines, {
      counts: job.counts,
      lines,
      updatable: false,
    }),
    problems: linted.problems,
    lines: { starts, length: text.length },
  };
}

/** Pack an output for postMessage: the pairs' signatures move into one buffer (the pairs lose theirs). */
export function packResult(id: number, out: IndexJobOutput): IndexJobResult {
  const { entry } = out;
  const sigSlot = new Int32Array(entry.pairs.length).fill(-1);
  let n = 0;
  entry.pairs.forEach((p, i) => {
    if (p.signature) sigSlot[i] = n++;
  });
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
    if (slot >= 0)
      pairs[i].signature = signatures.subarray(slot * NUM_HASHES, (slot + 1) * NUM_HASHES);
  }
  return { file: result.file, pairs };
}
