import type { LintRule } from '../rule';
import { needsSegmenter } from '../text/words';
import { annotationValue } from './content-fields';
import { STOPWORDS } from './grounded-stopwords';

const GROUNDED_TASKS = new Set(['closed_qa', 'extraction']);
/** Numbers (group 1, with , and . separators) and words. */
const TOKEN = /(\p{Nd}+(?:[.,]\p{Nd}+)*)|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
// A stop inside a number or an abbreviation ("3.5", "e.g.x") does not end a sentence.
const SENTENCE = /(?:[^.!?。！？\n]|[.!?](?=\S))+(?:[.!?。！？]+|\n|$)/g;
const LIST_MARKER_AFTER = /^[.)]\s/;
const DEFAULT_SHARE = 0.5;

const SUFFIXES = ['ing', 'ed', 'es', 's', 'ly'];

/** A crude English stem of a lowercase word, so "towers" meets "tower" and "designed" meets "design". */
function stem(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Only words ending in s, d, g, y can lose a suffix: most words return at once.
  if (last !== 0x73 && last !== 0x64 && last !== 0x67 && last !== 0x79) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4 && !(suffix === 's' && word.endsWith('ss'))) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Lowercase once for the whole text, unless that changes offsets (rare letters like İ). */
function lowerSameLength(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

/** "1,200" and "1200" are the same number; so are "3.5" and "3,5" (decimal comma). */
function numberKeys(n: string): [string, string] {
  return [n.replace(/,(?=\d{3}(?!\d))/g, '').replace(',', '.'), n.replace(/[.,]/g, '')];
}

function isContentWord(lower: string): boolean {
  return lower.length >= 4 && !STOPWORDS.has(lower);
}

const NUMBER = /\p{Nd}+(?:[.,]\p{Nd}+)*/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * What the context says, for cheap look-ups: its numbers as a set, and its lowercased text
 * for word look-ups. A word is found when its stem starts a word of the context ("tower"
 * in "towers"): a native substring search per distinct answer word is much cheaper than
 * tokenizing a long context, and answers are short.
 */
class ContextIndex {
  private readonly lower: string;
  private readonly numbers = new Set<string>();
  private readonly words = new Map<string, boolean>();

  constructor(context: string) {
    this.lower = context.toLowerCase();
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(context); m; m = NUMBER.exec(context)) for (const k of numberKeys(m[0])) this.numbers.add(k);
  }

  hasNumber(n: string): boolean {
    return numberKeys(n).some((k) => this.numbers.has(k));
  }

  /** Whether a lowercase word's stem starts a word of the context. */
  hasWord(word: string): boolean {
    const key = stem(word);
    let found = this.words.get(key);
    if (found !== undefined) return found;
    found = false;
    for (let at = this.lower.indexOf(key); at >= 0; at = this.lower.indexOf(key, at + 1)) {
      if (at === 0 || !isWordChar(this.lower.charCodeAt(at - 1))) { found = true; break; }
    }
    this.words.set(key, found);
    return found;
  }
}

/** Whether the number at `index` is a list marker ("1. ", "2) " at the start of a line). */
function isListMarker(text: string, index: number, length: number): boolean {
  if (!LIST_MARKER_AFTER.test(text.slice(index + length, index + length + 2))) return false;
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '-' && c !== '*') return false;
  }
  return true;
}

function share(options: Readonly<Record<string, unknown>>): number {
  const t = options.threshold;
  return typeof t === 'number' && t >= 0 && t <= 1 ? t : DEFAULT_SHARE;
}

/**
 * closed_qa and extraction answers come from the context: numbers in the answer that the
 * context does not have, and sentences most of whose content words it does not have, are
 * reported (the sentence check in English only, where the stopword list applies).
 */
export const groundedAnswer: LintRule = {
  meta: {
    id: 'grounded-answer', category: 'task-shape', scope: 'pair', defaultSeverity: 'info', fixable: false,
    description: 'A closed_qa or extraction answer uses only what the context says.',
  },
  checkPair(ctx) {
    if (!GROUNDED_TASKS.has(annotationValue(ctx, 'task'))) return;
    const context = ctx.text('context')?.text;
    const response = ctx.text('response');
    if (!context?.trim() || !response?.text.trim()) return;
    const known = new ContextIndex(context);
    const text = response.text;
    const language = annotationValue(ctx, 'language').toLowerCase();
    const checkWords = (language === '' || language === 'en' || language.startsWith('en-')) && !needsSegmenter(text);
    const minShare = share(ctx.options);
    const lower = checkWords ? lowerSameLength(text) : undefined;
    SENTENCE.lastIndex = 0;
    for (let s = SENTENCE.exec(text); s; s = SENTENCE.exec(text)) {
      if (!s[0]) { SENTENCE.lastIndex++; continue; }
      const missing: string[] = [];
      let words = 0;
      const sentence = lower ? lower.slice(s.index, s.index + s[0].length) : s[0];
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(sentence); m; m = TOKEN.exec(sentence)) {
        if (m[1] !== undefined) {
          const at = s.index + m.index;
          if (isListMarker(text, at, m[0].length) || known.hasNumber(m[1])) continue;
          ctx.report({ ...ctx.span(response.node, at, at + m[0].length), message: `The number ${m[0]} is not in the context: a ${annotationValue(ctx, 'task')} answer comes from the context.` });
          continue;
        }
        if (!checkWords) continue;
        const word = lower ? m[0] : m[0].toLowerCase();
        if (!isContentWord(word)) continue;
        words++;
        if (!known.hasWord(word)) missing.push(s[0].slice(m.index, m.index + m[0].length));
      }
      if (missing.length >= 2 && (words - missing.length) / words < minShare) {
        let a = s.index;
        let b = s.index + s[0].length;
        while (a < b && /\s/.test(text[a])) a++;
        while (b > a && /\s/.test(text[b - 1])) b--;
        const list = missing.slice(0, 5).map((w) => `"${w}"`).join(', ') + (missing.length > 5 ? ', ...' : '');
        ctx.report({ ...ctx.span(response.node, a, b), message: `This sentence says things the context does not: ${list} ${missing.length === 1 ? 'is' : 'are'} not in it.` });
      }
    }
  },
};
