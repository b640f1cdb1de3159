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
/** Words of three letters or more, other than the names of maths functions. */
const PROSE_WORD = /\p{L}{3,}/gu;
const MATHS = new Set(['sqrt', 'sin', 'cos', 'tan', 'log', 'exp', 'abs', 'max', 'min', 'mod']);

/**
 * Whether a text has enough words to have a language: an equation (`x = 4, x = -i * sqrt(6)`)
 * has letters but no words, and reads as noise to a detector. Scripts written without spaces
 * count as words by their runs.
 */
function prose(text: string): boolean {
  // Only the start that detection reads (a long unspaced run would otherwise be matched,
  // and lowercased, whole).
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let n = 0;
  PROSE_WORD.lastIndex = 0;
  for (let m = PROSE_WORD.exec(sample); m && n < 3; m = PROSE_WORD.exec(sample))
    if (m[0].length > 4 || !MATHS.has(m[0].toLowerCase())) n++;
  return n >= 3;
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
