/**
 * A deterministic benchmark corpus: realistic `.sft.yaml` files from a seeded PRNG. Prompts
 * of 20 to 700 words, responses of 1 to 400, contexts and examples where the task needs
 * them, a mix of tasks, prompt types and languages (mostly English, a few Hindi and
 * Japanese pairs), and a few near-duplicate prompts and duplicate ids for the workspace rules.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TASKS, RESPONSE_TYPES, STATUSES, TRAITS, DEFAULT_DOMAINS } from '../src/core/annotations';
import { PROMPT_TYPES } from '../src/core/fields';

/** Bumped whenever the generated files change, so an older corpus is not reused. */
export const CORPUS_VERSION = 3;
/** Where `npm run bench` writes the corpus, once per version (`--corpus DIR` overrides). */
export const CORPUS_DIR = join(tmpdir(), `sft-studio-bench-v${CORPUS_VERSION}`);
/** The cold-lint file of a corpus folder: outside the folder the workspace pass reads. */
export function lintFileIn(dir: string): string {
  return join(dir, 'lint', 'large.sft.yaml');
}

/** The multilingual 20-file, 6 MB workspace of a corpus folder (bench/corpus-multilingual.ts). */
export function multilingualIn(dir: string): string {
  return join(dir, 'multilingual');
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  'the of and to a in is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their can has been if more when will would who so no what out up into do than about other some time could them these two may then only its also new like our after most made over did any where very through just back years much your way well first down should because each those people how too little state good see make world still own many here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );
const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'st',
  'tr',
  'pl',
  'gr',
  'br',
  'sh',
  'ch',
  'th',
  'cl',
  'fr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'ee'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ng', 'rk', 'm', 'x'];
const HI = [
  'क',
  'ख',
  'ग',
  'च',
  'ज',
  'ट',
  'ड',
  'त',
  'द',
  'न',
  'प',
  'ब',
  'म',
  'य',
  'र',
  'ल',
  'व',
  'स',
  'ह',
];
const HI_MATRA = ['', 'ा', 'ि', 'ी', 'ु', 'ू', 'े', 'ै', 'ो', 'ं'];
const JA =
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん日本語学校先生時間今年人大小中山川田天気電車会社仕事東京言葉'.split(
    '',
  );

/** A generator of pair files from one seed. */
export class CorpusGenerator {
  protected readonly rand: () => number;
  private readonly vocab: string[];
  private readonly recentPrompts: string[] = [];
  private readonly usedIds: string[] = [];
  private pairNo = 0;
  /** Planted near-duplicates and duplicate ids, to check the rules find them. */
  planted = { nearDuplicates: 0, duplicateIds: 0 };

  constructor(seed: number) {
    this.rand = prng(seed);
    this.vocab = [];
    for (let i = 0; i < 6000; i++) {
      let w = '';
      const syllables = 1 + Math.floor(this.rand() * 3);
      for (let s = 0; s < syllables; s++)
        w += this.pick(ONSETS) + this.pick(VOWELS) + this.pick(CODAS);
      this.vocab.push(w);
    }
  }

  protected pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  protected int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  private word(): string {
    // Half common words, half a Zipf-like draw over the rest, as prose has.
    if (this.rand() < 0.5) return this.pick(COMMON);
    const r = this.rand();
    return this.vocab[Math.floor(r * r * r * this.vocab.length)];
  }

