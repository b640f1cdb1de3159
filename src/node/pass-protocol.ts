/**
 * Messages between the workspace pass (main thread) and its index workers. Signatures
 * travel as one transferred Uint16Array per file instead of one small array per pair, so a
 * file of 1,000 pairs costs one buffer move rather than 1,000 structured clones.
 */
import type { Problem } from '../core/types';
import type { IndexedPair } from '../core/workspace/types';

/** Where a text's lines start, and its length (UTF-16 units). */
export interface LineStarts {
  starts: Uint32Array;
  length: number;
}

/** The guidelines text a file is checked against (undefined: the built-in defaults). */
export interface GuidelinesSource {
  path: string;
  text: string;
}

/** Main → worker: index one file. */
export interface IndexJob {
  id: number;
  /** Path to read. */
  path: string;
  /** Key of the file in the index. */
  file: string;
  guidelines?: GuidelinesSource;
  /** Also run the file linter and send its problems back. */
  lint: boolean;
  /** Count each pair's words (for coverage); without, the pairs' counts are 0. */
  counts: boolean;
  /** Whether the guidelines' own regex patterns may run (workspace trust). */
  trusted: boolean;
}

/** Worker → main: one file indexed (or why not). */
export interface IndexJobResult {
  id: number;
  file: string;
  /** Pairs without their signatures. */
  pairs: IndexedPair[];
  /** Signatures of the pairs that have one, NUM_HASHES each, in pair order. */
  signatures: Uint16Array;
  /** Per pair, its slot in `signatures`, or -1. */
  sigSlot: Int32Array;
  /** File linter problems, when asked for. */
  problems?: Problem[];
  /** With the problems: the file's line starts and length, to place them without reading it again. */
  lines?: LineStarts;
  /** Set when the file could not be read. */
  error?: string;
}
