/**
 * The n-gram stage of language detection for a browser host: its own bundle
 * (dist/web/language.js) with eld's detector, its tables fetched when the host loads it.
 * Until then the host lints without it, and language-mismatch trusts only the script and
 * stopword stages (see core's TextServices).
 */
import type { LanguageDetector } from '../core/services';
import { DATA_FILES } from '../text-services/data-files';
import { EldLanguageDetector } from '../text-services/language-detector';
import type { DataSource } from './data-source';

export { fetchDataSource, type DataSource } from './data-source';

/** eld over its small n-gram tables, read from `source` first. */
export async function loadLanguageDetector(source: DataSource): Promise<LanguageDetector> {
  const tables = await source(DATA_FILES.eld);
  return new EldLanguageDetector(() => tables);
}
