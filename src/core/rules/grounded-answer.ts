import * as z from 'zod/mini';
import type { LintRule } from '../rule';
import { needsSegmenter } from '../text/words';
import { annotationValue } from './support/content-fields';
import { answerSource } from './support/answer-source';
import { numberWordsIn, numberWordValue } from './support/source-facts';
import { STOPWORDS } from './support/grounded-stopwords';

const GROUNDED_TASKS = new Set(['closed_qa', 'extraction']);
/** Numbers (group 1, with , and . separators) and words. */
const TOKEN = /(\p{Nd}+(?:[.,]\p{Nd}+)*)|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
// A stop inside a number or an abbreviation ("3.5", "e.g.x") does not end a sentence.
const SENTENCE = /(?:[^.!?。！？\n]|[.!?](?=\S))+(?:[.!?。！？]+|\n|$)/g;
const LIST_MARKER_AFTER = /^[.)]\s/;
const DEFAULT_SHARE = 0.5;
/** Words from which a prompt without a context is read as carrying the passage to answer from. */
const PASSAGE_MIN_WORDS = 40;
/** Words up to which an answer is a span of its source (a name, a date), checked as a whole. */
const SHORT_ANSWER_WORDS = 6;

const SUFFIXES = ['ing', 'ed', 'es', 's', 'ly'];

