/**
 * The text services of the Node hosts (CLI, index worker, desktop extension). Their data is
 * in `data/` next to the bundle (esbuild.mjs writes it from the packages) and is read the
 * first time a count or the n-gram stage needs it, so a start that needs neither reads
 * nothing: the tokenizers' rank tables as JSON (JSON.parse builds them in a third of the time,
 * and half the memory, that the same data takes as JavaScript literals in a bundle), eld's
 * n-gram tables in a binary form it looks n-grams up in (src/text-services/eld-tables.ts). The
 * counting and detecting themselves are src/text-services/, which a browser host shares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  LanguageDetector,
  LinearRegex,
  RegexEngine,
  TextServices,
  TokenCounter,
} from '../core/services';
import type { TokenizerName } from '../core/text/tokens';
import { DATA_FILES } from '../text-services/data-files';
import type { EldLanguageDetector } from '../text-services/language-detector';
import type { Re2RegexEngine } from '../text-services/linear-regex';
import type { RankTable } from '../text-services/token-counter';

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

// The counter and the detector are required on first use, not imported: the bundle runs
// gpt-tokenizer's and eld's module code only when a count or a detection needs it.

/** gpt-tokenizer's encoders over the rank tables in `dir`, each read on its first count. */
class NodeTokenCounter implements TokenCounter {
  private counter?: TokenCounter;

  constructor(private readonly dir: string) {}

  private get inner(): TokenCounter {
    if (!this.counter) {
      const { RankTableTokenCounter } =
        require('../text-services/token-counter') as typeof import('../text-services/token-counter');
      this.counter = new RankTableTokenCounter(
        (name) => readJson(this.dir, DATA_FILES[name]) as RankTable,
      );
    }
    return this.counter;
  }

  countTokens(text: string, tokenizer: TokenizerName): number {
    return this.inner.countTokens(text, tokenizer);
  }

  isWithinTokenLimit(text: string, limit: number, tokenizer: TokenizerName): boolean {
    return this.inner.isWithinTokenLimit(text, limit, tokenizer);
  }
}

/** eld with the small n-gram tables in `dir`, read on the first detection. */
class NodeLanguageDetector implements LanguageDetector {
  private detector?: EldLanguageDetector;

  constructor(private readonly dir: string) {}

  /** Times the tables were loaded (for checking that a run loads them at most once). */
  get loads(): number {
    return this.detector?.loads ?? 0;
  }

  detect(sample: string): string | undefined {
    if (!this.detector) {
      const { EldLanguageDetector: Detector } =
        require('../text-services/language-detector') as typeof import('../text-services/language-detector');
      this.detector = new Detector(() => readFileSync(join(this.dir, DATA_FILES.eld)));
    }
    return this.detector.detect(sample);
  }
}

/** re2js, required on the first pattern: a start whose guidelines define none never runs it. */
class NodeRegexEngine implements RegexEngine {
  private engine?: Re2RegexEngine;

  compile(source: string, flags: string): LinearRegex | string {
    if (!this.engine) {
      const { Re2RegexEngine: Engine } =
        require('../text-services/linear-regex') as typeof import('../text-services/linear-regex');
      this.engine = new Engine();
    }
    return this.engine.compile(source, flags);
  }
}

/** Node text services over a data folder. */
export interface NodeTextServices extends TextServices {
  readonly tokens: TokenCounter;
  readonly language: NodeLanguageDetector;
  readonly regex: RegexEngine;
}

const byDir = new Map<string, NodeTextServices>();

/**
 * The text services over the JSON data in `dir` (default: `data/` next to this bundle), one
 * per folder, so every linter of a thread shares the tables once loaded.
 */
export function nodeTextServices(dir: string = join(__dirname, 'data')): NodeTextServices {
  let s = byDir.get(dir);
  if (!s) {
    s = {
      tokens: new NodeTokenCounter(dir),
      language: new NodeLanguageDetector(dir),
      regex: new NodeRegexEngine(),
    };
    byDir.set(dir, s);
  }
  return s;
}
