import { isScalar } from 'yaml';
import * as z from 'zod/mini';
import { RESPONSE_TYPES } from '../annotations';
import { responseWords } from '../counts';
import { setAnnotation } from '../edit/map-edit';
import { effectiveField } from '../fields';
import { countSentences } from '../text/sentences';
import { needsSegmenter } from '../text/words';
import { scalarText } from '../parse/model';
import type { LintRule, PairContext } from '../rule';
import type { Fix, Span } from '../types';
import { plural } from '../plural';

const TYPES = new Set(RESPONSE_TYPES.map((t) => t.value));
/** Most words of a short phrase, and the word count above which an answer is descriptive. */
const SHORT_PHRASE_MAX_WORDS = 10;
const DESCRIPTIVE_MIN_WORDS = 25;

/** What the rule counts in a response. */
interface Shape {
  words: number;
  sentences: number;
  /** Whether the text has two or more non-empty lines (steps, a list, a table, code, verse). */
  lines: boolean;
  /** Whether the text is one token with no space (see oneToken). */
  token: boolean;
}

/**
 * Whether a text is one token with no space in it, in a script written with spaces: a
 * hyphenated compound (`six-year-old`, `1994-95`), a code expression or a regex is one word
 * to a writer, though word segmentation splits it.
 */
function oneToken(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && !/\s/.test(t) && !needsSegmenter(t);
}

/** Classification answers are dictated by the label set, not by a shape the writer chose. */
const CLASSIFICATION = new Set(['closed_classification', 'open_classification']);

/**
 * Whether a text has two or more non-empty lines. A worked answer (`3*4 = 12` / `12 + 2 = 14`
 * / `#### 14`), a list, a table or code is laid out in lines, not sentences.
 */
function multiLine(text: string): boolean {
  return text.trim().includes('\n');
}

function option(ctx: PairContext, name: string, fallback: number): number {
  const v = ctx.options[name];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The response types a shape fits, under the thresholds. */
function fits(s: Shape, phraseMax: number, descriptiveMin: number): string[] {
  const out: string[] = [];
  if (s.words === 1 || s.token) out.push('one_word');
  if (s.words >= 2 && s.words <= phraseMax && s.sentences <= 1) out.push('short_phrase');
  if (s.sentences === 1) out.push('single_sentence');
  if (s.sentences > 1 || s.lines || s.words > descriptiveMin) out.push('descriptive');
  return out;
}

/**
 * The response has the shape its `response_type` names: one_word is one word; short_phrase
 * 2 to 10 words, one sentence at most; single_sentence exactly one sentence; descriptive
 * more than one sentence, two or more lines, or more than 25 words. Classification pairs
 * are left alone: their answer is a label.
 */
export const responseTypeMismatch: LintRule = {
  meta: {
    id: 'response-type-mismatch',
    category: 'annotations',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'The response does not have the shape its response_type names (word and sentence counts).',
    options: () => ({
      short_phrase_max_words: z.optional(z.number().check(z.positive())),
      descriptive_min_words: z.optional(z.number().check(z.positive())),
    }),
  },
  checkPair(ctx) {
    // The fields directly, not ctx.annotation()/ctx.text(): this runs for every pair, and
    // only a pair with a known type and a text response can mismatch.
    const { pair } = ctx;
    const typeField = effectiveField(ctx.file, pair, 'response_type');
    const type = scalarText(typeField?.value);
    if (!type || !TYPES.has(type)) return;
    if (CLASSIFICATION.has(scalarText(effectiveField(ctx.file, pair, 'task')?.value) ?? '')) return;
    const response = pair.fields.get('response');
    const node = response?.value;
    const text = response && isScalar(node) ? scalarText(node) : undefined;
    if (!response || text === undefined) return;
    // Cheapest test first: most descriptive answers show a second sentence within a few
    // lines, so a long one is never counted in full; a single sentence is known by the
    // second stop too. The other types are short texts.
    if (type === 'descriptive' && (countSentences(text, 1) > 1 || multiLine(text))) return;
    if (type === 'single_sentence' && countSentences(text, 1) === 1) return;
    const words = responseWords(ctx.pair);
    if (words === 0) return; // empty or symbols only: empty-field's business
    if (type === 'one_word' && (words === 1 || oneToken(text))) return;
    const phraseMax = option(ctx, 'short_phrase_max_words', SHORT_PHRASE_MAX_WORDS);
    const descriptiveMin = option(ctx, 'descriptive_min_words', DESCRIPTIVE_MIN_WORDS);
    if (type === 'descriptive' && words > descriptiveMin) return;
    const sentences = countSentences(text);
    const shape = { words, sentences, lines: multiLine(text), token: oneToken(text) };
    const fitting = fits(shape, phraseMax, descriptiveMin);
    if (fitting.includes(type)) return;
    const suggestion = fitting.length ? `; ${fitting.join(' or ')} fits` : '';
    const ownField = pair.fields.get('response_type');
    const own = ownField && isScalar(ownField.value) ? ownField.value : undefined;
    const keyRange = response.keyNode.range;
    const span: Span | undefined = own?.range
      ? { start: own.range[0], end: own.range[1] }
      : keyRange
        ? { start: keyRange[0], end: keyRange[1] }
        : undefined;
    if (!span) return;
    let fixes: Fix[] | undefined;
    if (fitting.length === 1) {
      // Not preferred: the response may be what is wrong, not the label.
      const edits = setAnnotation(ctx.pair, 'response_type', fitting[0]);
      if (edits.length) fixes = [{ title: `Set response_type to ${fitting[0]}`, edits }];
    }
    ctx.report({
      ...span,
      message: `response_type is ${type}, but the response has ${plural(words, 'word')} in ${plural(sentences, 'sentence')}${suggestion}.`,
      fixes,
    });
  },
};
