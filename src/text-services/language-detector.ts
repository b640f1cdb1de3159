/**
 * The n-gram stage of language detection with eld, host-neutral: the host supplies eld's
 * tables in the binary form of ./eld-tables (the Node hosts from a file next to their
 * bundle, a browser host from what it fetched), read on the first detection.
 */
import { createEld } from 'eld/src/languageDetector.js';
import type { LanguageDetector } from '../core/services';
import { eldTables } from './eld-tables';

interface Eld {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** eld over tables read by `tables` on the first detection; when that fails, it says nothing. */
export class EldLanguageDetector implements LanguageDetector {
  /** null: the tables could not be loaded; the rule then trusts only the cheap stages. */
  private eld?: Eld | null;
  /** Times the tables were loaded (for checking that a run loads them at most once). */
  loads = 0;

  constructor(private readonly tables: () => Uint8Array) {}

  detect(sample: string): string | undefined {
    const eld = this.load();
    if (!eld) return undefined;
    const r = eld.detect(sample);
    return r.language && r.isReliable() ? r.language : undefined;
  }

  private load(): Eld | null {
    if (this.eld !== undefined) return this.eld;
    try {
      this.loads++;
      const { instance, loadData } = createEld();
      loadData(eldTables(this.tables()));
      this.eld = instance;
    } catch {
      this.eld = null;
    }
    return this.eld;
  }
}
