import { isScalar } from 'yaml';
import type { LintRule } from '../rule';
import { languageLabel } from '../language-names';
import { pairHome } from '../edit/scalar-site';
import { fixList, valueFix } from '../edit/scalar-fix';
import { checkLanguage, SAMPLE_CHARS, type LanguageVerdict } from '../text/language';

const FIELDS = ['prompt', 'response'] as const;
type Mismatch = Extract<LanguageVerdict, { kind: 'mismatch' }>;
/** A detected language code, as opposed to a script name ("Latin"). */
const CODE = /^[a-z]{2,3}$/;

/** A prompt that asks for a translation, in a few languages. */
const TRANSLATE = /\b(?:translat\w*|tradu\w*|übersetz\w*|traduz\w*)\b|翻译|翻訳|번역/i;
const MATHS = new Set(['sqrt', 'sin', 'cos', 'tan', 'log', 'exp', 'abs', 'max', 'min', 'mod']);
const LETTER = /\p{L}/u;
/** Per UTF-16 unit: 0 not yet known, 1 a letter, 2 not (surrogates are read in pairs). */
const LETTERS = new Uint8Array(0x10000);

/** How many units the letter (\p{L}) at `i` takes, 0 when there is none; `end` cuts a pair. */
function letterAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    return (next & 0xfc00) === 0xdc00 && LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = LETTERS[c];
  if (k === 0) LETTERS[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/**
 * Whether a text has enough words to have a language: an equation (`x = 4, x = -i * sqrt(6)`)
 * has letters but no words, and reads as noise to a detector. Words are runs of three letters
 * or more, other than the names of maths functions; scripts written without spaces count as
 * words by their runs. Only the start that detection reads is looked at.
 */
function prose(text: string): boolean {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let n = 0;
  let letters = 0;
  let start = 0;
  for (let i = 0; i <= end;) {
    const units = i < end ? letterAt(text, i, end) : 0;
    if (units) {
      if (letters++ === 0) start = i;
      i += units;
      continue;
    }
    if (letters >= 3) {
      const word = text.slice(start, i);
      if (word.length > 4 || !MATHS.has(word.toLowerCase())) if (++n >= 3) return true;
    }
    letters = 0;
    i++;
  }
  return false;
}

/**
 * The `language` annotation drives the language mix of the set; a pair written in another
 * language than it declares skews it (and is often a pasted or mis-generated answer). The
 * prompt and the response are judged apart and the rule fires only when neither reads as
 * the declared language, so a translation pair (English prompt, French answer) passes.
 */
export const languageMismatch: LintRule = {
  meta: {
    id: 'language-mismatch',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'The prompt and response read as another language than the declared `language`.',
  },
  checkPair(ctx) {
    const declared = ctx.annotation('language');
    const tag = declared.text?.trim();
    if (!tag) return;
    const found: Array<{ key: string; verdict: Mismatch }> = [];
    for (const key of FIELDS) {
      const t = ctx.text(key);
      if (!t || !prose(t.text)) continue;
      const verdict = checkLanguage(t.text, tag, ctx.services.language);
      if (verdict.kind === 'match') return;
      // A translation's prompt often quotes its source text, in the other language by design:
      // it can show the pair is in the declared language, never that it is not. (Asked only
      // of a prompt that reads wrong: the search reads the whole prompt.)
      if (verdict.kind === 'mismatch' && !(key === 'prompt' && TRANSLATE.test(t.text)))
        found.push({ key, verdict });
    }
    if (!found.length) return;
    const first = found.find((f) => f.key === 'response') ?? found[0];
    const fields = found.map((f) => f.key).join(' and ');
    // A detected language reads as its name; a script alone ("Latin script") as the detector says it.
    const langs = [...new Set(found.map((f) => f.verdict.label))].join(' / ');
    const message = `The ${fields} ${found.length > 1 ? 'read' : 'reads'} as ${langs}, but the declared language is ${languageLabel(tag)}${declared.fromDefaults ? ' (from the file defaults)' : ''}.`;
    const node = declared.field?.value;
    if (!declared.fromDefaults && node?.range) {
      // Offer the detected language when every judged field agrees on one real language code.
      const codes = new Set(found.map((f) => f.verdict.lang));
      const code = codes.size === 1 ? [...codes][0] : undefined;
      // Not preferred: detection can be wrong, and a translation pair may be meant.
      const fix =
        code && CODE.test(code) && isScalar(node)
          ? fixList(
              valueFix(
                pairHome(ctx.pair),
                node,
                code,
                `Set language to ${languageLabel(code)}`,
                false,
              ),
            )
          : undefined;
      ctx.report({ start: node.range[0], end: node.range[1], message, fixes: fix });
      return;
    }
    // The defaults live outside the pair: point at the field that reads wrong.
    const keyNode = ctx.pair.fields.get(first.key)!.keyNode;
    ctx.report({ start: keyNode.range![0], end: keyNode.range![1], message });
  },
};
