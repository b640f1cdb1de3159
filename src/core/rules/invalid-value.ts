import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { CLOSED_ANNOTATIONS, LANGUAGE_TAG, TRAITS, type AnnotationValue } from '../annotations';
import { languageName } from '../language-names';
import { scalarText, type Field } from '../parse/model';
import { suggest } from '../suggest';
import type { LintRule, Report } from '../rule';
import type { Fix } from '../types';
import { fileHome, pairHome, type NodeHome } from '../edit/scalar-site';
import { fixList, valueFix } from '../edit/scalar-fix';

/** A closed list as the rule uses it: a Map, so a key like "constructor" finds nothing. */
interface ClosedList {
  noun: string;
  values: readonly string[];
  set: ReadonlySet<string>;
}
function closedList(noun: string, list: readonly AnnotationValue[]): ClosedList {
  const values = list.map((v) => v.value);
  return { noun, values, set: new Set(values) };
}
const CLOSED = new Map<string, ClosedList>(
  (Object.entries(CLOSED_ANNOTATIONS) as [string, readonly AnnotationValue[]][]).map(
    ([key, list]) => [key, closedList(key.replace('_', ' '), list)],
  ),
);
const TRAIT_LIST = closedList('trait', TRAITS);

// Language names writers type instead of a tag; maps to the tag a fix writes.
const LANGUAGE_NAMES: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    english: 'en',
    hindi: 'hi',
    french: 'fr',
    spanish: 'es',
    german: 'de',
    portuguese: 'pt',
    japanese: 'ja',
    chinese: 'zh',
    mandarin: 'zh',
    arabic: 'ar',
    russian: 'ru',
    italian: 'it',
    korean: 'ko',
    bengali: 'bn',
    bangla: 'bn',
    urdu: 'ur',
    tamil: 'ta',
    telugu: 'te',
    marathi: 'mr',
    gujarati: 'gu',
    punjabi: 'pa',
    kannada: 'kn',
    malayalam: 'ml',
    turkish: 'tr',
    dutch: 'nl',
    polish: 'pl',
    swedish: 'sv',
    indonesian: 'id',
    vietnamese: 'vi',
    thai: 'th',
    hebrew: 'he',
    persian: 'fa',
    farsi: 'fa',
    greek: 'el',
    ukrainian: 'uk',
    malay: 'ms',
    swahili: 'sw',
    tagalog: 'tl',
    filipino: 'fil',
    romanian: 'ro',
    czech: 'cs',
    hungarian: 'hu',
  },
);

function replaceFix(home: NodeHome, node: Node, value: string): Fix[] | undefined {
  return isScalar(node) ? fixList(valueFix(home, node, value, `Change to ${value}`)) : undefined;
}

function checkClosed(
  home: NodeHome,
  node: Node | null,
  { noun, values, set }: ClosedList,
  report: (r: Report) => void,
): void {
  const text = scalarText(node);
  if (text === undefined || !node?.range || set.has(text)) return;
  const hint = suggest(text, values);
  report({
    start: node.range[0],
    end: node.range[1],
    message: `"${text}" is not a ${noun}${hint ? `; did you mean "${hint}"?` : `. Use one of: ${values.join(', ')}.`}`,
    fixes: hint ? replaceFix(home, node, hint) : undefined,
  });
}

function languageHint(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (LANGUAGE_NAMES[lower]) return LANGUAGE_NAMES[lower];
  const dashed = text.trim().replace(/_/g, '-');
  return dashed !== text && LANGUAGE_TAG.test(dashed) ? dashed : undefined;
}

function checkLanguage(home: NodeHome, node: Node | null, report: (r: Report) => void): void {
  const text = scalarText(node);
  if (text === undefined || !node?.range || LANGUAGE_TAG.test(text)) return;
  const hint = languageHint(text);
  report({
    start: node.range[0],
    end: node.range[1],
    message: `"${text}" is not a BCP 47 language tag (like en, hi, fr, pt-BR, ja)${hint ? `; did you mean "${hint}"${languageName(hint) ? ` (${languageName(hint)})` : ''}?` : '.'}`,
    fixes: hint ? replaceFix(home, node, hint) : undefined,
  });
}

/** Check one field of a pair or of defaults; offsets are the node's own (in `home.src`). */
function checkField(home: NodeHome, f: Field, report: (r: Report) => void): void {
  const closed = CLOSED.get(f.key);
  if (closed) {
    if (isScalar(f.value)) checkClosed(home, f.value, closed, report);
    return;
  }
  if (f.key === 'language') {
    if (isScalar(f.value)) checkLanguage(home, f.value, report);
    return;
  }
  if (f.key !== 'traits') return;
  if (isScalar(f.value)) checkClosed(home, f.value, TRAIT_LIST, report);
  else if (isSeq(f.value))
    for (const item of f.value.items as (Node | null)[])
      if (isScalar(item)) checkClosed(home, item, TRAIT_LIST, report);
}

/** Closed annotations hold one of their listed values; language is a BCP 47 tag. */
export const invalidValue: LintRule = {
  meta: {
    id: 'invalid-value',
    category: 'annotations',
    defaultSeverity: 'error',
    fixable: true,
    description:
      'An annotation value outside its list (task, prompt_type, response_type, status, prompt_length, traits) or a language that is not a BCP 47 tag; did-you-mean fix.',
  },
  checkFile(ctx) {
    // Defaults are header text: checked once here, not once per pair that inherits them.
    const home = fileHome(ctx.file);
    for (const f of ctx.file.defaults.values()) checkField(home, f, ctx.report);
  },
  checkPair(ctx) {
    if (!isMap(ctx.pair.node)) return;
    const home = pairHome(ctx.pair);
    for (const f of ctx.pair.entries) checkField(home, f, ctx.report);
  },
};
