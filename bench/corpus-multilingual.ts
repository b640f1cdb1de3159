/**
 * The multilingual bench workspace: pairs written like CorpusGenerator's, in thirteen
 * languages (Latin, Cyrillic, Arabic, Devanagari, Han, Kana, Hangul and Thai scripts) from
 * real frequent words: mostly short prompts and answers, as chat-style sets have, and long
 * context passages for the tasks that work from one; a few pairs declare another language
 * than they are written in and a few regional tags. So a lint of it runs every language stage
 * (script, stopwords, the n-gram detector) and the word segmenter, as real pairs make it do.
 */
import { CorpusGenerator } from './corpus';
import { LANGUAGE_WORDS } from './corpus-words';

/** Share of the pairs per language, in per mille (sums to 1000). */
const MIX: ReadonlyArray<readonly [string, number]> = [
  ['en', 500],
  ['es', 70],
  ['fr', 60],
  ['de', 50],
  ['pt', 40],
  ['it', 30],
  ['ru', 50],
  ['ar', 40],
  ['hi', 50],
  ['zh', 45],
  ['ja', 35],
  ['ko', 20],
  ['th', 10],
];
const REGIONAL: Readonly<Record<string, string>> = {
  en: 'en-GB',
  es: 'es-MX',
  pt: 'pt-BR',
  zh: 'zh-Hans',
  fr: 'fr-CA',
};
const CASED = new Set(['en', 'es', 'fr', 'de', 'pt', 'it', 'ru']);

/** A generator of multilingual pair files from one seed. */
export class MultilingualGenerator extends CorpusGenerator {
  protected override language(): string {
    let r = Math.floor(this.rand() * 1000);
    for (const [lang, share] of MIX) {
      if (r < share) return lang;
      r -= share;
    }
    return 'en';
  }

  /** 1.5% declare another language (mostly English: a pasted answer), 3% a regional tag. */
  protected override declared(lang: string): string {
    const r = this.rand();
    if (r < 0.015) return lang === 'en' ? this.pick(['es', 'fr', 'de', 'pt']) : 'en';
    if (r < 0.045 && REGIONAL[lang]) return REGIONAL[lang];
    return lang;
  }

  protected override contextWords(): number {
    return this.int(60, 600);
  }

  protected override promptWords(): number {
    const r = this.rand();
    return r < 0.6 ? this.int(8, 40) : r < 0.9 ? this.int(41, 150) : this.int(151, 400);
  }

  protected override responseWords(type: string): number {
    return type === 'descriptive' ? this.int(20, 200) : super.responseWords(type);
  }

  /** About n words of the language's frequent words, function words most often, wrapped into block lines. */
  protected override prose(n: number, lang: string): string[] {
    const table = LANGUAGE_WORDS[lang];
    if (!table) return super.prose(n, lang);
    const { words, joiner, end } = table;
    const width = joiner ? 90 : 40;
    const lines: string[] = [];
    let line = '';
    for (let left = n; left > 0;) {
      const len = Math.min(left, this.int(6, 20));
      left -= len;
      const sentence: string[] = [];
      for (let i = 0; i < len; i++) {
        let w = words[Math.floor(this.rand() ** 2 * words.length)];
        while (i > 0 && w === sentence[i - 1]) w = words[Math.floor(this.rand() * words.length)];
        if (joiner && i > 1 && i < len - 2 && this.rand() < 0.08) w += ',';
        sentence.push(w);
      }
      if (CASED.has(lang)) sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1);
      sentence[len - 1] += end;
      for (const w of sentence) {
        const sep = line && (joiner || w === sentence[0]) ? ' ' : '';
        if (line.length + sep.length + w.length > width) {
          lines.push(line);
          line = w;
        } else line += sep + w;
      }
    }
    if (line) lines.push(line.trimEnd());
    return lines.map((l) => l.trimEnd());
  }

  /** A whole file of at least `bytes` UTF-8 bytes. */
  fileOfSize(prefix: string, bytes: number): string {
    let out = `# Generated multilingual benchmark file ${prefix}\nsft: 1\npairs:\n`;
    while (Buffer.byteLength(out) < bytes) out += this.pair(prefix);
    return out;
  }
}
