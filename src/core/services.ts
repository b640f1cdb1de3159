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

/** The services a host hands the linter and the counts. */
export interface TextServices {
  readonly tokens: TokenCounter;
  /** Without it, language-mismatch trusts only the script and stopword stages. */
  readonly language?: LanguageDetector;
}