/** A crude English stem of a lowercase word, so "towers" meets "tower" and "designed" meets "design". */
function stem(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Only words ending in s, d, g, y can lose a suffix: most words return at once.
  if (last !== 0x73 && last !== 0x64 && last !== 0x67 && last !== 0x79) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const suffix of SUFFIXES) {
    if (
      word.endsWith(suffix) &&
      word.length - suffix.length >= 4 &&
      !(suffix === 's' && word.endsWith('ss'))
    )
      return word.slice(0, -suffix.length);
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
/** Words under four letters that say nothing of where an answer comes from (STOPWORDS has the longer ones). */
const SHORT_STOPWORDS = new Set(
  'a an the and or nor but of in on at to by for as is was are be it its he she his her him we our you my me us they not so if'.split(
    ' ',
  ),
);
const POSSESSIVE = /['’]s?$/;
/** Answers to a yes-or-no question: the passage need not say them. */
const YES_NO = /^(?:yes|no|true|false)\.?$/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Per UTF-16 unit: 0 not yet known, 1 a word character, 2 not. ASCII is filled at once. */
const WORD_UNITS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++)
  WORD_UNITS[c] =
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 2;

function isWordChar(code: number): boolean {
  let k = WORD_UNITS[code];
  if (k === 0) WORD_UNITS[code] = k = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return k === 1;
}

/** Two code units as one number, for grouping word starts by how they begin. */
function pairKey(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

/**
 * Where the context's words start (after a non-word character, or at 0), grouped by their
 * first two characters: a look-up then compares a word with the few starts that begin like
 * it, where searching the whole context costs its length per word.
 */
function wordStarts(lower: string): Map<number, number[]> {
  const byPrefix = new Map<number, number[]>();
  // A start at the last character begins no word of two characters or more. Written out
  // (no calls per character): this reads every character of every context.
  let afterWord = false;
  for (let i = 0; i < lower.length - 1; i++) {
    const c = lower.charCodeAt(i);
    if (!afterWord) {
      const key = (c << 16) | lower.charCodeAt(i + 1);
      const group = byPrefix.get(key);
      if (group) group.push(i);
      else byPrefix.set(key, [i]);
    }
    let k = WORD_UNITS[c];
    if (k === 0) k = isWordChar(c) ? 1 : 2;
    afterWord = k === 1;
  }
  return byPrefix;
}

/**
 * What the context says, for cheap look-ups: its numbers as a set, and its word starts for
 * word look-ups. A word is found when its stem starts a word of the context ("tower" in
 * "towers"). Both are built on first use: many answers need only one of them.
 */
class ContextIndex {
  private numbers: Set<string> | undefined;
  private lower: string | undefined;
  private starts: Map<number, number[]> | undefined;

  constructor(private readonly context: string) {}

  hasNumber(n: string): boolean {
    if (!this.numbers) {
      const numbers = new Set<string>();
      NUMBER.lastIndex = 0;
      for (let m = NUMBER.exec(this.context); m; m = NUMBER.exec(this.context))
        for (const k of numberKeys(m[0])) numbers.add(k);
      // "three" in the context is the answer's "3".
      for (const value of numberWordsIn((this.lower ??= this.context.toLowerCase())))
        numbers.add(String(value));
      this.numbers = numbers;
    }
    const numbers = this.numbers;
    return numberKeys(n).some((k) => numbers.has(k));
  }

  /** Whether the context has this lowercase text anywhere, inside a word or number too. */
  hasText(lower: string): boolean {
    return (this.lower ??= this.context.toLowerCase()).includes(lower);
  }

  /** Whether a lowercase word, or its stem, starts a word of the context ("Joey's" meets "Joey"). */
  hasWord(word: string): boolean {
    const plain = word.replace(POSSESSIVE, '');
    // "libraries" stems to "library", which does not begin "libraries".
    const key = stem(plain);
    return this.hasStart(key) || (key !== plain && this.hasStart(plain));
  }

  private hasStart(key: string): boolean {
    const lower = (this.lower ??= this.context.toLowerCase());
    if (key.length < 2) {
      for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1))
        if (at === 0 || !isWordChar(lower.charCodeAt(at - 1))) return true;
      return false;
    }
    this.starts ??= wordStarts(lower);
    const candidates = this.starts.get(pairKey(key, 0));
    if (candidates === undefined) return false;
    // A loop, not `some` with a closure: this runs for every content word of every answer.
    for (let i = 0; i < candidates.length; i++)
      if (lower.startsWith(key, candidates[i])) return true;
    return false;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Calls `visit` for each match of TOKEN in text[from, to). ASCII text, most answers, is
 * scanned by character codes with the same rules (where the regex's match objects cost
 * more than the rest of the rule); other text goes through the regex.
 */
function forEachToken(
  text: string,
  from: number,
  to: number,
  ascii: boolean,
  visit: (start: number, end: number, isNumber: boolean) => void,
): void {
  if (!ascii) {
    const part = text.slice(from, to);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(part); m; m = TOKEN.exec(part))
      visit(from + m.index, from + m.index + m[0].length, m[1] !== undefined);
    return;
  }
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const isNumber = isAsciiDigit(code);
    if (!isNumber && !isAsciiLetter(code)) {
      i++;
      continue;
    }
    // A run of digits (letters), then more runs joined by "." or "," (an apostrophe).
    const inRun = isNumber ? isAsciiDigit : isAsciiLetter;
    let j = i + 1;
    for (;;) {
      while (j < to && inRun(text.charCodeAt(j))) j++;
      const joiner = text.charCodeAt(j);
      const joins = isNumber ? joiner === 0x2e || joiner === 0x2c : joiner === 0x27;
      if (joins && j + 1 < to && inRun(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    visit(i, j, isNumber);
    i = j;
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

/** A short answer (a name, a date, a phrase: one line of at most SHORT_ANSWER_WORDS words), trimmed. */
function shortAnswer(lower: string): string | undefined {
  const trimmed = lower.trim();
  return trimmed.includes('\n') || trimmed.split(/\s+/).length > SHORT_ANSWER_WORDS
    ? undefined
    : trimmed;
}

/**
 * Whether a short answer has something to find and none of it is in the source: no number
 * and no word of two letters or more beyond the stopwords ("yes" and "no" need no source).
 * `lower` is the lowercased answer.
 */
function isAbsentAnswer(lower: string, ascii: boolean, known: ContextIndex): boolean {
  if (YES_NO.test(lower.trim())) return false;
  let looked = 0;
  let found = 0;
  forEachToken(lower, 0, lower.length, ascii, (at, end, isNumber) => {
    const token = lower.slice(at, end);
    if (!isNumber && (token.length < 2 || STOPWORDS.has(token) || SHORT_STOPWORDS.has(token)))
      return;
    looked++;
    const value = isNumber ? token : numberWordValue(token)?.toString();
    if ((value !== undefined && known.hasNumber(value)) || (!isNumber && known.hasWord(token)))
      found++;
  });
  return looked > 0 && found === 0;
}

function share(options: Readonly<Record<string, unknown>>): number {
  const t = options.threshold;
  return typeof t === 'number' && t >= 0 && t <= 1 ? t : DEFAULT_SHARE;
}

/**
 * closed_qa and extraction answers come from the context, or from the passage the prompt
 * quotes when there is no context: numbers in the answer that the source does not have, and
 * sentences most of whose content words it does not have, are reported (the sentence check
 * in English only, where the stopword list applies).
 */
export const groundedAnswer: LintRule = {
  meta: {
    id: 'grounded-answer',
    category: 'task-shape',
    defaultSeverity: 'info',
    fixable: false,
    description:
      'A closed_qa or extraction answer uses only what the context (or the passage in the prompt) says.',
    options: () => ({ threshold: z.optional(z.number().check(z.gte(0), z.lte(1))) }),
  },
  checkPair(ctx) {
    if (!GROUNDED_TASKS.has(annotationValue(ctx, 'task'))) return;
    const response = ctx.text('response');
    const source = response?.text.trim() && answerSource(ctx, PASSAGE_MIN_WORDS);
    if (!response || !source) return;
    const known = new ContextIndex(source.text);
    const text = response.text;
    const language = annotationValue(ctx, 'language').toLowerCase();
    const checkWords =
      (language === '' || language === 'en' || language.startsWith('en-')) && !needsSegmenter(text);
    const minShare = share(ctx.options);
    const lower = checkWords ? lowerSameLength(text) : undefined;
    const scanned = lower ?? text;
    const ascii = !NON_ASCII.test(scanned);
    const short = lower === undefined ? undefined : shortAnswer(lower);
    // A short answer found as it is (a span of the source, "56" of "56.9") is grounded.
    if (short !== undefined && known.hasText(short)) return;
    if (short !== undefined && isAbsentAnswer(lower!, ascii, known)) {
      const start = text.length - text.trimStart().length;
      ctx.report({
        ...ctx.span(response.node, start, text.trimEnd().length),
        message: `The answer is nowhere in the ${source.name}: a ${annotationValue(ctx, 'task')} answer comes from the ${source.name}.`,
      });
      return;
    }
    SENTENCE.lastIndex = 0;
    for (let s = SENTENCE.exec(text); s; s = SENTENCE.exec(text)) {
      if (!s[0]) {
        SENTENCE.lastIndex++;
        continue;
      }
      const missing: string[] = [];
      let words = 0;
      forEachToken(scanned, s.index, s.index + s[0].length, ascii, (at, end, isNumber) => {
        // A lowercased word under four characters is no content word: skip it before slicing.
        if (!isNumber && (!checkWords || (lower && end - at < 4))) return;
        const token = scanned.slice(at, end);
        if (isNumber) {
          if (isListMarker(text, at, token.length) || known.hasNumber(token)) return;
          ctx.report({
            ...ctx.span(response.node, at, end),
            message: `The number ${token} is not in the ${source.name}: a ${annotationValue(ctx, 'task')} answer comes from the ${source.name}.`,
          });
          return;
        }
        const word = lower ? token : token.toLowerCase();
        if (!isContentWord(word)) return;
        words++;
        if (!known.hasWord(word)) missing.push(text.slice(at, end));
      });
      if (missing.length >= 2 && (words - missing.length) / words < minShare) {
        let a = s.index;
        let b = s.index + s[0].length;
        while (a < b && /\s/.test(text[a])) a++;
        while (b > a && /\s/.test(text[b - 1])) b--;
        const list =
          missing
            .slice(0, 5)
            .map((w) => `"${w}"`)
            .join(', ') + (missing.length > 5 ? ', ...' : '');
        ctx.report({
          ...ctx.span(response.node, a, b),
          message: `This sentence says things the ${source.name} does not: ${list} ${missing.length === 1 ? 'is' : 'are'} not in it.`,
        });
      }
    }
  },
};
