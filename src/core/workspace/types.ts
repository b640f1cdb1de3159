/**
 * The workspace index: what SFT Studio keeps of every `.sft.yaml` file to run workspace
 * rules (duplicate-id, near-duplicate) and coverage without holding the texts: per pair,
 * its id, place, effective annotations, counts and a MinHash signature of its prompt.
 */
import type { LengthBucket } from '../counts';
import type { Span } from '../types';

/** One pair as the index keeps it. */
export interface IndexedPair {
  /** The file's key in the index (the caller's path or URI string). */
  file: string;
  /** Position of the pair in its file. */
  index: number;
  id?: string;
  /** Document offsets of the id value (or of the pair when it has no id). */
  idSpan: Span;
  /** 0-based line and UTF-16 column of idSpan.start (for related places in other files). */
  line: number;
  character: number;
  /** Effective annotations (own value, else the file's defaults); lists for traits and tags. */
  task?: string;
  prompt_type?: string;
  response_type?: string;
  domain?: string;
  language?: string;
  traits: string[];
  status?: string;
  author?: string;
  reviewer?: string;
  prompt_length?: string;
  promptWords: number;
  bucket: LengthBucket;
  responseWords: number;
  /** MinHash signature of the normalised prompt, 128 slots of 16 bits (absent for prompts too short to compare). */
  signature?: Uint16Array;
  /** Bottom-k sketch of the response's words (answer-sketch.ts), when the prompt has a signature and the task is a passage question. */
  answer?: Int32Array;
  /** Sorted hashes of the content words of the prompt's question sentences (question-sketch.ts), for the same pairs when their prompt asks a question. */
  question?: Int32Array;
  /** Document offsets of the prompt value, where near-duplicate points (absent without a prompt). */
  promptSpan?: Span;
  /** Rule ids silenced for this pair by a reasoned `# sft-ignore` comment (workspace rules honour them). */
  silenced?: string[];
  /**
   * Hash of the pair's text: re-indexing a changed file re-counts and re-signs only pairs
   * whose text changed. Absent from an entry that is never updated (the CLI's pass).
   */
  contentHash?: number;
}

/** Per-file entry. */
export interface IndexedFile {
  file: string;
  pairs: IndexedPair[];
}
