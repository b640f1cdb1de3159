/** What keys and values mean, for completion, hover and pickers: the field table's meanings. */
import {
  closedValues,
  DEFAULT_DOMAINS,
  FIELDS,
  TASKS,
  type AnnotationValue,
} from '../../core/fields';
import { describeValue } from '../../core/annotations';
import type { Guidelines } from '../../core/guidelines';

/** Each key's one-line meaning (no prototype: "constructor" is no key). */
export const KEY_DESCRIPTIONS: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  Object.fromEntries(FIELDS.map((f) => [f.key, f.meaning])),
);

/** Common language tags offered when the guidelines list none. */
const COMMON_LANGUAGES = [
  'en',
  'hi',
  'fr',
  'de',
  'es',
  'pt-BR',
  'it',
  'nl',
  'ja',
  'zh',
  'ko',
  'ar',
  'ru',
  'tr',
  'bn',
  'ta',
  'sw',
];

/** The values a key may take under these guidelines, with meanings where they have one. */
export function valuesFor(key: string, g: Guidelines): readonly AnnotationValue[] | undefined {
  if (key === 'domain') {
    return g.domains.map((d) => ({
      value: d,
      description:
        DEFAULT_DOMAINS.find((x) => x.value === d)?.description ?? 'A domain of these guidelines.',
    }));
  }
  if (key === 'language')
    return (g.languages ?? COMMON_LANGUAGES).map((l) => ({
      value: l,
      description: describeValue('language', l) ?? 'A language tag of these guidelines.',
    }));
  if (key === 'task') return TASKS.filter((t) => g.tasks.includes(t.value));
  return closedValues(key);
}
