/**
 * Token limits without tokenizing where a limit cannot be exceeded. The counting itself is
 * the host's {@link TokenCounter} (a real tokenizer, whose rank table is megabytes of data
 * the core does not load): most lint runs never need it, since every token covers at least
 * one UTF-8 byte and a text within the limit in bytes is within it in tokens.
 */
import type { TokenCounter } from '../services';

/** Tokenizers the core can count with. */
export type TokenizerName = 'o200k_base' | 'cl100k_base';

/** UTF-8 byte length, an upper bound on the token count. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The token count when it exceeds `limit`, else undefined; tokenizes only when it might. */
export function tokensOver(
  counter: TokenCounter,
  text: string,
  limit: number,
  name: TokenizerName,
): number | undefined {
  if (utf8Length(text) <= limit) return undefined;
  return counter.isWithinTokenLimit(text, limit, name)
    ? undefined
    : counter.countTokens(text, name);
}
