/**
 * What a host hands the core for the work that needs megabytes of data: token counts (a
 * tokenizer's rank table) and the n-gram stage of language detection (eld's tables). The
 * core never loads such data itself (it calls no `require` and reads no files), so each host
 * chooses how and when: the Node hosts (CLI, index worker, desktop extension) read JSON files
 * next to their bundle on first use (`src/node/text-services.ts`); a browser host fetches its
 * own copies (`src/browser/`, each service its own bundle). The calls are synchronous, as rules run synchronously: a host whose loading is
 * asynchronous finishes it before it hands the service in (or lints again once it has).
 */
import type { TokenizerName } from './text/tokens';

/** Counts tokens with a named tokenizer. */
export interface TokenCounter {
  /** Number of tokens of the text. */
  countTokens(text: string, tokenizer: TokenizerName): number;
  /** Whether the text has at most `limit` tokens; may stop tokenizing once past it. */
  isWithinTokenLimit(text: string, limit: number, tokenizer: TokenizerName): boolean;
}

/** The n-gram stage of language detection, asked only when the cheap stages cannot decide. */
export interface LanguageDetector {
  /** The language (ISO 639-1 code) the sample reads as when the detector is sure of it, else undefined. */
  detect(sample: string): string | undefined;
}

/** A compiled guideline pattern that runs in time linear in the text it scans. */
export interface LinearRegex {
  /** Calls `onMatch` with each match's UTF-16 offsets, left to right, at most `cap` times. */
  scan(text: string, cap: number, onMatch: (start: number, end: number) => void): void;
}

/**
 * Runs the guidelines' patterns without backtracking, so no pattern can freeze a lint
 * (JavaScript's own regexes backtrack and cannot be interrupted).
 */
export interface RegexEngine {
  /** The pattern with its JavaScript flags (`i`, `m`, `s` count), or why the engine cannot run it. */
  compile(source: string, flags: string): LinearRegex | string;
}

/** The services a host hands the linter and the counts. */
export interface TextServices {
  readonly tokens: TokenCounter;
  /** Without it, language-mismatch trusts only the script and stopword stages. */
  readonly language?: LanguageDetector;
  /** Without it, the guidelines' patterns do not run. */
  readonly regex?: RegexEngine;
}
