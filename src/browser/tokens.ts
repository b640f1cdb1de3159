/**
 * Token counting for a browser host: its own bundle (dist/web/tokens.js), so a page that never
 * counts tokens never loads gpt-tokenizer, and each tokenizer's rank table is fetched only when
 * the host loads a counter for it. Core's calls are synchronous, so the host awaits
 * `loadTokenCounter` before it hands the counter to the linter.
 */
import type { TokenCounter } from '../core/services';
import type { TokenizerName } from '../core/text/tokens';
import { DATA_FILES } from '../text-services/data-files';
import { RankTableTokenCounter, type RankTable } from '../text-services/token-counter';
import type { DataSource } from './data-source';

export { fetchDataSource, type DataSource } from './data-source';

/** A counter for the named tokenizers, their rank tables read from `source` first. */
export async function loadTokenCounter(
  source: DataSource,
  tokenizers: readonly TokenizerName[],
): Promise<TokenCounter> {
  const decoder = new TextDecoder();
  const tables = new Map<TokenizerName, RankTable>();
  await Promise.all(
    tokenizers.map(async (name) =>
      tables.set(name, JSON.parse(decoder.decode(await source(DATA_FILES[name]))) as RankTable),
    ),
  );
  return new RankTableTokenCounter((name) => {
    const table = tables.get(name);
    if (!table) throw new Error(`SFT Studio: the ${name} tokenizer was not loaded`);
    return table;
  });
}
