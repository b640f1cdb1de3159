/**
 * Token counts with a real tokenizer (o200k_base by default, via gpt-tokenizer).
 *
 * The encoder's rank table is megabytes of data, so it is loaded on first use only:
 * most lint runs never need it (a text whose UTF-8 size is within a token limit cannot
 * exceed it, since every token covers at least one byte).
 */
import type * as O200k from 'gpt-tokenizer/encoding/o200k_base';

/** Tokenizers the core can count with. */
export type TokenizerName = 'o200k_base' | 'cl100k_base';

type Encoder = Pick<typeof O200k, 'countTokens' | 'isWithinTokenLimit'>;

const encoders = new Map<TokenizerName, Encoder>();

// A synchronous, lazy require: bundlers (esbuild) keep the module's initialisation inside
// this call, so the rank table is parsed the first time a count is asked for.
declare const require: (id: string) => unknown;

function encoder(name: TokenizerName): Encoder {
  let e = encoders.get(name);
  if (!e) {
    e = name === 'cl100k_base'
      ? (require('gpt-tokenizer/encoding/cl100k_base') as Encoder)
      : (require('gpt-tokenizer/encoding/o200k_base') as Encoder);
    encoders.set(name, e);
  }
  return e;
}

/** UTF-8 byte length, an upper bound on the token count. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Number of tokens of the text. */
export function countTokens(text: string, name: TokenizerName = 'o200k_base'): number {
  if (!text) return 0;
  return encoder(name).countTokens(text);
}

/** The token count when it exceeds `limit`, else undefined; tokenizes only when it might. */
export function tokensOver(text: string, limit: number, name: TokenizerName = 'o200k_base'): number | undefined {
  if (utf8Length(text) <= limit) return undefined;
  return encoder(name).isWithinTokenLimit(text, limit) === false ? countTokens(text, name) : undefined;
}
