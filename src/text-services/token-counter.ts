/**
 * Token counts with gpt-tokenizer's encoders, host-neutral: each host supplies the rank
 * tables (the megabytes of data), the Node hosts from files next to their bundle, a browser
 * host from what it fetched. An encoder is built from its table on the first count with it.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { TokenCounter } from '../core/services';
import type { TokenizerName } from '../core/text/tokens';

/** A tokenizer's rank table as gpt-tokenizer's `bpeRanks` modules hold it. */
export type RankTable = (string | number[])[];

/** Counts with gpt-tokenizer over rank tables read by `ranks` on first use (it may throw). */
export class RankTableTokenCounter implements TokenCounter {
  private readonly encoders = new Map<TokenizerName, GptEncoding>();

  constructor(private readonly ranks: (name: TokenizerName) => RankTable) {}

  private encoder(name: TokenizerName): GptEncoding {
    let e = this.encoders.get(name);
    if (!e) {
      e = GptEncoding.getEncodingApi(name, () => this.ranks(name));
      this.encoders.set(name, e);
    }
    return e;
  }

  countTokens(text: string, tokenizer: TokenizerName): number {
    return this.encoder(tokenizer).countTokens(text);
  }

  isWithinTokenLimit(text: string, limit: number, tokenizer: TokenizerName): boolean {
    return this.encoder(tokenizer).isWithinTokenLimit(text, limit) !== false;
  }
}