  /** English-like prose of about n words, wrapped into lines of at most ~90 characters. */
  protected prose(n: number, lang: string): string[] {
    if (lang === 'ja') return this.japanese(n);
    const lines: string[] = [];
    let line = '';
    let left = n;
    while (left > 0) {
      const len = Math.min(left, this.int(5, 18));
      left -= len;
      const words: string[] = [];
      for (let i = 0; i < len; i++) {
        let w = lang === 'hi' ? this.hindiWord() : this.word();
        while (i > 0 && w === words[i - 1]) w = this.word();
        words.push(w);
        if (i > 1 && i < len - 2 && this.rand() < 0.08) words[words.length - 1] += ',';
      }
      if (lang !== 'hi') words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      const sentence = words.join(' ') + (lang === 'hi' ? '।' : this.rand() < 0.15 ? '?' : '.');
      for (const w of sentence.split(' ')) {
        if (line.length + w.length + 1 > 90) {
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  private hindiWord(): string {
    let w = '';
    for (let i = this.int(1, 3); i > 0; i--) w += this.pick(HI) + this.pick(HI_MATRA);
    return w;
  }

  private japanese(n: number): string[] {
    // About two characters per word, sentences ending in 。, no spaces.
    const lines: string[] = [];
    let line = '';
    for (let i = 0; i < n * 2; i++) {
      line += this.pick(JA);
      if (this.rand() < 0.05) line += '。';
      if (line.length >= 40) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  private block(key: string, lines: string[], indent: string): string {
    return `${indent}${key}: |\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n`;
  }

  protected promptWords(): number {
    const r = this.rand();
    if (r < 0.35) return this.int(20, 99);
    if (r < 0.8) return this.int(100, 500);
    return this.int(501, 700);
  }

  protected responseWords(type: string): number {
    if (type === 'one_word') return 1;
    if (type === 'short_phrase') return this.int(2, 5);
    if (type === 'single_sentence') return this.int(8, 25);
    return this.int(40, 400);
  }

  /**
   * A response shaped as a careful writer shapes it for the task: grounded answers quote the
   * context, classifications answer with a label, chains of thought show steps and an
   * answer, summaries are shorter than their source. About 2% of responses carry a doubled
   * word, so the corpus has the occasional real problem.
   */
  private response(task: string, type: string, lang: string, context?: string[]): string[] {
    if (task === 'closed_classification') return [this.pick(['positive', 'negative', 'neutral'])];
    if (type === 'one_word') return [this.word()];
    let lines: string[];
    if ((task === 'closed_qa' || task === 'extraction') && context) {
      const sentences = context.join(' ').split(/(?<=[.?।])\s+/);
      lines = sentences.slice(0, type === 'descriptive' ? this.int(2, 4) : 1);
    } else if (task === 'summarization' && context) {
      const words = context.join(' ').split(' ');
      lines = this.prose(
        Math.max(1, Math.min(this.responseWords(type), Math.floor(words.length / 3))),
        lang,
      );
    } else if (task === 'chain_of_thought' && lang === 'en' && type === 'descriptive') {
      lines = [1, 2, 3].map((n) => `${n}. ${this.prose(this.int(8, 16), lang).join(' ')}`);
      lines.push(`So the answer is ${this.word()}.`);
    } else if (type === 'single_sentence' || type === 'short_phrase') {
      const words = Array.from(
        { length: type === 'short_phrase' ? this.int(2, 5) : this.int(8, 18) },
        () => this.word(),
      );
      lines = [words.join(' ') + (type === 'single_sentence' ? '.' : '')];
    } else {
      lines = this.prose(this.responseWords(type), lang);
    }
    if (lang === 'en' && this.rand() < 0.02) {
      const words = lines[lines.length - 1].split(' ');
      const at = this.int(0, words.length - 1);
      words.splice(at, 0, words[at].replace(/[.,?]$/, ''));
      lines[lines.length - 1] = words.join(' ');
    }
    return lines;
  }

  /** A prompt: usually fresh, sometimes a light edit of a recent one (a planted near-duplicate). */
  private prompt(lang: string): string[] {
    if (lang === 'en' && this.recentPrompts.length > 10 && this.rand() < 0.004) {
      this.planted.nearDuplicates++;
      const words = this.pick(this.recentPrompts).split(' ');
      words[this.int(0, words.length - 1)] = this.word();
      return words
        .join(' ')
        .match(/.{1,90}(?: |$)/g)!
        .map((l) => l.trim());
    }
    const lines = this.prose(this.promptWords(), lang);
    if (lang === 'en' && lines.join(' ').split(' ').length >= 30 && this.rand() < 0.05) {
      this.recentPrompts.push(lines.join(' '));
      if (this.recentPrompts.length > 40) this.recentPrompts.shift();
    }
    return lines;
  }

  private id(prefix: string): string {
    if (this.usedIds.length > 10 && this.rand() < 0.0005) {
      this.planted.duplicateIds++;
      return this.pick(this.usedIds);
    }
    const id = `${prefix}-${String(++this.pairNo).padStart(6, '0')}`;
    if (this.rand() < 0.01) {
      this.usedIds.push(id);
      if (this.usedIds.length > 50) this.usedIds.shift();
    }
    return id;
  }

  /** The language a pair is written in: mostly English, a few Hindi and Japanese pairs. */
  protected language(): string {
    const lr = this.rand();
    return lr < 0.97 ? 'en' : lr < 0.99 ? 'hi' : 'ja';
  }

  /** The language tag a pair declares for text written in `lang`. */
  protected declared(lang: string): string {
    return lang;
  }

  /** Words of a context passage. */
  protected contextWords(): number {
    return this.int(80, 400);
  }

  /** One pair, as the lines under `pairs:`. */
  pair(prefix: string): string {
    const task = this.pick(TASKS).value;
    const r = this.rand();
    const promptType = r < 0.6 ? 'instructive' : r < 0.8 ? 'continuation' : PROMPT_TYPES[2].value;
    const responseType = this.rand() < 0.6 ? 'descriptive' : this.pick(RESPONSE_TYPES).value;
    const lang = this.language();
    let out = `  - id: ${this.id(prefix)}\n`;
    out += `    task: ${task}\n    prompt_type: ${promptType}\n    response_type: ${responseType}\n`;
    out += `    domain: ${this.pick(DEFAULT_DOMAINS).value}\n    language: ${this.declared(lang)}\n`;
    const traits = TRAITS.filter(() => this.rand() < 0.2).map((t) => t.value);
    if (traits.length) out += `    traits: [${traits.join(', ')}]\n`;
    const status = this.pick(STATUSES).value;
    out += `    status: ${status}\n`;
    if (status === 'approved' || status === 'rejected' || status === 'changes_requested')
      out += `    reviewer: ${this.pick(['ana', 'ben', 'chen'])}\n`;
    if (status === 'changes_requested')
      out +=
        '    review:\n      - by: ana\n        note: Tighten the second paragraph.\n        resolved: false\n';
    if (this.rand() < 0.1) out += this.block('system', this.prose(this.int(10, 40), lang), '    ');
    const context =
      task === 'closed_qa' || task === 'extraction' || task === 'summarization'
        ? this.prose(this.contextWords(), lang)
        : undefined;
    if (context) out += this.block('context', context, '    ');
    if (promptType === 'in_context') {
      out += '    examples:\n';
      for (let i = this.int(2, 3); i > 0; i--) {
        out += `      - input: ${this.prose(this.int(3, 12), 'en').join(' ')}\n        output: ${this.prose(this.int(1, 6), 'en').join(' ')}\n`;
      }
    }
    if (task === 'closed_classification') out += '    labels: [positive, negative, neutral]\n';
    out += this.block('prompt', this.prompt(lang), '    ');
    out += this.block('response', this.response(task, responseType, lang, context), '    ');
    if (this.rand() < 0.5)
      out += `    author: ${this.pick(['priya', 'sam', 'lena', 'omar', 'yuki', 'raj'])}\n`;
    return out;
  }

  /** A whole file of `count` pairs. */
  file(prefix: string, count: number): string {
    let out = `# Generated benchmark file ${prefix}\nsft: 1\n`;
    if (this.rand() < 0.5) out += `defaults:\n  author: ${this.pick(['priya', 'sam', 'lena'])}\n`;
    out += 'pairs:\n';
    for (let i = 0; i < count; i++) out += this.pair(prefix);
    return out;
  }
}

/** Guidelines with targets, so coverage has gaps to compute. */
export const BENCH_GUIDELINES = `sft-guidelines: 1
name: Benchmark
targets:
  total: 120000
  task: { generation: 15%, summarization: 10%, closed_qa: 10% }
  prompt_type: { instructive: 60%, continuation: 20%, in_context: 20% }
  prompt_length: { short: 30%, medium: 50%, long: 20% }
  traits: { persona: 10% }
rules:
  near-duplicate: { severity: warning, threshold: 0.85 }
`;
