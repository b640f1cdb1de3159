/**
 * Per-pair counts: words the model reads before answering (system, context, examples,
 * prompt), the length bucket, response words, and tokens on demand.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { scalarText, type PairModel } from './parse/model';
import { countWords } from './text/words';
import type { TokenizerName } from './text/tokens';
import type { Guidelines } from './guidelines';
import type { TokenCounter } from './services';

export type LengthBucket = 'short' | 'medium' | 'long';

/** Counts of one pair. */
export interface PairCounts {
  /** Words of system + context + examples + prompt. */
  promptWords: number;
  bucket: LengthBucket;
  responseWords: number;
}

/** The bucket for a prompt word count under the thresholds. */
export function lengthBucket(words: number, length: { short: number; long: number }): LengthBucket {
  if (words < length.short) return 'short';
  return words > length.long ? 'long' : 'medium';
}

/** Text of the fields the model reads before answering, as separate strings. */
export function promptTexts(pair: PairModel): string[] {
  const out: string[] = [];
  for (const key of ['system', 'context'] as const) {
    const t = scalarText(pair.fields.get(key)?.value);
    if (t) out.push(t);
  }
  const examples = pair.fields.get('examples')?.value;
  if (isSeq(examples)) {
    for (const ex of examples.items as Node[]) {
      if (!isMap(ex)) continue;
      for (const k of ['input', 'output']) {
        const t = scalarText(ex.get(k, true) as Node | undefined);
        if (t) out.push(t);
      }
    }
  }
  const prompt = scalarText(pair.fields.get('prompt')?.value);
  if (prompt) out.push(prompt);
  return out;
}

/**
 * Words of the response, memoised on the pair: rules that judge the response alone count
 * it without counting everything the prompt side holds (contexts are the longest texts).
 */
export function responseWords(pair: PairModel): number {
  let n = pair.memo.get('words:response') as number | undefined;
  if (n === undefined) {
    n = countWords(scalarText(pair.fields.get('response')?.value) ?? '');
    pair.memo.set('words:response', n);
  }
  return n;
}

/** Counts of a pair, memoised on the pair for the given thresholds. */
export function pairCounts(pair: PairModel, g: Pick<Guidelines, 'length'>): PairCounts {
  const key = `counts:${g.length.short}:${g.length.long}`;
  const memo = pair.memo.get(key) as PairCounts | undefined;
  if (memo) return memo;
  let promptWords = 0;
  for (const t of promptTexts(pair)) promptWords += countWords(t);
  const counts = {
    promptWords,
    bucket: lengthBucket(promptWords, g.length),
    responseWords: responseWords(pair),
  };
  pair.memo.set(key, counts);
  return counts;
}

/** Token counts of prompt (all it reads) and response; tokenizes, so call on demand. */
export function pairTokens(
  pair: PairModel,
  counter: TokenCounter,
  tokenizer: TokenizerName,
): { prompt: number; response: number } {
  const key = `tokens:${tokenizer}`;
  const memo = pair.memo.get(key) as { prompt: number; response: number } | undefined;
  if (memo) return memo;
  let prompt = 0;
  for (const t of promptTexts(pair)) prompt += counter.countTokens(t, tokenizer);
  const responseText = scalarText(pair.fields.get('response')?.value);
  const response = responseText ? counter.countTokens(responseText, tokenizer) : 0;
  const tokens = { prompt, response };
  pair.memo.set(key, tokens);
  return tokens;
}
