/**
 * The text services of the Node hosts (CLI, index worker, desktop extension). Their data is
 * in `data/` next to the bundle (esbuild.mjs writes it from the packages) and is read the
 * first time a count or the n-gram stage needs it, so a start that needs neither reads
 * nothing: the tokenizers' rank tables as JSON (JSON.parse builds them in a third of the time,
 * and half the memory, that the same data takes as JavaScript literals in a bundle), eld's
 * n-gram tables in a binary form it looks n-grams up in (src/node/eld-tables.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { LanguageDetector, TextServices, TokenCounter } from '../core/services';
import type { TokenizerName } from '../core/text/tokens';
import { eldTables } from './eld-tables';

/** The data file of each tokenizer and of the language detector, in a bundle's `data/` folder. */
export const DATA_FILES: Readonly<Record<TokenizerName | 'eld', string>> = {
  o200k_base: 'o200k_base.json',
  cl100k_base: 'cl100k_base.json',
  eld: 'eld-small.bin',
};

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

/** gpt-tokenizer's encoders, each built from its rank table on the first count. */
class NodeTokenCounter implements TokenCounter {
  private readonly encoders = new Map<TokenizerName, GptEncoding>();

  constructor(private readonly dir: string) {}

  private encoder(name: TokenizerName): GptEncoding {
    let e = this.encoders.get(name);
    if (!e) {
      // Required here, not imported: the bundle runs the encoder's module code on the first count.
      const { GptEncoding: Encoding } = require('gpt-tokenizer/GptEncoding') as typeof import('gpt-tokenizer/GptEncoding');
      e = Encoding.getEncodingApi(name, () => readJson(this.dir, DATA_FILES[name]) as (string | number[])[]);
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

interface Eld { detect(text: string): { language: string; isReliable(): boolean } }

/** eld with its small n-gram tables, loaded on the first detection. */
class NodeLanguageDetector implements LanguageDetector {
  /** null: the tables could not be loaded; the rule then trusts only the cheap stages. */
  private eld?: Eld | null;
  /** Times the tables were loaded (for checking that a run loads them at most once). */
  loads = 0;

  constructor(private readonly dir: string) {}

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
      const { createEld } = require('eld/src/languageDetector.js') as typeof import('eld/src/languageDetector.js');
      const { instance, loadData } = createEld();
      loadData(eldTables(readFileSync(join(this.dir, DATA_FILES.eld))));
      this.eld = instance;
    } catch {
      this.eld = null;
    }
    return this.eld;
  }
}

/** Node text services over a data folder. */
export interface NodeTextServices extends TextServices {
  readonly tokens: TokenCounter;
  readonly language: NodeLanguageDetector;
}

const byDir = new Map<string, NodeTextServices>();

/**
 * The text services over the JSON data in `dir` (default: `data/` next to this bundle), one
 * per folder, so every linter of a thread shares the tables once loaded.
 */
export function nodeTextServices(dir: string = join(__dirname, 'data')): NodeTextServices {
  let s = byDir.get(dir);
  if (!s) {
    s = { tokens: new NodeTokenCounter(dir), language: new NodeLanguageDetector(dir) };
    byDir.set(dir, s);
  }
  return s;
}
